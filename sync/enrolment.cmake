# Joining a server from the tablet (issue 13): the server's refusals as codes, the trust
# learnt from an invite, and the enrolment that stores server, trust and token together.
target_sources(qs_sync PRIVATE
    refusal.h refusal.cpp
    servertrust.h servertrust.cpp
    deviceenrolment.h deviceenrolment.cpp)
target_link_libraries(qs_sync PUBLIC qs_enrolmentcode)
