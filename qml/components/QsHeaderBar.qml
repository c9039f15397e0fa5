import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Qingshui.Ui

// The top bar of the inspector and supervisor screens.
ToolBar {
    id: bar
    property alias title: titleLabel.text
    property alias subtitle: subtitleLabel.text
    default property alias trailing: trailingRow.data

    implicitHeight: 64
    Material.foreground: "white"   // tool buttons on the blue bar
    background: Rectangle { color: Theme.primary }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing * 2
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        ColumnLayout {
            spacing: 0
            Label {
                id: titleLabel
                objectName: "headerTitle"
                color: "white"
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            Label {
                id: subtitleLabel
                objectName: "headerSubtitle"
                color: "#d6ecf5"
                font.pixelSize: Theme.fontSmall
                visible: text !== ""
            }
        }
        Item { Layout.fillWidth: true }
        RowLayout {
            id: trailingRow
            spacing: Theme.spacing
        }
    }
}
