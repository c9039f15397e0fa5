# A supervisor's photos arriving by sync: their failures in the user's words.
target_sources(qs_backend PRIVATE
    controllers/photofetchtext.h controllers/photofetchtext.cpp)
