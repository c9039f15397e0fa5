import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// One record in a list: what, where, when, and where it stands.
ItemDelegate {
    id: row
    required property string recordId
    required property string title
    required property string villageName
    required property string summary
    required property string listStatusText
    required property int listStatus
    required property string updatedAt
    property string byline: "" // e.g. who pushed it, shown beside the time
    // What a reviewer should know before deciding (set by the review queue): photos not all
    // on this device ("照片未到齐 (n/m)"), a concurrent edit the server flagged, other flags.
    property string photosMark: ""
    property bool conflictMark: false
    property string flagsMark: ""

    implicitHeight: Math.max(Theme.touchTarget + 24, implicitContentHeight + 24)

    // Draft 1, pending 2, synced 3, returned 4, approved 5, rejected 6.
    readonly property color statusTint: listStatus === 1 ? Theme.textSecondary
                                      : listStatus === 2 ? Theme.warning
                                      : listStatus === 4 || listStatus === 6 ? Theme.danger
                                      : Theme.accent

    contentItem: RowLayout {
        spacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Label {
                text: row.title + " · " + row.villageName
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.textPrimary
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: row.summary
                visible: row.summary !== ""
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Flow {
                objectName: "rowMarks"
                Layout.fillWidth: true
                spacing: 6
                visible: row.photosMark !== "" || row.conflictMark || row.flagsMark !== ""
                QsChip {
                    objectName: "rowPhotos"
                    visible: row.photosMark !== ""
                    text: row.photosMark
                    tint: Theme.warning
                }
                QsChip {
                    objectName: "rowConflict"
                    visible: row.conflictMark
                    text: qsTr("修改冲突")
                    tint: Theme.danger
                }
                QsChip {
                    objectName: "rowFlags"
                    visible: row.flagsMark !== ""
                    text: row.flagsMark
                    tint: Theme.warning
                }
            }
        }
        ColumnLayout {
            spacing: 4
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            QsChip {
                Layout.alignment: Qt.AlignRight
                text: row.listStatusText
                tint: row.statusTint
            }
            Label {
                Layout.alignment: Qt.AlignRight
                text: row.byline !== "" ? row.byline + " · " + row.updatedAt : row.updatedAt
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
