# Refusals as codes (every service) and invites: `qingshui-server invite`, Auth.Enrol.
target_sources(qs_server PRIVATE refusalstatus.h refusalstatus.cpp)
