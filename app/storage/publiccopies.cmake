# A kiosk's store: the reads of the published, redacted public copies it pulls (the feed,
# the figures' counts).
target_sources(qs_core PRIVATE
    storage/publicfeedquery.h storage/publicfeedquery.cpp
    storage/publicrecordcounts.h storage/publicrecordcounts.cpp)
