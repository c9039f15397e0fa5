# Photo pipeline: size, stamp, stable hash, corrupt input and unwritable stores rejected.
qs_add_qtest(tst_photostore SOURCES unit/tst_photostore.cpp LIBS qs_media)
# Public renditions: the caption band cropped (exactly the band the stamp makes), ≤ 1600 px,
# no metadata, deterministic; what cannot be made is refused.
qs_add_qtest(tst_publicrendition SOURCES unit/tst_publicrendition.cpp
             LIBS qs_common qs_media)
