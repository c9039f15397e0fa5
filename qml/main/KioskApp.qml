import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Qingshui.Backend
import Qingshui.Ui

// The exhibition screen: no window chrome, nothing to type into.
ApplicationWindow {
    id: window
    title: qsTr("清水巡查 · 展示")
    visible: false
    Material.primary: Theme.primary
    Material.accent: Theme.primary
    flags: Qt.FramelessWindowHint

    KioskHomePage {
        anchors.fill: parent
    }
}
