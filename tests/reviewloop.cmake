# The review loop (issue 5): device storage, decisions through a real server, the diff.
qs_add_qtest(tst_reviewstore SOURCES unit/tst_reviewstore.cpp LIBS qs_storage)
qs_add_qtest(tst_reviewloop SOURCES integration/tst_reviewloop.cpp
             LIBS qs_sync qs_proto qs_media qs_common)
add_dependencies(tst_reviewloop qingshui-server)
qs_add_qtest(tst_recorddiff SOURCES unit/tst_recorddiff.cpp LIBS qs_domain)
target_compile_definitions(tst_recorddiff PRIVATE
    QS_TEMPLATES_DIR="${PROJECT_SOURCE_DIR}/app/data/templates")
qs_add_qtest(tst_reviewcontroller SOURCES unit/tst_reviewcontroller.cpp LIBS qs_backend)
target_compile_definitions(tst_reviewcontroller PRIVATE
    QS_TEMPLATES_DIR="${PROJECT_SOURCE_DIR}/app/data/templates")
