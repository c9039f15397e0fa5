# Suite `load`: 1,000 simulated tablets against one real server, through gRPC's async client
# API; the tablets are enrolled through the server's store library (qs_server).
target_sources(qingshui-bench PRIVATE loadbench.h loadbench.cpp loadfleet.h loadfleet.cpp
    loaddriver.h loaddriver.cpp)
target_link_libraries(qingshui-bench PRIVATE qs_server qs_passwordhash)
