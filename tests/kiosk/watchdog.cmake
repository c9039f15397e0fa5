# The sd_notify client against a real datagram socket (path and abstract name).
qs_add_qtest(tst_systemdnotifier SOURCES kiosk/tst_systemdnotifier.cpp LIBS qs_backend)
set_tests_properties(tst_systemdnotifier PROPERTIES LABELS kiosk-figures)
