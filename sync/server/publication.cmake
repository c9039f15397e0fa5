# The kiosks' public feed: redacted copies of published revisions (issue 5).
target_sources(qs_server PRIVATE publication.h publication.cpp)
