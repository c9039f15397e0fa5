# Joining a server from the tablet (issue 13, B): the store stays one server's history.
target_sources(qs_sync PRIVATE joinserver.h joinserver.cpp)
