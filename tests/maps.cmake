# Issue 17's map: Web Mercator, the datums, clustering (domain), MBTiles files with every bad
# input made for real (common), the tile provider and the basemap's words (backend), and the
# map view in QML over a test MBTiles.
qs_add_qtest(tst_webmercator SOURCES unit/maps/tst_webmercator.cpp LIBS qs_domain)
qs_add_qtest(tst_chinadatum SOURCES unit/maps/tst_chinadatum.cpp LIBS qs_domain)
qs_add_qtest(tst_pointclusterer SOURCES unit/maps/tst_pointclusterer.cpp LIBS qs_domain)
qs_add_qtest(tst_mbtilesfile SOURCES unit/maps/tst_mbtilesfile.cpp
             LIBS qs_common qs_domain SQLite::SQLite3 Qt6::Concurrent Qt6::Gui)
qs_add_qtest(tst_maptileprovider SOURCES unit/maps/tst_maptileprovider.cpp
             LIBS qs_backend qs_common SQLite::SQLite3)
qs_add_qtest(tst_mapviewport SOURCES unit/maps/tst_mapviewport.cpp LIBS qs_backend)
qs_add_qtest(tst_mappointlayer SOURCES unit/maps/tst_mappointlayer.cpp LIBS qs_backend)

qt_add_executable(tst_qml_map qml/map/tst_qml_map.cpp)
target_include_directories(tst_qml_map PRIVATE support unit/maps)
target_link_libraries(tst_qml_map PRIVATE qs_backend qs_backendplugin qs_ui qs_uiplugin
                      SQLite::SQLite3 Qt6::QuickTest Qt6::QuickControls2)
add_test(NAME tst_qml_map
         COMMAND tst_qml_map -input ${CMAKE_CURRENT_SOURCE_DIR}/qml/map/mapview_test.qml)
set_tests_properties(tst_qml_map PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}" TIMEOUT 300)

# The journey (issue 17): the demo basemap registered with `qingshui-server basemap add`, brought
# to the inspector's tablet and the supervisor's desk by sync; a record on the tablet's map,
# its card, then approved from a box drawn on the supervisor's map; real apps, real server.
qs_add_qtest(tst_mapjourney SOURCES integration/tst_mapjourney.cpp support/appdriver.h support/journeysteps.h
             support/enrolmentserver.h support/basemapserver.h LIBS Qt6::Network Qt6::Gui)
target_include_directories(tst_mapjourney PRIVATE ${SQLite3_INCLUDE_DIRS})
target_link_libraries(tst_mapjourney PRIVATE SQLite::SQLite3)
target_compile_definitions(tst_mapjourney PRIVATE QS_NMEA_DIR="${PROJECT_SOURCE_DIR}/app/data/nmea")
add_dependencies(tst_mapjourney qingshui qingshui-server)
set_tests_properties(tst_mapjourney PROPERTIES TIMEOUT 600)
