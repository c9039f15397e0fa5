# The rectification ledger (issue 16): its rules, the server deciding, the devices' side.
qs_add_qtest(tst_problemledger SOURCES unit/tst_problemledger.cpp LIBS qs_domain)
# The ledger's loop through the real apps and server (a TLS server, an inspector's tablet, a
# supervisor's desk and a kiosk, each set up from its invite), driven through the automation
# hook: raise on the tablet → assign → fix → re-check on site → 销号 → dashboard and kiosk.
qs_add_qtest(tst_ledgerjourney SOURCES integration/tst_ledgerjourney.cpp support/appdriver.h
             support/enrolmentserver.h support/testcertificate.h
             LIBS Qt6::Network Qt6::Gui)
target_compile_definitions(tst_ledgerjourney PRIVATE
    QS_NMEA_DIR="${PROJECT_SOURCE_DIR}/app/data/nmea")
add_dependencies(tst_ledgerjourney qingshui qingshui-server)
set_tests_properties(tst_ledgerjourney PROPERTIES TIMEOUT 600)
