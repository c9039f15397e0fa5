import QtQuick
import QtQuick.Controls
import Qingshui.Backend
import Qingshui.Ui

// The top bar of the inspector's and the supervisor's windows: title, where sync stands, the
// account, and the buttons both modes share (login, sync, settings, language). The GPS chip
// and 统计看板 show only in the mode that has them. It shows what it is given and says which
// button was pressed; the window does the rest.
QsHeaderBar {
    id: bar

    required property SyncEngine sync
    // The engine's last error in the user's words (App.syncErrorText of its code).
    required property string syncErrorText
    required property LoginController login
    required property string language // "zh_CN" or "en"
    // The live fix for the GPS chip; none (the supervisor's desk): no chip.
    property PositionStatus gps: null
    property bool showsDashboard: false
    property bool showsMap: false // 地图
    // The rectification ledger's button: its words (e.g. "整改 3"); empty: no button.
    property string ledgerText: ""
    property bool ledgerAlert: false // something is overdue

    signal loginRequested()
    signal dashboardRequested()
    signal mapRequested()
    signal ledgerRequested()
    signal syncRequested()
    signal settingsRequested()
    signal languageRequested(string language) // the one the button offers

    // A white text button on the blue bar, as big as a finger.
    component HeaderButton: ToolButton {
        font.pixelSize: Theme.fontBody
        implicitHeight: Theme.touchTarget
        palette.buttonText: "white"
    }

    Loader {
        active: bar.gps !== null
        visible: active
        sourceComponent: QsGpsChip {
            objectName: "gpsChip"
            solid: true
            position: bar.gps
        }
    }
    QsSyncChip {
        solid: true
        engine: bar.sync
        errorText: bar.syncErrorText
    }
    HeaderButton {
        objectName: "loginButton"
        visible: bar.login.serverConfigured
        text: bar.login.loggedIn ? bar.login.username : qsTr("登录")
        onClicked: bar.loginRequested()
    }
    HeaderButton {
        objectName: "ledgerButton"
        visible: bar.ledgerText !== ""
        text: bar.ledgerText
        palette.buttonText: bar.ledgerAlert ? "#ffd8d0" : "white"
        onClicked: bar.ledgerRequested()
    }
    HeaderButton {
        objectName: "mapButton"
        visible: bar.showsMap
        text: qsTr("地图")
        onClicked: bar.mapRequested()
    }
    HeaderButton {
        objectName: "dashboardButton"
        visible: bar.showsDashboard
        text: qsTr("统计看板")
        onClicked: bar.dashboardRequested()
    }
    HeaderButton {
        objectName: "syncButton"
        text: qsTr("同步")
        onClicked: bar.syncRequested()
    }
    HeaderButton {
        objectName: "settingsButton"
        text: qsTr("设置")
        onClicked: bar.settingsRequested()
    }
    HeaderButton {
        objectName: "languageButton"
        text: bar.language === "en" ? "中文" : "EN"
        onClicked: bar.languageRequested(bar.language === "en" ? "zh_CN" : "en")
    }
}
