# The map pages through the real QML (issue 17, layers): the inspector's MapPage and the
# supervisor's queue on a map, each on the services of its face logged in to a real server.
# Their test files are not named tst_*.qml: tst_qml scans tests/qml for those.
qt_add_executable(tst_qml_map qml/map/tst_qml_map.cpp)
target_link_libraries(tst_qml_map PRIVATE qs_backend qs_backendplugin qs_ui qs_uiplugin
                      Qt6::QuickTest Qt6::QuickControls2 Qt6::Test SQLite::SQLite3)
target_include_directories(tst_qml_map PRIVATE support)
target_compile_definitions(tst_qml_map PRIVATE
    QINGSHUI_SERVER_PATH="$<TARGET_FILE:qingshui-server>"
    QS_NMEA_DIR="${PROJECT_SOURCE_DIR}/app/data/nmea")
add_dependencies(tst_qml_map qingshui-server)
foreach(face inspector supervisor)
    add_test(NAME tst_qml_map_${face}
             COMMAND tst_qml_map -input ${CMAKE_CURRENT_SOURCE_DIR}/qml/map/${face}_map_test.qml)
    set_tests_properties(tst_qml_map_${face} PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}"
                         TIMEOUT 300)
endforeach()
