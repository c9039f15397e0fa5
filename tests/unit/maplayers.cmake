# What the map shows (issue 17, layers): the store's markers, and the controller that hands
# them to the pages.
qs_add_qtest(tst_mapmarkerquery SOURCES unit/tst_mapmarkerquery.cpp LIBS qs_storage)
qs_add_qtest(tst_maplayercontroller SOURCES unit/tst_maplayercontroller.cpp LIBS qs_backend)
