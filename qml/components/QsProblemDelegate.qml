import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// One problem of the ledger in a list: what and where, its state, the time left (overdue in
// red) and, on a tablet with a fix, the way there.
ItemDelegate {
    id: row
    required property problemLine line

    objectName: "problem_" + line.id
    implicitHeight: Math.max(Theme.touchTarget + 24, implicitContentHeight + 24)

    contentItem: RowLayout {
        spacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Label {
                Layout.fillWidth: true
                text: row.line.description
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.textPrimary
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: row.line.categoryText + " · " + row.line.villageName + " · "
                      + qsTr("责任单位：%1").arg(row.line.responsibleText)
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                QsChip { text: row.line.stateText; tint: Theme.primary }
                QsChip { text: row.line.severityText; tint: Theme.warning }
                QsChip {
                    objectName: "problemDeadline"
                    visible: row.line.deadlineText !== ""
                    text: row.line.deadlineText
                    tint: row.line.overdue ? Theme.danger : Theme.accent
                }
                QsChip { visible: row.line.pending; text: qsTr("待同步"); tint: Theme.warning }
                QsChip { visible: row.line.conflicted; text: qsTr("有冲突"); tint: Theme.danger }
            }
        }
        Label {
            objectName: "problemWay"
            visible: row.line.hasWay
            text: "➤ " + row.line.wayText
            color: Theme.primaryDark
            font.pixelSize: Theme.fontBody
        }
    }
}
