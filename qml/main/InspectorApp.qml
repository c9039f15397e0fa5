import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Qingshui.Backend
import Qingshui.Ui

// The inspector's tablet: records, GPS and sync state always in view; forms pushed on top.
ApplicationWindow {
    id: window
    title: qsTr("清水巡查 · 巡查员")
    visible: false  // shown by the app once loaded
    Material.primary: Theme.primary
    Material.accent: Theme.primary

    header: QsHeaderBar {
        title: qsTr("清水巡查")
        subtitle: qsTr("巡查员 · 我的记录 %1 条").arg(Records.count)
        QsGpsChip { solid: true; position: Position }
        QsSyncChip {
            solid: true
            engine: Sync
            errorText: App.syncErrorText(Sync.lastErrorCode, Sync.lastErrorArgs,
                                              Sync.lastError)
        }
        ToolButton {
            objectName: "loginButton"
            visible: Login.serverConfigured
            text: Login.loggedIn ? Login.username : qsTr("登录")
            font.pixelSize: Theme.fontBody
            implicitHeight: Theme.touchTarget
            palette.buttonText: "white"
            onClicked: loginDialog.open()
        }
        ToolButton {
            objectName: "syncButton"
            text: qsTr("同步")
            font.pixelSize: Theme.fontBody
            implicitHeight: Theme.touchTarget
            palette.buttonText: "white"
            onClicked: Sync.syncNow()
        }
        ToolButton {
            objectName: "settingsButton"
            text: qsTr("设置")
            font.pixelSize: Theme.fontBody
            implicitHeight: Theme.touchTarget
            palette.buttonText: "white"
            onClicked: {
                if (!(stack.currentItem instanceof SettingsPage))
                    stack.push(settingsPage)
            }
        }
        ToolButton {
            objectName: "languageButton"
            text: Language.language === "en" ? "中文" : "EN"
            font.pixelSize: Theme.fontBody
            implicitHeight: Theme.touchTarget
            palette.buttonText: "white"
            onClicked: Language.language = Language.language === "en" ? "zh_CN" : "en"
        }
    }

    StackView {
        id: stack
        objectName: "inspectorStack"
        anchors.fill: parent
        // No server yet (and none given with --server): 连接服务器 first.
        initialItem: Enrolment.needed ? connectPage : listPage
    }

    Connections {
        target: Enrolment
        function onEnrolled() { stack.replace(null, listPage) }
    }
    Connections {
        target: Settings
        function onServerForgotten() { stack.replace(null, connectPage) }
    }

    Component {
        id: connectPage
        ConnectServerPage {}
    }
    Component {
        id: settingsPage
        SettingsPage {
            onClosed: stack.pop()
        }
    }

    Component {
        id: listPage
        RecordListPage {
            onNewRecordRequested: stack.push(newRecordPage)
            onRecordOpened: (recordId) => {
                if (Form.open(recordId))
                    stack.push(formPage)
            }
        }
    }
    Component {
        id: newRecordPage
        NewRecordPage {
            onCancelled: stack.pop()
            onStarted: stack.replace(formPage)
        }
    }
    Component {
        id: formPage
        FormPage {
            onDone: {
                Records.reload()
                stack.pop(null)
            }
        }
    }

    QsLoginDialog { id: loginDialog; login: Login }
}
