# The kiosk shell's config, PIN, --set-kiosk-pin and idle watch (C++). Its QML tests
# (tests/kiosk/tst_shell_*.qml) run in tst_qml_kiosk with the other kiosk pages.
qs_add_qtest(tst_kioskshell SOURCES kiosk/tst_kioskshell.cpp LIBS qs_backend)
add_dependencies(tst_kioskshell qingshui) # --set-kiosk-pin through the real executable
