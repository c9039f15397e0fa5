# The kiosk's gallery and a unit's records (feed part): the published records of the store.
qt_target_qml_sources(qs_ui QML_FILES
    kiosk/KioskFeedChip.qml
    kiosk/KioskRecordCard.qml
    kiosk/KioskRecordView.qml
    kiosk/KioskGalleryPage.qml
    kiosk/KioskUnitRecords.qml)
