# Issue 13 item 7: the field journey through the real apps (a TLS server, an inspector's
# tablet, a supervisor's desk and a kiosk, each set up from its invite), driven through the
# automation hook.
qs_add_qtest(tst_journey SOURCES integration/tst_journey.cpp support/appdriver.h support/journeysteps.h
             support/enrolmentserver.h support/testcertificate.h
             LIBS Qt6::Network Qt6::Gui)
target_compile_definitions(tst_journey PRIVATE QS_NMEA_DIR="${PROJECT_SOURCE_DIR}/app/data/nmea")
add_dependencies(tst_journey qingshui qingshui-server)
set_tests_properties(tst_journey PROPERTIES TIMEOUT 600)
