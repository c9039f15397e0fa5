# The supervisor's review screens: the record view.
target_sources(qs_backend PRIVATE
    controllers/recordviewcontroller.h controllers/recordviewcontroller.cpp)
