import QtQuick
import QtQuick.Controls
import Qingshui.Ui

// A small rounded label for a status.
Rectangle {
    id: chip
    property alias text: label.text
    property color tint: Theme.primary
    // On a coloured bar a chip needs its own light ground to stay readable.
    property bool solid: false

    implicitWidth: label.implicitWidth + 20
    implicitHeight: 28
    radius: height / 2
    color: solid ? "#f4fafc" : Qt.rgba(tint.r, tint.g, tint.b, 0.14)
    border.color: Qt.rgba(tint.r, tint.g, tint.b, 0.5)

    Label {
        id: label
        anchors.centerIn: parent
        color: chip.tint
        font.pixelSize: Theme.fontSmall
    }
}
