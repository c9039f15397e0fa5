# The kiosk's pairing map (map part): KioskHomePage.qml itself is in qml/pages/.
# placeholder until the feed part lands
qt_target_qml_sources(qs_ui QML_FILES kiosk/KioskUnitRecords.qml)
