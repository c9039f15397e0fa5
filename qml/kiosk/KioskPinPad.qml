import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The admin's PIN: big digit buttons, the digits shown as dots, no text field.
Rectangle {
    id: pad
    objectName: "pinPad"
    visible: false
    color: "#cc0b1a22"

    property string entered: ""
    property string message: ""
    signal accepted()

    function open() {
        entered = ""
        message = ""
        visible = true
    }
    function close() {
        entered = ""
        visible = false
    }
    function press(digit) {
        if (entered.length < 8)
            entered += digit
        message = ""
    }
    function submit() {
        if (entered.length === 0)
            return
        var right = Kiosk.checkPin(entered)
        entered = ""
        if (right) {
            close()
            accepted()
        } else if (Kiosk.lockedOut) {
            message = qsTr("错误次数过多，已锁定 %1 分钟").arg(Kiosk.lockoutMinutes)
        } else {
            message = qsTr("PIN 错误，请重试")
        }
    }

    MouseArea { anchors.fill: parent } // visitors' touches stop here

    Rectangle {
        anchors.centerIn: parent
        width: 560
        height: 880
        radius: 24
        color: Theme.surface

        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 40
            spacing: 20

            Label {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("管理员验证")
                font.pixelSize: 40
                font.bold: true
                color: Theme.textPrimary
            }
            Row {
                objectName: "pinDots"
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredHeight: 40
                spacing: 16
                Repeater {
                    model: pad.entered.length
                    Rectangle { width: 28; height: 28; radius: 14; color: Theme.primaryDark }
                }
            }
            Label {
                objectName: "pinMessage"
                Layout.fillWidth: true
                Layout.preferredHeight: 72
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: 24
                color: Kiosk.hasAdminPin ? Theme.danger : Theme.textSecondary
                text: !Kiosk.hasAdminPin
                      ? qsTr("本机未设置管理员 PIN，无法退出展示模式。请在终端运行 qingshui --set-kiosk-pin 设置。")
                      : Kiosk.lockedOut
                        ? qsTr("错误次数过多，已锁定 %1 分钟").arg(Kiosk.lockoutMinutes)
                        : pad.message
            }
            GridLayout {
                Layout.alignment: Qt.AlignHCenter
                columns: 3
                rowSpacing: 16
                columnSpacing: 16
                enabled: Kiosk.hasAdminPin && !Kiosk.lockedOut
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
                    delegate: KioskButton {
                        required property string modelData
                        objectName: "pinKey_" + modelData
                        Layout.preferredWidth: 136
                        Layout.preferredHeight: 112
                        highlighted: modelData === "ok"
                        font.pixelSize: modelData.length === 1 ? 44 : 28
                        text: modelData === "clear" ? qsTr("清除")
                              : modelData === "ok" ? qsTr("确定") : modelData
                        onClicked: {
                            if (modelData === "clear")
                                pad.entered = ""
                            else if (modelData === "ok")
                                pad.submit()
                            else
                                pad.press(modelData)
                        }
                    }
                }
            }
            KioskButton {
                objectName: "pinCancel"
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: 440
                Layout.preferredHeight: 96
                quiet: true
                font.pixelSize: 28
                text: qsTr("取消")
                onClicked: pad.close()
            }
        }
    }
}
