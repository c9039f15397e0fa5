# The returned record on the inspector's tablet (issue 5): the return it has to answer, the
# form that shows it, and the seed the QML test stores it with (after tst_qml exists).
qs_add_qtest(tst_returnnote SOURCES unit/tst_returnnote.cpp LIBS qs_core)
qs_add_qtest(tst_formreturn SOURCES unit/tst_formreturn.cpp qml/returnseed.h LIBS qs_backend)
target_include_directories(tst_formreturn PRIVATE qml)
target_sources(tst_qml PRIVATE qml/returnseed.h qml/seedreview.h)
