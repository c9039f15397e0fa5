import QtQuick
import QtQuick.Controls
import Qingshui.Backend
import Qingshui.Ui

// The exhibition screen: no window chrome, nothing to type into.
ApplicationWindow {
    id: window
    title: qsTr("清水巡查 · 展示")
    visible: false
    flags: Qt.FramelessWindowHint

    KioskHomePage {
        anchors.fill: parent
    }
}
