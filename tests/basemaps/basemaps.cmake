# Basemaps delivered by sync (issue 17): the server's packages on both backends, the device's
# fetch (cut, resumed, a full disk, a corrupt package, the newer replacing the older), the
# controller (import by hand, words for each state).
qs_add_qtest(tst_basemapserver SOURCES basemaps/tst_basemapserver.cpp
             LIBS qs_sync qs_proto SQLite::SQLite3 Qt6::Gui)
add_dependencies(tst_basemapserver qingshui-server)
qs_on_both_backends(tst_basemapserver)

# The device's fetch; a driver process for the full disk (RLIMIT_FSIZE), as for photos.
qt_add_executable(basemapfetchdriver basemaps/basemapfetchdriver.cpp)
target_link_libraries(basemapfetchdriver PRIVATE qs_sync)
qs_add_qtest(tst_basemapsync SOURCES basemaps/tst_basemapsync.cpp
             LIBS qs_sync qs_proto SQLite::SQLite3 Qt6::Gui Qt6::Network)
target_compile_definitions(tst_basemapsync PRIVATE
    QS_BASEMAPFETCHDRIVER_PATH="$<TARGET_FILE:basemapfetchdriver>")
add_dependencies(tst_basemapsync basemapfetchdriver qingshui-server)
qs_on_both_backends(tst_basemapsync)

# Importing by hand onto a disk that fills up: a driver process under RLIMIT_FSIZE.
qt_add_executable(basemapimportdriver basemaps/basemapimportdriver.cpp)
target_link_libraries(basemapimportdriver PRIVATE qs_backend Qt6::Gui)
qs_add_qtest(tst_basemapcontroller SOURCES basemaps/tst_basemapcontroller.cpp
             LIBS qs_backend SQLite::SQLite3)
target_compile_definitions(tst_basemapcontroller PRIVATE
    QS_BASEMAPIMPORTDRIVER_PATH="$<TARGET_FILE:basemapimportdriver>")
add_dependencies(tst_basemapcontroller basemapimportdriver qingshui-server)

# The settings page's 底图 through the real QML, against a real server offering a package.
qt_add_executable(tst_qml_basemaps basemaps/tst_qml_basemaps.cpp)
target_include_directories(tst_qml_basemaps PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/support)
target_link_libraries(tst_qml_basemaps PRIVATE qs_backend qs_backendplugin qs_ui qs_uiplugin
                      Qt6::QuickTest Qt6::QuickControls2 SQLite::SQLite3)
target_compile_definitions(tst_qml_basemaps PRIVATE
    QINGSHUI_SERVER_PATH="$<TARGET_FILE:qingshui-server>")
add_dependencies(tst_qml_basemaps qingshui-server)
add_test(NAME tst_qml_basemaps
         COMMAND tst_qml_basemaps -input ${CMAKE_CURRENT_SOURCE_DIR}/basemaps/qml)
set_tests_properties(tst_qml_basemaps PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}" TIMEOUT 300)
