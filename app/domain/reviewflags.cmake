# What a reviewer needs to trust a record (issue 13): GPS and clock flags, and how many of a
# revision's photos are on this device.
target_sources(qs_core PRIVATE
    domain/reviewflags.h domain/reviewflags.cpp
    media/photopresence.h media/photopresence.cpp)
