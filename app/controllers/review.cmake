# The supervisor's decisions, a record's revisions and the diff, as Services.review.
target_sources(qs_backend PRIVATE
    controllers/reviewcontroller.h controllers/reviewcontroller.cpp)
