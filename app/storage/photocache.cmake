# A supervisor's fetched photos (schema 12): the budget they fit in and what to evict first.
target_sources(qs_core PRIVATE
    domain/photoeviction.h domain/photoeviction.cpp
    storage/photocacherepository.h storage/photocacherepository.cpp)
