# The inspector's side of the review loop: the return a record has to answer.
target_sources(qs_core PRIVATE storage/returnnote.h storage/returnnote.cpp)
