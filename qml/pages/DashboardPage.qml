import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The supervisor's dashboard over the review queue's current filter: records by county ×
// category × week (Qt Charts, loaded only when the page opens), the sanitation indicators
// beside their 2025 targets with the source, and the exports.
Popup {
    id: page
    objectName: "dashboardPage"
    parent: Overlay.overlay
    width: parent ? parent.width : 1280
    height: parent ? parent.height : 800
    modal: true
    padding: 0
    background: Rectangle { color: Theme.background }

    readonly property var dashboard: Dashboard
    property string pendingExport: ""

    // 在地图上查看: the same selection on the review queue's map.
    signal mapRequested()

    // What the export buttons call once a folder is chosen (tests call it directly).
    function exportInto(kind, folder) {
        return dashboard.exportTo(kind, folder)
    }

    onAboutToShow: {
        dashboard.refresh()
        LedgerBoard.refresh()
    }
    // The queue's filter changed or a sync brought records: the figures follow while open.
    Connections {
        target: Records
        enabled: page.opened
        function onCountChanged() { page.dashboard.refresh() }
    }

    FolderDialog {
        id: folderDialog
        title: qsTr("选择导出文件夹")
        onAccepted: page.exportInto(page.pendingExport, selectedFolder)
    }

    // A child, not the contentItem: ids inside a deferred contentItem would defeat its deferral.
    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        QsHeaderBar {
            Layout.fillWidth: true
            title: qsTr("统计看板")
            subtitle: qsTr("当前筛选下的记录 %1 条（不含草稿）").arg(page.dashboard.total)
            ToolButton {
                objectName: "dashboardMapButton"
                text: qsTr("在地图上查看")
                font.pixelSize: Theme.fontBody
                implicitHeight: Theme.touchTarget
                palette.buttonText: "white"
                onClicked: page.mapRequested()
            }
            ToolButton {
                objectName: "dashboardCloseButton"
                text: qsTr("返回")
                font.pixelSize: Theme.fontBody
                implicitHeight: Theme.touchTarget
                palette.buttonText: "white"
                onClicked: page.close()
            }
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing

                Label {
                    Layout.margins: Theme.spacing
                    visible: page.dashboard.error !== ""
                    text: page.dashboard.error
                    color: Theme.danger
                }

                // The three sanitation indicators, each beside its 2025 target.
                Flow {
                    Layout.fillWidth: true
                    Layout.margins: Theme.spacing
                    spacing: Theme.spacing
                    Repeater {
                        model: page.dashboard.indicators
                        delegate: Rectangle {
                            required property var modelData
                            width: 380
                            height: 168
                            radius: Theme.radius
                            color: Theme.surface
                            border.color: Theme.divider
                            ColumnLayout {
                                anchors.fill: parent
                                anchors.margins: Theme.spacing
                                spacing: 4
                                Label {
                                    text: modelData.name
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.textSecondary
                                }
                                Label {
                                    objectName: "indicatorShare_" + modelData.id
                                    text: modelData.share < 0 ? qsTr("暂无数据")
                                                              : (modelData.share * 100).toFixed(1) + "%"
                                    font.pixelSize: Theme.fontHeadline
                                    font.bold: true
                                    color: modelData.targetShare >= 0 && modelData.share >= modelData.targetShare
                                           ? Theme.accent : Theme.textPrimary
                                }
                                Label {
                                    objectName: "indicatorCount_" + modelData.id
                                    text: qsTr("%1 / %2").arg(modelData.numerator).arg(modelData.denominator)
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.textSecondary
                                }
                                Label {
                                    objectName: "indicatorTarget_" + modelData.id
                                    Layout.fillWidth: true
                                    wrapMode: Text.WordWrap
                                    text: (modelData.targetShare >= 0
                                           ? qsTr("2025年目标 %1%：").arg(Math.round(modelData.targetShare * 100))
                                           : qsTr("2025年目标：")) + modelData.targetText
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.textPrimary
                                }
                            }
                        }
                    }
                }
                Label {
                    objectName: "targetSource"
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacing
                    Layout.rightMargin: Theme.spacing
                    wrapMode: Text.WordWrap
                    text: qsTr("目标来源：%1").arg(page.dashboard.targetSource)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textSecondary
                }

                // The rectification ledger and village coverage at a glance (整改台账 has the
                // rest: the list, the ranking, the sign-off).
                Label {
                    Layout.leftMargin: Theme.spacing
                    text: qsTr("整改与覆盖")
                    font.pixelSize: Theme.fontTitle
                }
                Flow {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacing
                    Layout.rightMargin: Theme.spacing
                    spacing: 6
                    QsChip { objectName: "dashboardLedgerOpen"; text: qsTr("未销号问题 %1").arg(LedgerBoard.summary.open) }
                    QsChip {
                        objectName: "dashboardLedgerOverdue"
                        text: qsTr("逾期 %1").arg(LedgerBoard.summary.overdue)
                        tint: LedgerBoard.summary.overdue > 0 ? Theme.danger : Theme.accent
                    }
                    QsChip {
                        objectName: "dashboardLedgerClosed"
                        text: qsTr("已销号 %1").arg(LedgerBoard.summary.closed)
                        tint: Theme.accent
                    }
                    Repeater {
                        model: LedgerBoard.coverage
                        delegate: QsChip {
                            required property var modelData
                            objectName: "dashboardCoverage_" + modelData.townshipCode
                            text: qsTr("%1 覆盖率 %2%").arg(modelData.townshipName).arg(modelData.ratePercent)
                            tint: modelData.ratePercent >= 100 ? Theme.accent : Theme.warning
                        }
                    }
                }

                // Exports of the same selection: CSV for reports, GeoJSON for QGIS, photos.
                RowLayout {
                    Layout.leftMargin: Theme.spacing
                    spacing: Theme.spacing
                    Repeater {
                        model: [
                            { kind: "csv", text: qsTr("导出 CSV") },
                            { kind: "geojson", text: qsTr("导出 GeoJSON") },
                            { kind: "photos", text: qsTr("导出照片 ZIP") }
                        ]
                        delegate: Button {
                            required property var modelData
                            objectName: "export_" + modelData.kind
                            text: modelData.text
                            enabled: !page.dashboard.exporting
                            font.capitalization: Font.MixedCase
                            implicitHeight: Theme.touchTarget
                            onClicked: {
                                page.pendingExport = modelData.kind
                                folderDialog.open()
                            }
                        }
                    }
                }
                Label {
                    objectName: "exportMessage"
                    visible: text !== ""
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacing
                    wrapMode: Text.WrapAnywhere
                    text: !page.dashboard.exporting ? page.dashboard.exportMessage
                          : page.dashboard.exportProgress !== "" ? page.dashboard.exportProgress : qsTr("正在导出…")
                    font.pixelSize: Theme.fontSmall
                }
                RowLayout {
                    Layout.leftMargin: Theme.spacing
                    spacing: Theme.spacing
                    Label {
                        text: qsTr("按周统计")
                        font.pixelSize: Theme.fontTitle
                    }
                    ComboBox {
                        id: unitBox
                        objectName: "dashboardUnitBox"
                        implicitWidth: 220
                        model: [qsTr("全部县（市、区）")].concat(page.dashboard.unitNames)
                    }
                }

                Loader {
                    id: chartLoader
                    objectName: "dashboardChartLoader"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 420
                    active: page.opened
                    source: "DashboardChart.qml"
                    onLoaded: item.unitCode = Qt.binding(function() {
                        return unitBox.currentIndex > 0
                               ? page.dashboard.unitCodes[unitBox.currentIndex - 1] : ""
                    })
                }
            }
        }
    }
}
