# Dashboard figures on a real store; exports read back by real parsers (ogrinfo, python3's
# csv module, unzip), which must be installed (scripts/install-deps.sh): a missing one fails.
qs_add_qtest(tst_dashboard SOURCES unit/tst_dashboard.cpp LIBS qs_storage)
qs_add_qtest(tst_exports SOURCES unit/tst_exports.cpp LIBS qs_reports qs_media Qt6::Gui)
