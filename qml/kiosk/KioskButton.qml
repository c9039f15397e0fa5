import QtQuick
import QtQuick.Controls
import Qingshui.Ui

// A big kiosk touch target that draws itself (the same on every renderer) and never takes
// keyboard focus.
Button {
    id: button
    focusPolicy: Qt.NoFocus
    implicitWidth: 96
    implicitHeight: 96
    font.pixelSize: 32
    font.capitalization: Font.MixedCase // Material would shout "ENGLISH"

    // filled: the main choice; quiet: a text-only choice
    property bool quiet: false
    property color tint: Theme.primary

    background: Rectangle {
        radius: 16
        color: button.quiet ? "transparent"
               : button.highlighted ? (button.down ? Qt.darker(button.tint, 1.2) : button.tint)
               : (button.down ? "#cfe6f0" : "#e6f3f8")
        border.color: button.quiet ? "transparent" : Qt.rgba(0, 0, 0, 0.06)
        opacity: button.enabled ? 1 : 0.4
    }
    contentItem: Text {
        text: button.text
        font: button.font
        color: button.highlighted && !button.quiet ? "white" : button.tint
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        opacity: button.enabled ? 1 : 0.4
    }
}
