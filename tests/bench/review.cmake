# Suite `review`: the supervisor's queue over 100,000 pulled records.
target_sources(qingshui-bench PRIVATE reviewbench.h reviewbench.cpp)
