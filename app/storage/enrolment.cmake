# The device's enrolment (issue 13): the server and account it is logged in with, what
# waits to be sent, the sync log (schema 11), and the stored role read before the app exists.
target_sources(qs_core PRIVATE
    domain/accountrole.h
    storage/enrolmentrepository.h storage/enrolmentrepository.cpp
    storage/synclogrepository.h storage/synclogrepository.cpp)
# Direct SQLite (no Qt application yet): the library that links SQLite itself.
target_sources(qs_sqlite PRIVATE storage/storedrole.h storage/storedrole.cpp)
target_include_directories(qs_sqlite PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
