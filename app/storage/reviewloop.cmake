# The review loop on the device: revision history, decisions made here (schema 8).
target_sources(qs_core PRIVATE
    storage/sqlreview.h
    storage/revisionhistory.h storage/revisionhistory.cpp
    storage/reviewrepository.h storage/reviewrepository.cpp)
