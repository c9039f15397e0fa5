# The supervisor's dashboard charts with Qt Charts (QML), which needs a QApplication:
# the executable links Qt Widgets; the QtCharts QML module is loaded when the chart opens.
find_package(Qt6 REQUIRED COMPONENTS Widgets)
target_link_libraries(qingshui PRIVATE Qt6::Widgets)
