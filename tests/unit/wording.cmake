# Issue 13 item 5: what the sync layer and the photo code carry as codes, worded by the app in
# both languages; place names in English.
qs_add_qtest(tst_syncwording SOURCES unit/tst_syncwording.cpp LIBS qs_backend)
