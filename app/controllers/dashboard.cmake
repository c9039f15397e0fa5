# The supervisor's dashboard and exports, published to QML as Services.dashboard.
target_sources(qs_backend PRIVATE
    controllers/dashboardcontroller.h controllers/dashboardcontroller.cpp
    controllers/exportwordstext.h controllers/exportwordstext.cpp)
