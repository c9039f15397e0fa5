# The kiosk's pages through the real QML, on a kiosk's store (tests/kiosk/tst_*.qml). A folder
# of its own, outside tests/qml, so that tst_qml's inspector store does not run them. The seed
# object of tst_feed_*.qml; every page in English (tst_english_kiosk.qml): the visible texts,
# less the store's user data, hold no Chinese.
qt_add_executable(tst_qml_kiosk kiosk/tst_qml_kiosk.cpp kiosk/feedseed.h kiosk/screentexts.h)
target_include_directories(tst_qml_kiosk PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/kiosk)
target_link_libraries(tst_qml_kiosk PRIVATE qs_backend qs_backendplugin qs_ui qs_uiplugin
                      Qt6::QuickTest Qt6::QuickControls2)
add_test(NAME tst_qml_kiosk COMMAND tst_qml_kiosk -input ${CMAKE_CURRENT_SOURCE_DIR}/kiosk)
set_tests_properties(tst_qml_kiosk PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}" TIMEOUT 300)

# The kiosk's C++ parts.
# The kiosk shell's config, PIN, --set-kiosk-pin and idle watch (C++). Its QML tests
# (tests/kiosk/tst_shell_*.qml) run in tst_qml_kiosk with the other kiosk pages.
qs_add_qtest(tst_kioskshell SOURCES kiosk/tst_kioskshell.cpp LIBS qs_backend)
add_dependencies(tst_kioskshell qingshui) # --set-kiosk-pin through the real executable

# The pairing map's CSV loading, projection and label placement (map part).
qs_add_qtest(tst_pairingmap SOURCES kiosk/tst_pairingmap.cpp LIBS qs_backend)

# Read-only sync and the published photos through a real server (kiosk-feed-sync).
qs_add_qtest(tst_kioskfeedsync SOURCES kiosk/tst_kioskfeedsync.cpp
             LIBS qs_sync qs_proto qs_media qs_common)
add_dependencies(tst_kioskfeedsync qingshui-server)
# A corrupt or missing cache: ServiceHost and the real executable (kiosk-feed-store).
qs_add_qtest(tst_kioskcorruptstore SOURCES kiosk/tst_kioskcorruptstore.cpp
             LIBS qs_backend)
add_dependencies(tst_kioskcorruptstore qingshui)

# The kiosk's achievements: the bundled §4 facts and the counts of public records.
qs_add_qtest(tst_figures SOURCES kiosk/tst_figures.cpp kiosk/publicrecordseed.h LIBS qs_backend)
set_tests_properties(tst_figures PROPERTIES LABELS kiosk-figures)

# The sd_notify client against a real datagram socket (path and abstract name).
qs_add_qtest(tst_systemdnotifier SOURCES kiosk/tst_systemdnotifier.cpp LIBS qs_backend)
set_tests_properties(tst_systemdnotifier PROPERTIES LABELS kiosk-figures)
