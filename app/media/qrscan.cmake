# Reading an invite's QR code (issue 13): zxing-cpp (Debian's libzxing-dev) over a picture,
# the camera's viewfinder frames behind FrameSource.
if(NOT TARGET ZXing::ZXing)
    find_package(ZXing REQUIRED)
    # Imported here in app/, but tests/ links qs_core too and must see the target.
    set_target_properties(ZXing::ZXing PROPERTIES IMPORTED_GLOBAL TRUE)
endif()
target_sources(qs_core PRIVATE
    media/qrdecoder.h media/qrdecoder.cpp
    media/framesource.h
    media/cameraframesource.h media/cameraframesource.cpp)
target_link_libraries(qs_core PRIVATE ZXing::ZXing)
