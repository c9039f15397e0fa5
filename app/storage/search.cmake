# Full-text search (schema 9): the trigram index, its exact search condition, the indexer.
target_sources(qs_core PRIVATE
    storage/searchindex.h storage/searchindex.cpp
    storage/searchindexer.h storage/searchindexer.cpp)
