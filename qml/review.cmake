# The supervisor's record view.
qt_target_qml_sources(qs_ui QML_FILES pages/RecordViewPage.qml)
