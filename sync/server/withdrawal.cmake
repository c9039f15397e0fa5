# Withdrawing a public copy after a later return or rejection (issue 5 loose ends).
target_sources(qs_server PRIVATE publicwithdrawal.h publicwithdrawal.cpp)
