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
        subtitle: qsTr("巡查员 · 我的记录 %1 条").arg(Services.records.count)
        QsGpsChip { solid: true; position: Services.position }
        QsSyncChip {
            solid: true
            engine: Services.sync
            errorText: Services.syncErrorText(Services.sync.lastErrorCode, Services.sync.lastErrorArgs,
                                              Services.sync.lastError)
        }
        ToolButton {
            objectName: "loginButton"
            visible: Services.login.serverConfigured
            text: Services.login.loggedIn ? Services.login.username : qsTr("登录")
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
            onClicked: Services.sync.syncNow()
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
            text: Services.language.language === "en" ? "中文" : "EN"
            font.pixelSize: Theme.fontBody
            implicitHeight: Theme.touchTarget
            palette.buttonText: "white"
            onClicked: Services.language.language = Services.language.language === "en" ? "zh_CN" : "en"
        }
    }

    StackView {
        id: stack
        objectName: "inspectorStack"
        anchors.fill: parent
        // No server yet (and none given with --server): 连接服务器 first.
        initialItem: Services.enrolment.needed ? connectPage : listPage
    }

    Connections {
        target: Services.enrolment
        function onEnrolled() { stack.replace(null, listPage) }
    }
    Connections {
        target: Services.settings
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
                if (Services.form.open(recordId))
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
                Services.records.reload()
                stack.pop(null)
            }
        }
    }

    QsLoginDialog { id: loginDialog; login: Services.login }
}
