import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// 整改台账: the supervisor's ledger over their jurisdiction — filtered by county or township,
// checklist and state, overdue first — with its figures (open, overdue, closed, days from
// finding to closing), the townships ranked by closure rate (激励先进、鞭策后进), village
// coverage, the monthly sign-off, and the CSV that goes upward.
Page {
    id: page
    objectName: "ledgerPage"

    signal problemOpened(string problemId)
    signal closed()

    background: Rectangle { color: Theme.background }
    property string exportMessage: ""
    property string signoffMessage: ""

    header: ToolBar {
        implicitHeight: 64
        background: Rectangle { color: Theme.surface; border.color: Theme.divider }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            ToolButton {
                objectName: "ledgerBack"
                text: qsTr("‹ 返回")
                implicitHeight: Theme.touchTarget
                font.pixelSize: Theme.fontBody
                onClicked: page.closed()
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("整改台账 · %1 项").arg(LedgerList.count)
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            Button {
                objectName: "ledgerExport"
                text: qsTr("导出台账 CSV")
                implicitHeight: Theme.touchTarget
                onClicked: folderDialog.open()
            }
        }
    }

    FolderDialog {
        id: folderDialog
        title: qsTr("选择导出文件夹")
        onAccepted: page.exportMessage = LedgerBoard.exportCsv(selectedFolder)
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // Left: the filters and the list.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            Flow {
                Layout.fillWidth: true
                Layout.margins: Theme.spacing
                spacing: Theme.spacing
                ComboBox {
                    objectName: "ledgerUnit"
                    implicitWidth: 220
                    model: LedgerBoard.units
                    textRole: "name"
                    valueRole: "code"
                    onActivated: LedgerList.unitCode = currentValue
                }
                ComboBox {
                    objectName: "ledgerCategory"
                    implicitWidth: 200
                    model: LedgerBoard.categories
                    textRole: "name"
                    valueRole: "code"
                    onActivated: LedgerList.category = currentValue
                }
                ComboBox {
                    objectName: "ledgerState"
                    implicitWidth: 160
                    model: [qsTr("全部状态"), qsTr("待整改"), qsTr("整改中"), qsTr("待复查"),
                            qsTr("已销号"), qsTr("退回重改")]
                    onActivated: LedgerList.state = currentIndex
                }
                CheckBox {
                    objectName: "ledgerOverdue"
                    text: qsTr("只看逾期")
                    onToggled: LedgerList.overdueOnly = checked
                }
            }
            // The figures of the filtered ledger.
            Flow {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacing
                Layout.rightMargin: Theme.spacing
                spacing: 6
                QsChip { objectName: "ledgerOpen"; text: qsTr("未销号 %1").arg(LedgerBoard.summary.open) }
                QsChip {
                    objectName: "ledgerOverdueCount"
                    text: qsTr("逾期 %1").arg(LedgerBoard.summary.overdue)
                    tint: LedgerBoard.summary.overdue > 0 ? Theme.danger : Theme.accent
                }
                QsChip { objectName: "ledgerClosed"; text: qsTr("已销号 %1").arg(LedgerBoard.summary.closed); tint: Theme.accent }
                QsChip {
                    objectName: "ledgerDaysToClose"
                    visible: LedgerBoard.summary.closed > 0
                    text: qsTr("平均 %1 天销号").arg(LedgerBoard.summary.meanDaysToClose)
                }
            }
            Label {
                objectName: "ledgerExportMessage"
                Layout.fillWidth: true
                Layout.margins: Theme.spacing
                visible: text !== ""
                text: page.exportMessage
                wrapMode: Text.WordWrap
                color: Theme.textSecondary
            }
            ListView {
                id: list
                objectName: "ledgerList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: LedgerList
                delegate: QsProblemDelegate {
                    width: list.width
                    onClicked: page.problemOpened(line.id)
                }
                ScrollIndicator.vertical: ScrollIndicator {}
            }
            QsEmptyState {
                Layout.fillWidth: true
                Layout.margins: Theme.spacing
                visible: list.count === 0
                text: qsTr("台账中没有符合条件的问题。")
            }
        }

        // Right: ranking, coverage, sign-off.
        ScrollView {
            id: side
            Layout.preferredWidth: Math.min(520, page.width * 0.42)
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            background: Rectangle { color: Theme.surface; border.color: Theme.divider }
            ColumnLayout {
                width: side.availableWidth - 2 * Theme.spacing
                x: Theme.spacing
                spacing: Theme.spacing

                Label {
                    Layout.topMargin: Theme.spacing
                    text: qsTr("乡镇排名（按销号率）")
                    font.pixelSize: Theme.fontTitle
                    color: Theme.primaryDark
                }
                Repeater {
                    model: LedgerBoard.ranking
                    delegate: RowLayout {
                        required property var modelData
                        required property int index
                        objectName: "ranking_" + modelData.townshipCode
                        Layout.fillWidth: true
                        Label { text: (index + 1) + "."; font.bold: true }
                        Label { Layout.fillWidth: true; text: modelData.townshipName; elide: Text.ElideRight }
                        Label {
                            objectName: "rankingRate"
                            text: qsTr("销号率 %1% · 逾期 %2 · 共 %3").arg(modelData.ratePercent)
                                  .arg(modelData.overdue).arg(modelData.raised)
                            color: modelData.overdue > 0 ? Theme.danger : Theme.textPrimary
                        }
                    }
                }
                QsEmptyState {
                    Layout.fillWidth: true
                    visible: LedgerBoard.ranking.length === 0
                    text: qsTr("还没有问题记入台账。")
                }

                Label {
                    text: qsTr("村庄覆盖（%1 天内到访）").arg(LedgerBoard.coverageDays)
                    font.pixelSize: Theme.fontTitle
                    color: Theme.primaryDark
                }
                Repeater {
                    model: LedgerBoard.coverage
                    delegate: ColumnLayout {
                        required property var modelData
                        objectName: "coverage_" + modelData.townshipCode
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · 覆盖率 %2%（%3/%4 村）").arg(modelData.townshipName)
                                  .arg(modelData.ratePercent).arg(modelData.visited).arg(modelData.villages)
                            font.bold: true
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: modelData.notVisitedText !== ""
                            text: qsTr("未到访：%1").arg(modelData.notVisitedText)
                            color: Theme.warning
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                            maximumLineCount: 3
                            elide: Text.ElideRight
                        }
                    }
                }

                Label {
                    text: qsTr("月度台账签认 · %1").arg(LedgerBoard.currentMonth)
                    font.pixelSize: Theme.fontTitle
                    color: Theme.primaryDark
                }
                Repeater {
                    model: LedgerBoard.signoffTownships
                    delegate: ColumnLayout {
                        required property var modelData
                        objectName: "signoff_" + modelData.townshipCode
                        Layout.fillWidth: true
                        spacing: 4
                        Label {
                            Layout.fillWidth: true
                            text: modelData.townshipName + " · " + modelData.statusText
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: modelData.openItems > 0 && modelData.canSign
                            text: qsTr("尚有 %1 项未销号：签认即确认已知悉，转入下月继续督办").arg(modelData.openItems)
                            color: Theme.warning
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                        Button {
                            objectName: "signoffButton"
                            visible: modelData.canSign
                            text: modelData.levelText
                            onClicked: page.signoffMessage =
                                       LedgerBoard.signOff(modelData.townshipCode, LedgerBoard.currentMonth)
                        }
                    }
                }
                Label {
                    objectName: "signoffMessage"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: page.signoffMessage
                    wrapMode: Text.WordWrap
                }
                Item { Layout.preferredHeight: Theme.spacing }
            }
        }
    }
}
