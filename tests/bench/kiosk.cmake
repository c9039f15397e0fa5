# Suite `kiosk`: the exhibition kiosk's soak through its real QML (attract loop and touch).
target_sources(qingshui-bench PRIVATE kioskbench.h kioskbench.cpp)
target_link_libraries(qingshui-bench PRIVATE qs_backendplugin qs_ui qs_uiplugin Qt6::Quick
                      Qt6::QuickControls2 Qt6::Test)
target_include_directories(qingshui-bench PRIVATE ${PROJECT_SOURCE_DIR}/tests/kiosk)
