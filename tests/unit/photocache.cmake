# A supervisor's photo budget: what is evicted first, and never what is on screen.
qs_add_qtest(tst_photoeviction SOURCES unit/tst_photoeviction.cpp LIBS qs_domain)
qs_add_qtest(tst_photocache SOURCES unit/tst_photocache.cpp LIBS qs_storage)
