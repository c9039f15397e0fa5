# Full-text search over the store: trigram index, pending rows, the background indexer.
qs_add_qtest(tst_searchindex SOURCES unit/tst_searchindex.cpp LIBS qs_storage)
# A long pull keeps the write-ahead log bounded (issue 18, initial sync).
qs_add_qtest(tst_pulllog SOURCES unit/tst_pulllog.cpp LIBS qs_storage)
