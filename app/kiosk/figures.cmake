# The kiosk's achievements (issue 6, part figures): the §4 facts of achievements.json,
# compiled into the resources, and live counts of the public records (Services.figures;
# the counting itself is storage's: storage/publicrecordcounts).
target_sources(qs_backend PRIVATE
    kiosk/achievementfacts.h kiosk/achievementfacts.cpp
    kiosk/figurescontroller.h kiosk/figurescontroller.cpp)
target_include_directories(qs_backend PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/kiosk)
qt_add_resources(qs_backend kiosk_achievements
    PREFIX /qingshui/kiosk
    BASE data/kiosk
    FILES data/kiosk/achievements.json)
