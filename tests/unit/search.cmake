# Full-text search over the store: trigram index, pending rows, the background indexer.
qs_add_qtest(tst_searchindex SOURCES unit/tst_searchindex.cpp LIBS qs_storage)
