# The supervisor's review queue: who pushed each revision, stamped by a real server.
qs_add_qtest(tst_recordauthor SOURCES integration/tst_recordauthor.cpp LIBS qs_sync)
add_dependencies(tst_recordauthor qingshui-server)
