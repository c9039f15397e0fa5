# Public copies leak nothing (issue 13): the answers a copy keeps by their shape, and the
# public renditions through a real server to a real kiosk store.
qs_add_qtest(tst_publiccontent SOURCES unit/tst_publiccontent.cpp LIBS qs_server qs_domain)
target_compile_definitions(tst_publiccontent PRIVATE
    QS_TEMPLATES_DIR="${PROJECT_SOURCE_DIR}/app/data/templates")
qs_add_qtest(tst_publicrenditions SOURCES integration/tst_publicrenditions.cpp
             LIBS qs_backend qs_proto qs_common)
target_compile_definitions(tst_publicrenditions PRIVATE
    QS_SERVER_MIGRATIONS_DIR="${PROJECT_SOURCE_DIR}/sync/server/migrations")
add_dependencies(tst_publicrenditions qingshui-server)
