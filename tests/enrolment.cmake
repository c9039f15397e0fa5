# The tablet set up from its own screen (issue 13, B): the device's enrolment in its store,
# the sync log.
qs_add_qtest(tst_synclog SOURCES unit/tst_synclog.cpp LIBS qs_core)
qs_add_qtest(tst_enrolmentrepository SOURCES unit/tst_enrolmentrepository.cpp LIBS qs_core)
# Joining a server keeps a store one server's history (real servers with TLS).
qs_add_qtest(tst_joinserver SOURCES integration/tst_joinserver.cpp LIBS qs_sync Qt6::Sql)
add_dependencies(tst_joinserver qingshui-server)
# The real binary without a window: --enrol over stdin, --sync-once, the face of the account.
qs_add_qtest(tst_headless SOURCES integration/tst_headless.cpp LIBS qs_core Qt6::Network)
add_dependencies(tst_headless qingshui-server qingshui)
