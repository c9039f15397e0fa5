# What a reviewer needs to trust a record (issue 13): the conflict banner and the overwritten
# revision, and the confirmation asked before approving or publishing with photos missing.
qt_target_qml_sources(qs_ui QML_FILES
    components/QsConflictBanner.qml
    components/QsRevisionPopup.qml
    components/QsPhotosConfirm.qml)
