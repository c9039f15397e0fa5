# Suite `review`: the supervisor's dashboard and exports over 100,000 records.
target_sources(qingshui-bench PRIVATE reportbench.h reportbench.cpp)
