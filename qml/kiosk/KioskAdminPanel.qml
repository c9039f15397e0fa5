import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// What an admin may do after the right PIN: leave the kiosk, pull the feed now, or go back.
// It closes itself when the kiosk goes idle (the shell closes it, the controller re-locks).
Rectangle {
    id: panel
    objectName: "adminPanel"
    visible: false
    color: "#cc0b1a22"

    function open() {
        visible = true
    }
    function close() {
        visible = false
        Kiosk.lockAdmin()
    }

    MouseArea { anchors.fill: parent }

    Rectangle {
        anchors.centerIn: parent
        width: 640
        height: 560
        radius: 24
        color: Theme.surface

        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 40
            spacing: 24

            Label {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("管理员")
                font.pixelSize: 40
                font.bold: true
                color: Theme.textPrimary
            }
            KioskButton {
                objectName: "adminLeave"
                Layout.fillWidth: true
                Layout.preferredHeight: 112
                highlighted: true
                tint: Theme.danger
                font.pixelSize: 32
                text: qsTr("退出展示模式")
                onClicked: Kiosk.leaveKiosk()
            }
            KioskButton {
                objectName: "adminSync"
                Layout.fillWidth: true
                Layout.preferredHeight: 112
                font.pixelSize: 32
                text: qsTr("立即更新数据")
                onClicked: Kiosk.syncNow()
            }
            KioskButton {
                objectName: "adminCancel"
                Layout.fillWidth: true
                Layout.preferredHeight: 112
                quiet: true
                font.pixelSize: 32
                text: qsTr("返回展示")
                onClicked: panel.close()
            }
        }
    }
}
