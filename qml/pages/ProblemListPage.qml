import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// 我的整改: the problems of the inspector's townships to fix and to re-check, overdue first,
// then by deadline, each with the way there from where the tablet is. All from the tablet's
// own store: it works offline.
Page {
    id: page
    objectName: "problemListPage"

    signal problemOpened(string problemId)
    signal closed()

    background: Rectangle { color: Theme.background }

    header: ToolBar {
        implicitHeight: 64
        background: Rectangle { color: Theme.surface; border.color: Theme.divider }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            ToolButton {
                objectName: "problemListBack"
                text: qsTr("‹ 返回")
                implicitHeight: Theme.touchTarget
                font.pixelSize: Theme.fontBody
                onClicked: page.closed()
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("我的整改 · 待办 %1 项").arg(Ledger.openCount)
                      + (Ledger.overdueCount > 0 ? qsTr("（逾期 %1 项）").arg(Ledger.overdueCount) : "")
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: scroll.availableWidth
            spacing: 0
            Label {
                Layout.margins: Theme.spacing
                text: qsTr("待整改（%1）").arg(Ledger.toFix.length)
                font.pixelSize: Theme.fontTitle
                color: Theme.primaryDark
            }
            Repeater {
                model: Ledger.toFix
                delegate: QsProblemDelegate {
                    required property var modelData
                    Layout.fillWidth: true
                    line: modelData
                    onClicked: page.problemOpened(modelData.id)
                }
            }
            QsEmptyState {
                Layout.fillWidth: true
                Layout.margins: Theme.spacing
                visible: Ledger.toFix.length === 0
                text: qsTr("没有待整改的问题。")
            }
            Label {
                Layout.margins: Theme.spacing
                text: qsTr("待复查（%1）").arg(Ledger.toRecheck.length)
                font.pixelSize: Theme.fontTitle
                color: Theme.primaryDark
            }
            Repeater {
                model: Ledger.toRecheck
                delegate: QsProblemDelegate {
                    required property var modelData
                    Layout.fillWidth: true
                    line: modelData
                    onClicked: page.problemOpened(modelData.id)
                }
            }
            QsEmptyState {
                Layout.fillWidth: true
                Layout.margins: Theme.spacing
                visible: Ledger.toRecheck.length === 0
                text: qsTr("没有待复查的问题。")
            }
        }
    }
}
