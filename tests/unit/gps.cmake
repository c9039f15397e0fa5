# GPS: the pure averager and gate, and the capture driven by the shipped NMEA logs.
qs_add_qtest(tst_fixaverager SOURCES unit/tst_fixaverager.cpp LIBS qs_positioning)
qs_add_qtest(tst_gpscapture SOURCES unit/tst_gpscapture.cpp LIBS qs_positioning)
target_compile_definitions(tst_gpscapture PRIVATE
    QS_NMEA_DIR="${PROJECT_SOURCE_DIR}/app/data/nmea")
# The header's position errors, worded in the app's language when read (English too).
qs_add_qtest(tst_positionstatus SOURCES unit/tst_positionstatus.cpp LIBS qs_backend)
