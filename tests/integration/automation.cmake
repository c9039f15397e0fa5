# The real `qingshui` driven through its automation hook (issue 13): the driver's own test,
# and the English walk through every page of each mode.
qs_add_qtest(tst_appdriver SOURCES integration/tst_appdriver.cpp support/appdriver.h
             LIBS Qt6::Network Qt6::Gui)
add_dependencies(tst_appdriver qingshui)
