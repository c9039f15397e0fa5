# The review loop (issue 5): device storage, decisions through a real server, the diff.
qs_add_qtest(tst_reviewstore SOURCES unit/tst_reviewstore.cpp LIBS qs_core)
qs_add_qtest(tst_reviewloop SOURCES integration/tst_reviewloop.cpp LIBS qs_sync)
add_dependencies(tst_reviewloop qingshui-server)
