# The kiosk's pages through the real QML, on a kiosk's store (tests/kiosk/tst_*.qml). A folder
# of its own, outside tests/qml, so that tst_qml's inspector store does not run them.
qt_add_executable(tst_qml_kiosk kiosk/tst_qml_kiosk.cpp)
target_link_libraries(tst_qml_kiosk PRIVATE qs_backend qs_backendplugin qs_ui qs_uiplugin
                      Qt6::QuickTest Qt6::QuickControls2)
add_test(NAME tst_qml_kiosk COMMAND tst_qml_kiosk -input ${CMAKE_CURRENT_SOURCE_DIR}/kiosk)
set_tests_properties(tst_qml_kiosk PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}" TIMEOUT 300)

# The kiosk's C++ parts, one file per part.
include(kiosk/shell.cmake OPTIONAL)
include(kiosk/map.cmake OPTIONAL)
include(kiosk/feed.cmake OPTIONAL)
include(kiosk/figures.cmake OPTIONAL)
include(kiosk/watchdog.cmake OPTIONAL)
include(kiosk/english.cmake OPTIONAL)
