# The kiosk under systemd (issue 6, part watchdog): READY=1 and watchdog pings over
# $NOTIFY_SOCKET, hooked in main() for every mode.
target_sources(qs_backend PRIVATE kiosk/systemdnotifier.h kiosk/systemdnotifier.cpp)
