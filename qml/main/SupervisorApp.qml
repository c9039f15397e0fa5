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
        subtitle: qsTr("已同步记录 %1 条").arg(Services.records.count)
        QsSyncChip { solid: true }
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
            onClicked: Services.sync.syncNow()
        }
    }

    ReviewQueuePage {
        anchors.fill: parent
    }

    QsLoginDialog { id: loginDialog }
}
