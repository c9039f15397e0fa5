# The kiosks' public feed: redacted copies of published revisions (issue 5), whose photos are
# public renditions the server makes (issue 13): the catalogue's templates decide what stays.
target_sources(qs_server PRIVATE
    publication.h publication.cpp
    publiccontent.h publiccontent.cpp)
target_link_libraries(qs_server PRIVATE qs_formtemplate qs_publicrendition)
