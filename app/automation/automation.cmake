# `qingshui --automation SOCKET` (issue 13): a local socket through which a test drives the
# running app as a user would — find objects, read and set properties, tap, type, list the
# texts on screen, grab the window. Linked into the executable only; nothing in it runs
# unless the option is given.
add_library(qs_automation STATIC
    automation/automationserver.h automation/automationserver.cpp
    automation/automationcommands.h automation/automationcommands.cpp
    automation/itemquery.h automation/itemquery.cpp
    automation/pointerinput.h automation/pointerinput.cpp
    automation/keyboardinput.h automation/keyboardinput.cpp
    automation/screentexts.h automation/screentexts.cpp
    automation/methodcall.h automation/methodcall.cpp
    automation/variantjson.h automation/variantjson.cpp)
target_include_directories(qs_automation PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(qs_automation PUBLIC Qt6::Core PRIVATE Qt6::Gui Qt6::Quick Qt6::Network)
target_link_libraries(qingshui PRIVATE qs_automation)
