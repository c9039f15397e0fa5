import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// 整改销号: problems found on inspections, fixed, re-checked and closed — each a pair of public
// renditions, before and after (published by a supervisor, redacted like a public record: the
// village and the dates, no names, words or coordinates) — and each county's closure rate.
Item {
    id: page
    objectName: "kioskLedgerPage"
    width: 1920
    height: 1080

    // Every reload of the feed gives a new generation: the lists are read again.
    readonly property var problems: PublicFeed.generation >= 0 ? PublicFeed.problems() : []
    readonly property var rates: PublicFeed.generation >= 0 ? PublicFeed.closureRates() : []

    Rectangle { anchors.fill: parent; color: "#f4f7f9" }

    Text {
        id: heading
        x: 48
        y: 24
        text: qsTr("问题整改 · 销号公示")
        font.pixelSize: 44
        font.bold: true
        color: "#084f6e"
    }
    Text {
        anchors.baseline: heading.baseline
        anchors.left: heading.right
        anchors.leftMargin: 32
        text: qsTr("发现一项、整改一项、销号一项")
        font.pixelSize: 26
        color: "#5a6b75"
    }

    // Each county's closure rate: closed of raised, all problems (published or not).
    Flow {
        id: rateRow
        x: 48
        y: 100
        width: parent.width - 96
        spacing: 16
        Repeater {
            model: page.rates
            delegate: Rectangle {
                required property var modelData
                objectName: "closureRate_" + modelData.unitCode
                property alias text: rateText.text
                width: rateText.implicitWidth + 48
                height: 72
                radius: 36
                color: "white"
                border.color: "#dde4e8"
                Text {
                    id: rateText
                    anchors.centerIn: parent
                    text: qsTr("%1 销号率 %2%（%3/%4）").arg(modelData.unitName)
                          .arg(modelData.ratePercent).arg(modelData.closed).arg(modelData.raised)
                    font.pixelSize: 28
                    color: "#084f6e"
                }
            }
        }
    }

    GridView {
        id: grid
        x: 48
        y: rateRow.y + rateRow.height + 32
        width: parent.width - 96
        height: parent.height - y - 32
        cellWidth: width / 2
        cellHeight: 440
        clip: true
        model: page.problems
        delegate: Item {
            required property var modelData
            objectName: "publicProblem_" + modelData.problemId
            width: grid.cellWidth
            height: grid.cellHeight
            Rectangle {
                anchors.fill: parent
                anchors.margins: 12
                radius: 16
                color: "white"
                border.color: "#dde4e8"
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 20
                    spacing: 12
                    Text {
                        Layout.fillWidth: true
                        text: modelData.categoryText + " · " + modelData.placeText
                        font.pixelSize: 30
                        font.bold: true
                        color: "#1b2a33"
                        elide: Text.ElideRight
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        spacing: 16
                        Repeater {
                            model: [{ name: "beforePhoto", label: QT_TR_NOOP("整改前"), url: modelData.beforeUrl },
                                    { name: "afterPhoto", label: QT_TR_NOOP("整改后"), url: modelData.afterUrl }]
                            delegate: Item {
                                required property var modelData
                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                Image {
                                    objectName: modelData.name
                                    anchors.fill: parent
                                    fillMode: Image.PreserveAspectCrop
                                    asynchronous: true
                                    source: modelData.url
                                }
                                Rectangle {
                                    anchors.left: parent.left
                                    anchors.top: parent.top
                                    width: tag.implicitWidth + 24
                                    height: 44
                                    color: "#cc084f6e"
                                    Text {
                                        id: tag
                                        anchors.centerIn: parent
                                        text: qsTr(modelData.label)
                                        font.pixelSize: 24
                                        color: "white"
                                    }
                                }
                            }
                        }
                    }
                    Text {
                        text: qsTr("发现 %1 · 销号 %2").arg(modelData.raisedText).arg(modelData.closedText)
                        font.pixelSize: 24
                        color: "#5a6b75"
                    }
                }
            }
        }
    }
    Text {
        anchors.centerIn: grid
        visible: page.problems.length === 0
        text: qsTr("暂无公示的整改事项")
        font.pixelSize: 32
        color: "#5a6b75"
    }
}
