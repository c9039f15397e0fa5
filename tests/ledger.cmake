# The rectification ledger (issue 16): its rules, the server deciding, the devices' side.
qs_add_qtest(tst_problemledger SOURCES unit/tst_problemledger.cpp LIBS qs_domain)
# The device's side: storage, fold, outbox, pulled pages.
qs_add_qtest(tst_problemrepository SOURCES unit/tst_problemrepository.cpp LIBS qs_storage)
# The supervisor's ledger, the ranking and village coverage over real reference regions.
qs_add_qtest(tst_ledgerquery SOURCES unit/tst_ledgerquery.cpp LIBS qs_storage)
# The ledger's CSV read back by python3's csv module.
qs_add_qtest(tst_ledgercsv SOURCES unit/tst_ledgercsv.cpp LIBS qs_reports)
# Ledger ops between real devices through a real server: exactly once, scoped, conflicts kept,
# refusals set aside with their codes.
qs_add_qtest(tst_ledgersync SOURCES integration/tst_ledgersync.cpp
             LIBS qs_sync qs_proto qs_media qs_common)
add_dependencies(tst_ledgersync qingshui-server)
# The server decides the ledger: the whole loop, every refusal, concurrency, frozen months,
# photos and the kiosks' copies, through a real qingshui-server on both backends.
qs_add_qtest(tst_ledgerserver SOURCES integration/tst_ledgerserver.cpp
             LIBS qs_proto qs_domain Qt6::Gui Qt6::Sql)
add_dependencies(tst_ledgerserver qingshui-server)
qs_on_both_backends(tst_ledgerserver)
# The ledger's loop through the real apps and server (a TLS server, an inspector's tablet, a
# supervisor's desk and a kiosk, each set up from its invite), driven through the automation
# hook: raise on the tablet → assign → fix → re-check on site → 销号 → dashboard and kiosk.
qs_add_qtest(tst_ledgerjourney SOURCES integration/tst_ledgerjourney.cpp support/appdriver.h support/journeysteps.h
             support/enrolmentserver.h support/testcertificate.h
             LIBS Qt6::Network Qt6::Gui)
target_compile_definitions(tst_ledgerjourney PRIVATE
    QS_NMEA_DIR="${PROJECT_SOURCE_DIR}/app/data/nmea")
add_dependencies(tst_ledgerjourney qingshui qingshui-server)
set_tests_properties(tst_ledgerjourney PROPERTIES TIMEOUT 600)
# The ledger's controllers on real stores logged in to a real server: lists, ways, refusals.
qs_add_qtest(tst_ledgercontroller SOURCES unit/tst_ledgercontroller.cpp support/pulledproblems.h
             LIBS qs_backend)
target_compile_definitions(tst_ledgercontroller PRIVATE
    QS_NMEA_DIR="${PROJECT_SOURCE_DIR}/app/data/nmea")
add_dependencies(tst_ledgercontroller qingshui-server)
# The supervisor's board: figures, ranking, coverage, the sign-off's two levels, the CSV.
qs_add_qtest(tst_ledgerboard SOURCES unit/tst_ledgerboard.cpp support/pulledproblems.h
             LIBS qs_backend)
add_dependencies(tst_ledgerboard qingshui-server)
# The kiosk's ledger: public problems and closure rates as a pull brings them.
qs_add_qtest(tst_publicledger SOURCES unit/tst_publicledger.cpp LIBS qs_backend)
target_compile_definitions(tst_publicledger PRIVATE
    QS_TEMPLATES_DIR="${PROJECT_SOURCE_DIR}/app/data/templates")
