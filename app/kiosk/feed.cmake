# The kiosk's public feed (Services.publicFeed): the published records of a kiosk's store,
# and the kiosk's demo copies with drawn photos.
target_sources(qs_backend PRIVATE
    kiosk/publicfeed.h kiosk/publicfeed.cpp
    kiosk/kioskdemodata.h kiosk/kioskdemodata.cpp)
target_include_directories(qs_backend PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/kiosk)
target_link_libraries(qs_backend PRIVATE qs_publicrendition)
