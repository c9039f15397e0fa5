import QtQuick
import QtQuick.Controls

// A big filter chip for a finger: a name and, when given, how many records it holds.
Button {
    id: chip
    property int recordCount: -1
    checkable: true
    autoExclusive: false
    focusPolicy: Qt.NoFocus
    implicitHeight: 96
    implicitWidth: Math.max(96, contentItem.implicitWidth + 40)
    font.pixelSize: 26
    contentItem: Text {
        text: chip.recordCount >= 0 ? chip.text + "  " + chip.recordCount : chip.text
        font: chip.font
        color: chip.checked ? "white" : "#084f6e"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: 48
        color: chip.checked ? "#0b6e99" : (chip.pressed ? "#d4e8f0" : "#ffffff")
        border.color: "#0b6e99"
        border.width: 2
    }
}
