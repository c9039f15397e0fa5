# A supervisor's photos arriving by sync: a photo of the record view as it downloads, and the
# review queue's line while the queue's photos arrive.
qt_target_qml_sources(qs_ui QML_FILES
    components/QsPhotoTile.qml
    components/QsPhotoFetchLine.qml)
