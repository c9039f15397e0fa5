# Photos: capture (Qt Multimedia camera, or a file), stamping and the content-addressed store.
if(NOT TARGET Qt6::Multimedia)
    find_package(Qt6 REQUIRED COMPONENTS Gui Multimedia)
    # Imported here in app/, but tests/ links qs_core too and must see the target.
    set_target_properties(Qt6::Multimedia PROPERTIES IMPORTED_GLOBAL TRUE)
endif()
target_sources(qs_core PRIVATE
    media/photostore.h media/photostore.cpp media/photoproblem.h
    media/photosource.h
    media/camerasource.h media/camerasource.cpp)
target_link_libraries(qs_core PUBLIC Qt6::Gui Qt6::Multimedia PRIVATE qs_captionband)
