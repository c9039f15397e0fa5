# The kiosk's shell (issue 6): Services.kiosk with its config, idle watch and admin PIN.
target_sources(qs_backend PRIVATE
    kiosk/kioskconfig.h kiosk/kioskconfig.cpp
    kiosk/idlewatch.h kiosk/idlewatch.cpp
    kiosk/kioskcontroller.h kiosk/kioskcontroller.cpp
    kiosk/kioskpinsetup.h kiosk/kioskpinsetup.cpp)
target_include_directories(qs_backend PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/kiosk)
target_link_libraries(qs_backend PUBLIC qs_passwordhash)
