# Photo pipeline: size, stamp, stable hash, corrupt input and unwritable stores rejected.
qs_add_qtest(tst_photostore SOURCES unit/tst_photostore.cpp LIBS qs_core)
