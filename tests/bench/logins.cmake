# Suite `logins`: 200 login attempts at once against a real server; its peak memory.
target_sources(qingshui-bench PRIVATE loginbench.h loginbench.cpp)
target_link_libraries(qingshui-bench PRIVATE qs_proto)   # the Login request itself
