# The server's refusal codes worded in the user's language (issue 13).
target_sources(qs_backend PRIVATE controllers/refusaltext.h controllers/refusaltext.cpp)
