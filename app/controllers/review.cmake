# The supervisor's review screens: decisions, revisions and the diff (Services.review), and
# the record view (Services.recordView).
target_sources(qs_backend PRIVATE
    controllers/reviewcontroller.h controllers/reviewcontroller.cpp
    controllers/recordviewcontroller.h controllers/recordviewcontroller.cpp
    controllers/reviewflagtext.h controllers/reviewflagtext.cpp)
