# The supervisor's review queue: who pushed each revision, stamped by a real server.
qs_add_qtest(tst_recordauthor SOURCES integration/tst_recordauthor.cpp LIBS qs_sync)
add_dependencies(tst_recordauthor qingshui-server)
# The QML tests' seed of pulled records for tst_review_decide.qml (a QObject: moc needs the
# header).
target_sources(tst_qml PRIVATE qml/reviewseed.h)
