# The supervisor's decisions on the record view: decision bar, diff against the returned
# revision, publishing, and the queue's set-aside list.
qt_target_qml_sources(qs_ui QML_FILES
    components/QsBigButton.qml
    components/QsDecisionBar.qml
    components/QsDiffPhoto.qml
    components/QsRevisionDiff.qml
    components/QsPublishPanel.qml
    components/QsSetAsideBanner.qml)
