import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// A decision-sized button: wider and taller than a finger needs, tinted by what it does,
// filled when checked or highlighted.
Button {
    id: button
    property color tint: Theme.primary

    Layout.preferredHeight: Theme.touchTarget + 8
    Layout.minimumWidth: 160
    font.pixelSize: Theme.fontTitle
    leftPadding: 24
    rightPadding: 24
    readonly property bool filled: checked || highlighted

    contentItem: Label {
        text: button.text
        font: button.font
        color: button.filled ? "white" : button.tint
        opacity: button.enabled ? 1 : 0.45
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: Theme.radius
        color: button.filled ? (button.enabled ? button.tint : Qt.rgba(button.tint.r, button.tint.g, button.tint.b, 0.35))
                             : (button.down ? Qt.rgba(button.tint.r, button.tint.g, button.tint.b, 0.14) : Theme.surface)
        border.color: button.tint
        border.width: 2
    }
}
