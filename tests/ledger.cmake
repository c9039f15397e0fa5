# The rectification ledger (issue 16): its rules, the server deciding, the devices' side.
qs_add_qtest(tst_problemledger SOURCES unit/tst_problemledger.cpp LIBS qs_domain)
# The server decides the ledger: the whole loop, every refusal, concurrency, frozen months,
# photos and the kiosks' copies, through a real qingshui-server on both backends.
qs_add_qtest(tst_ledgerserver SOURCES integration/tst_ledgerserver.cpp
             LIBS qs_proto qs_domain Qt6::Gui Qt6::Sql)
add_dependencies(tst_ledgerserver qingshui-server)
qs_on_both_backends(tst_ledgerserver)
