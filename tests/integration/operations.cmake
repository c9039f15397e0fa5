# Operations (issue 14, point 7): the call log, the health service and online back-ups, each
# against real qingshui-server processes. The call log and the health service on both
# backends (NAME and NAME_pg); the back-up command is SQLite's (PostgreSQL: pg_dump).
qs_add_qtest(tst_calllog SOURCES integration/tst_calllog.cpp LIBS qs_sync qs_media qs_proto)
add_dependencies(tst_calllog qingshui-server)
qs_add_qtest(tst_serverhealth SOURCES integration/tst_serverhealth.cpp LIBS qs_proto)
add_dependencies(tst_serverhealth qingshui-server)
qs_on_both_backends(tst_calllog)
qs_on_both_backends(tst_serverhealth)
qs_add_qtest(tst_serverbackup SOURCES integration/tst_serverbackup.cpp LIBS qs_sync qs_media)
add_dependencies(tst_serverbackup qingshui-server)
# The call log's writer: a stuck reader holds up no call; drops are counted.
qs_add_qtest(tst_linewriter SOURCES unit/tst_linewriter.cpp LIBS qs_server)
