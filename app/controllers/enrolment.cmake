# The tablet set up from its own screen (issue 13, B): the 连接服务器 page (Services.enrolment),
# the settings page with the sync log (Services.settings), sync errors worded from the log.
if(NOT TARGET Qt6::Concurrent)
    find_package(Qt6 REQUIRED COMPONENTS Concurrent)
    # Imported here in app/, but tests/ links qs_backend too and must see the target.
    set_target_properties(Qt6::Concurrent PROPERTIES IMPORTED_GLOBAL TRUE)
endif()
target_sources(qs_backend PRIVATE
    controllers/enrolmentcontroller.h controllers/enrolmentcontroller.cpp
    controllers/settingscontroller.h controllers/settingscontroller.cpp
    controllers/syncerrortext.h controllers/syncerrortext.cpp
    controllers/accountroletext.h controllers/accountroletext.cpp
    models/synclogmodel.h models/synclogmodel.cpp
    controllers/synconce.h controllers/synconce.cpp
    controllers/enrolfrominput.h controllers/enrolfrominput.cpp)
target_link_libraries(qs_backend PUBLIC Qt6::Concurrent)
