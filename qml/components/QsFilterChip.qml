import QtQuick
import QtQuick.Controls
import Qingshui.Ui

// A filter choice: outlined when off, filled when on; 48 dp tall for a finger.
Button {
    id: chip
    checkable: true
    height: Theme.touchTarget
    leftPadding: 16
    rightPadding: 16
    font.pixelSize: Theme.fontBody
    contentItem: Label {
        text: chip.text
        font: chip.font
        color: chip.checked ? "white" : Theme.primaryDark
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        implicitHeight: 36
        y: (chip.height - height) / 2
        height: 36
        radius: 18
        color: chip.checked ? Theme.primary : (chip.down ? "#e3f0f6" : "transparent")
        border.color: chip.checked ? Theme.primary : Theme.divider
    }
}
