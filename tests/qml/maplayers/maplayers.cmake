# The map pages through the real QML (issue 17, layers): the inspector's MapPage and the
# supervisor's queue on a map, each on the services of its face logged in to a real server.
# Their test files are not named tst_*.qml: tst_qml scans tests/qml for those.
qt_add_executable(tst_qml_maplayers qml/maplayers/tst_qml_maplayers.cpp)
target_link_libraries(tst_qml_maplayers PRIVATE qs_backend qs_backendplugin qs_ui qs_uiplugin
                      Qt6::QuickTest Qt6::QuickControls2 Qt6::Test SQLite::SQLite3)
target_include_directories(tst_qml_maplayers PRIVATE support)
target_compile_definitions(tst_qml_maplayers PRIVATE
    QINGSHUI_SERVER_PATH="$<TARGET_FILE:qingshui-server>"
    QS_NMEA_DIR="${PROJECT_SOURCE_DIR}/app/data/nmea")
add_dependencies(tst_qml_maplayers qingshui-server)
foreach(face inspector supervisor)
    add_test(NAME tst_qml_maplayers_${face}
             COMMAND tst_qml_maplayers -input ${CMAKE_CURRENT_SOURCE_DIR}/qml/maplayers/${face}_map_test.qml)
    set_tests_properties(tst_qml_maplayers_${face} PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}"
                         TIMEOUT 300)
endforeach()
