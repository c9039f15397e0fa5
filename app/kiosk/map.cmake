# The kiosk's pairing map (issue 6, map part): map points from the bundled CSV, projected onto
# the design canvas, with labels placed apart (PairingMap in Qingshui.Backend).
target_sources(qs_backend PRIVATE
    kiosk/mappoints.h kiosk/mappoints.cpp
    kiosk/mapprojection.h kiosk/mapprojection.cpp
    kiosk/labelplacement.h kiosk/labelplacement.cpp
    kiosk/pairingmap.h kiosk/pairingmap.cpp)
target_include_directories(qs_backend PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/kiosk)
qt_add_resources(qs_backend kiosk_map_data
    PREFIX /kiosk
    BASE ${CMAKE_CURRENT_SOURCE_DIR}/data/kiosk
    FILES data/kiosk/map_points.csv data/kiosk/reservoir_outline.csv data/kiosk/place_names.csv)
