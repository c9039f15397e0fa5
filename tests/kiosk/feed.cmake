# The feed part's tests: the QML tests' seed object (tst_feed_*.qml).
target_sources(tst_qml_kiosk PRIVATE kiosk/feedseed.h)
target_include_directories(tst_qml_kiosk PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/kiosk)

# Read-only sync and the published photos through a real server (kiosk-feed-sync).
qs_add_qtest(tst_kioskfeedsync SOURCES kiosk/tst_kioskfeedsync.cpp
             LIBS qs_sync qs_proto qs_publicrendition)
add_dependencies(tst_kioskfeedsync qingshui-server)
# A corrupt or missing cache: ServiceHost and the real executable (kiosk-feed-store).
qs_add_qtest(tst_kioskcorruptstore SOURCES kiosk/tst_kioskcorruptstore.cpp
             LIBS qs_backend)
add_dependencies(tst_kioskcorruptstore qingshui)
