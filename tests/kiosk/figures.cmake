# The kiosk's achievements: the bundled §4 facts and the counts of public records.
qs_add_qtest(tst_figures SOURCES kiosk/tst_figures.cpp kiosk/publicrecordseed.h LIBS qs_backend)
target_include_directories(tst_figures PRIVATE ${PROJECT_SOURCE_DIR}/app/kiosk)
set_tests_properties(tst_figures PROPERTIES LABELS kiosk-figures)
