# The pairing map's CSV loading, projection and label placement (map part).
qs_add_qtest(tst_pairingmap SOURCES kiosk/tst_pairingmap.cpp LIBS qs_backend)
