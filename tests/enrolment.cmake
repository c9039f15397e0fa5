# The tablet set up from its own screen (issue 13, B): the device's enrolment in its store,
# the sync log.
qs_add_qtest(tst_synclog SOURCES unit/tst_synclog.cpp LIBS qs_storage)
qs_add_qtest(tst_enrolmentrepository SOURCES unit/tst_enrolmentrepository.cpp LIBS qs_storage)
# Joining a server keeps a store one server's history (real servers with TLS).
qs_add_qtest(tst_joinserver SOURCES integration/tst_joinserver.cpp LIBS qs_sync Qt6::Sql)
add_dependencies(tst_joinserver qingshui-server)
# The real binary without a window: --enrol over stdin, --sync-once, the face of the account.
qs_add_qtest(tst_headless SOURCES integration/tst_headless.cpp LIBS qs_storage Qt6::Network)
add_dependencies(tst_headless qingshui-server qingshui)
# The 连接服务器 and 设置 pages through the real QML against a real server with TLS.
qt_add_executable(tst_qml_enrolment enrolment/tst_qml_enrolment.cpp
                  enrolment/enrolmenttesthelper.h enrolment/testframesource.h)
target_include_directories(tst_qml_enrolment PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/support)
target_link_libraries(tst_qml_enrolment PRIVATE qs_backend qs_backendplugin qs_ui qs_uiplugin
                      Qt6::QuickTest Qt6::QuickControls2 Qt6::Network)
target_compile_definitions(tst_qml_enrolment PRIVATE
    QINGSHUI_SERVER_PATH="$<TARGET_FILE:qingshui-server>")
add_dependencies(tst_qml_enrolment qingshui-server)
add_test(NAME tst_qml_enrolment
         COMMAND tst_qml_enrolment -input ${CMAKE_CURRENT_SOURCE_DIR}/enrolment)
set_tests_properties(tst_qml_enrolment PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}" TIMEOUT 300)
# The face follows the account in the real app, driven through the automation hook.
qs_add_qtest(tst_faceswitch SOURCES integration/tst_faceswitch.cpp support/appdriver.h
             LIBS Qt6::Network Qt6::Gui)
add_dependencies(tst_faceswitch qingshui-server qingshui)
