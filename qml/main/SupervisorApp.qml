import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Qingshui.Backend
import Qingshui.Ui

// The supervisor's desk: records synced from the inspectors of their jurisdiction.
ApplicationWindow {
    id: window
    title: qsTr("清水巡查 · 督导")
    visible: false
    Material.primary: Theme.primary
    Material.accent: Theme.primary

    header: QsHeaderBar {
        title: qsTr("清水巡查 · 督导审核")
        subtitle: qsTr("审核队列 %1 条").arg(Records.count)
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
            objectName: "dashboardButton"
            text: qsTr("统计看板")
            font.pixelSize: Theme.fontBody
            implicitHeight: Theme.touchTarget
            palette.buttonText: "white"
            onClicked: dashboardPage.open()
            DashboardPage { id: dashboardPage }
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
        objectName: "supervisorStack"
        anchors.fill: parent
        // No server yet (and none given with --server): 连接服务器 first.
        initialItem: Enrolment.needed ? connectPage : queuePage
    }

    Connections {
        target: Enrolment
        function onEnrolled() { stack.replace(null, queuePage) }
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
        id: queuePage
        ReviewQueuePage {
            onRecordOpened: (recordId) => {
                if (RecordView.open(recordId))
                    stack.push(recordViewPage)
            }
        }
    }
    Component {
        id: recordViewPage
        RecordViewPage {
            onClosed: stack.pop()
        }
    }

    QsLoginDialog { id: loginDialog; login: Login }
}
