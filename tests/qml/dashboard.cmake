# The supervisor's dashboard through the real QML, in a QApplication (Qt Charts needs one).
# Its test file is not named tst_*.qml: tst_qml scans tests/qml and its subfolders for those,
# and runs them in a QGuiApplication, where a chart cannot be made.
qt_add_executable(tst_qml_dashboard qml/tst_qml_dashboard.cpp)
target_link_libraries(tst_qml_dashboard PRIVATE qs_backend qs_backendplugin qs_ui qs_uiplugin
                      Qt6::QuickTest Qt6::QuickControls2 Qt6::Widgets Qt6::Test)
# Its records come from inspectors' tablets through a real server, by the app's own sync.
target_include_directories(tst_qml_dashboard PRIVATE support)
target_compile_definitions(tst_qml_dashboard PRIVATE
    QINGSHUI_SERVER_PATH="$<TARGET_FILE:qingshui-server>")
add_dependencies(tst_qml_dashboard qingshui-server)
add_test(NAME tst_qml_dashboard
         COMMAND tst_qml_dashboard -input ${CMAKE_CURRENT_SOURCE_DIR}/qml/dashboard/dashboardpage_test.qml)
set_tests_properties(tst_qml_dashboard PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}" TIMEOUT 300)
