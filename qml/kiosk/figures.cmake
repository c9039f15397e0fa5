# The kiosk's achievements page (issue 6, part figures).
qt_target_qml_sources(qs_ui QML_FILES kiosk/KioskAchievementsPage.qml)
