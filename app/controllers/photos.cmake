# A supervisor's photos arriving by sync: the fetch's state and failures in the user's words
# (Services.photos), for the review queue and the record view.
target_sources(qs_backend PRIVATE
    controllers/photofetchtext.h controllers/photofetchtext.cpp
    controllers/photofetchcontroller.h controllers/photofetchcontroller.cpp)
