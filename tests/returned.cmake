# The returned record on the inspector's tablet (issue 5): the return it has to answer, the
# form that shows it with the return a real server brought (ReturnSyncSeed).
qs_add_qtest(tst_returnnote SOURCES unit/tst_returnnote.cpp LIBS qs_storage)
qs_add_qtest(tst_formreturn SOURCES unit/tst_formreturn.cpp qml/returned/returnsyncseed.h
             LIBS qs_backend)
target_include_directories(tst_formreturn PRIVATE qml/returned)
add_dependencies(tst_formreturn qingshui-server)

# The returned record through the real QML, against a real server (issue 13): the record
# goes out and its return comes back by the inspector app's own sync; a supervisor's desk
# of its own decides. Its test file is not named tst_*.qml: tst_qml runs those, offline.
qt_add_executable(tst_qml_returned qml/returned/tst_qml_returned.cpp qml/returned/returnsyncseed.h)
target_include_directories(tst_qml_returned PRIVATE support)
target_link_libraries(tst_qml_returned PRIVATE qs_backend qs_backendplugin qs_ui qs_uiplugin
                      Qt6::QuickTest Qt6::QuickControls2 Qt6::Test)
target_compile_definitions(tst_qml_returned PRIVATE
    QINGSHUI_SERVER_PATH="$<TARGET_FILE:qingshui-server>"
    QS_NMEA_DIR="${PROJECT_SOURCE_DIR}/app/data/nmea")
add_dependencies(tst_qml_returned qingshui-server)
add_test(NAME tst_qml_returned
         COMMAND tst_qml_returned -input ${CMAKE_CURRENT_SOURCE_DIR}/qml/returned/returned_test.qml)
set_tests_properties(tst_qml_returned PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}" TIMEOUT 300)
