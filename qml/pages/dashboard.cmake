# The supervisor's dashboard page; its chart (Qt Charts) is a file of its own, loaded only
# when the page opens.
qt_target_qml_sources(qs_ui QML_FILES pages/DashboardPage.qml pages/DashboardChart.qml)
