# The kiosk's shell (issue 6): the frame around the pages, navigation, PIN pad, admin panel.
qt_target_qml_sources(qs_ui QML_FILES
    kiosk/KioskButton.qml
    kiosk/KioskTopBar.qml
    kiosk/KioskNavRail.qml
    kiosk/KioskPinPad.qml
    kiosk/KioskAdminPanel.qml)
