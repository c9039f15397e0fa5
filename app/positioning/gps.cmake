# GPS capture: accuracy gate, averaging and the capture state machine (paths relative to app/).
target_sources(qs_core PRIVATE
    positioning/fixaverager.h positioning/fixaverager.cpp
    positioning/accuracygate.h positioning/accuracygate.cpp
    positioning/gpscapture.h positioning/gpscapture.cpp)
