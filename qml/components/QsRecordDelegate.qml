import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// One record in a list: what, where, when, and where it stands.
ItemDelegate {
    id: row
    required property string categoryName
    required property string villageName
    required property string note
    required property string statusText
    required property string syncStateText
    required property int syncState
    required property string updatedAt

    implicitHeight: Math.max(Theme.touchTarget + 24, content.implicitHeight + 24)

    contentItem: RowLayout {
        id: content
        spacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Label {
                text: row.categoryName + " · " + row.villageName
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.textPrimary
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: row.note
                visible: row.note !== ""
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        ColumnLayout {
            spacing: 4
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            QsChip {
                Layout.alignment: Qt.AlignRight
                text: row.statusText + " · " + row.syncStateText
                tint: row.syncState === 2 ? Theme.accent : row.syncState === 1 ? Theme.warning
                                                                               : Theme.textSecondary
            }
            Label {
                Layout.alignment: Qt.AlignRight
                text: row.updatedAt
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
            }
        }
    }

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.divider
    }
}
