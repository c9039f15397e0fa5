# The tablet set up from its own screen (issue 13, B): 连接服务器 and 设置.
qt_target_qml_sources(qs_ui QML_FILES
    pages/ConnectServerPage.qml
    pages/SettingsPage.qml
    components/QsQrScanner.qml)
