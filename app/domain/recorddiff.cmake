# The field-by-field diff between two revisions of a record (the review loop).
target_sources(qs_core PRIVATE domain/recorddiff.h domain/recorddiff.cpp)
