# Suite `sync`, issue 13: a supervisor's photos fetched after the pull, and the first photo of
# a record opened in the real RecordViewPage.
target_sources(qingshui-bench PRIVATE photofetchbench.h photofetchbench.cpp)
target_link_libraries(qingshui-bench PRIVATE qs_backendplugin qs_ui qs_uiplugin Qt6::Quick
                      Qt6::QuickControls2)
