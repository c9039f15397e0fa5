# The server's rules a request cannot talk its way around (who did it comes from the token,
# no device takeover, a decision's scope is its revision's), through a real server.
qs_add_qtest(tst_serverrules SOURCES integration/tst_serverrules.cpp LIBS qs_sync qs_proto Qt6::Sql)
add_dependencies(tst_serverrules qingshui-server)
qs_on_both_backends(tst_serverrules)
