import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The kiosk's achievements, on the 1920×1080 design canvas: the figures of domain.md §4,
// each with its source and date, beside live counts of the published records this kiosk
// holds (its cached public feed), by work category and by paired unit.
Page {
    id: page
    objectName: "kioskAchievementsPage"

    readonly property var figures: Figures
    // The fact groups in the order the file first names them.
    readonly property var groups: {
        var seen = []
        for (var i = 0; i < figures.facts.length; ++i) {
            if (seen.indexOf(figures.facts[i].group) < 0)
                seen.push(figures.facts[i].group)
        }
        return seen
    }
    // The group the attract loop shows; -1 before its first step.
    property int currentGroup: -1

    // One step of the attract loop: the next group highlighted and scrolled to; false (and
    // back to the top) once every group was shown.
    function attractStep() {
        if (currentGroup + 1 >= groups.length) {
            currentGroup = -1
            groupList.positionViewAtBeginning()
            return false
        }
        currentGroup += 1
        groupList.positionViewAtIndex(currentGroup, ListView.Beginning)
        return true
    }

    function groupTitle(group) {
        switch (group) {
        case "water": return qsTr("一泓清水 北送京城")
        case "pairing": return qsTr("对口协作 结对帮扶")
        case "ecology": return qsTr("生态保护")
        case "people": return qsTr("人才与社会事业")
        case "livelihood": return qsTr("民生改善")
        case "industry": return qsTr("产业合作")
        case "targets": return qsTr("2025年目标 · 南阳乡村建设")
        }
        return group
    }

    background: Rectangle {
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#e6f3f8" }
            GradientStop { position: 1.0; color: "#f7fbfc" }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 40
        spacing: 24

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("协作成效")
                font.pixelSize: 56
                font.bold: true
                color: Theme.primaryDark
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "figuresUpdated"
                text: page.figures.lastSync.getTime() > 0
                      ? qsTr("数据更新于 %1").arg(Qt.formatDateTime(page.figures.lastSync,
                                                                  "yyyy-MM-dd hh:mm"))
                      : qsTr("离线 · 内置数据")
                font.pixelSize: 28
                color: Theme.textSecondary
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 32

            // The §4 figures, group by group.
            ListView {
                id: groupList
                objectName: "factGroups"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 24
                boundsBehavior: Flickable.StopAtBounds
                model: page.groups

                Label {
                    objectName: "figuresError"
                    visible: page.figures.error !== "" && groupList.count === 0
                    anchors.centerIn: parent
                    width: parent.width
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("成效数据暂不可用：%1").arg(page.figures.error)
                    font.pixelSize: 28
                    color: Theme.danger
                }

                delegate: Column {
                    id: groupColumn
                    required property string modelData
                    required property int index
                    readonly property bool current: index === page.currentGroup
                    width: groupList.width
                    spacing: 16

                    Label {
                        text: page.groupTitle(groupColumn.modelData)
                        font.pixelSize: 36
                        font.bold: true
                        color: groupColumn.current ? Theme.accent : Theme.primary
                    }

                    Flow {
                        width: parent.width
                        spacing: 20
                        Repeater {
                            model: page.figures.facts.filter(function(f) {
                                return f.group === groupColumn.modelData
                            })
                            delegate: Rectangle {
                                id: card
                                required property var modelData
                                objectName: "fact_" + modelData.id
                                width: (groupColumn.width - 40) / 3
                                height: cardColumn.implicitHeight + 48
                                radius: 12
                                color: Theme.surface
                                border.width: groupColumn.current ? 4 : 1
                                border.color: groupColumn.current ? Theme.accent : Theme.divider

                                Column {
                                    id: cardColumn
                                    x: 24
                                    y: 24
                                    width: card.width - 48
                                    spacing: 8
                                    Label {
                                        objectName: "factValue"
                                        width: parent.width
                                        wrapMode: Text.Wrap
                                        text: card.modelData.value
                                        // A long value in a smaller size: at 40 px a long English
                                        // word ("Zhengzhou's") is wider than the card.
                                        font.pixelSize: card.modelData.value.length > 40 ? 32 : 40
                                        font.bold: true
                                        color: Theme.primaryDark
                                    }
                                    Label {
                                        objectName: "factLabel"
                                        width: parent.width
                                        wrapMode: Text.Wrap
                                        text: card.modelData.label
                                        font.pixelSize: 30
                                        color: Theme.textPrimary
                                    }
                                    Label {
                                        objectName: "factSource"
                                        width: parent.width
                                        wrapMode: Text.Wrap
                                        text: qsTr("%1 · 来源：%2").arg(card.modelData.when)
                                                                   .arg(card.modelData.source)
                                        font.pixelSize: 24
                                        color: Theme.textSecondary
                                    }
                                }
                            }
                        }
                    }
                }
            }

            // Live counts from the public feed this kiosk holds.
            Rectangle {
                Layout.preferredWidth: 600
                Layout.fillHeight: true
                radius: 12
                color: Theme.surface
                border.color: Theme.divider

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 28
                    spacing: 12

                    Label {
                        text: qsTr("已公开巡查记录")
                        font.pixelSize: 32
                        font.bold: true
                        color: Theme.primary
                    }
                    Label {
                        objectName: "publicTotal"
                        text: page.figures.total
                        font.pixelSize: 72
                        font.bold: true
                        color: Theme.primaryDark
                    }

                    Repeater {
                        model: page.figures.categoryCounts
                        delegate: Item {
                            id: categoryRow
                            required property var modelData
                            objectName: "categoryCount_" + modelData.id
                            readonly property int count: modelData.count
                            Layout.fillWidth: true
                            Layout.preferredHeight: 48
                            Rectangle {
                                anchors.left: parent.left
                                anchors.verticalCenter: parent.verticalCenter
                                height: 40
                                radius: 6
                                color: "#d4ecf5"
                                width: page.figures.total > 0
                                       ? parent.width * categoryRow.count / page.figures.total : 0
                            }
                            Label {
                                anchors.left: parent.left
                                anchors.leftMargin: 12
                                anchors.verticalCenter: parent.verticalCenter
                                text: categoryRow.modelData.name
                                font.pixelSize: 26
                                color: Theme.textPrimary
                            }
                            Label {
                                anchors.right: parent.right
                                anchors.rightMargin: 12
                                anchors.verticalCenter: parent.verticalCenter
                                text: categoryRow.count
                                font.pixelSize: 28
                                font.bold: true
                                color: Theme.primaryDark
                            }
                        }
                    }

                    Label {
                        Layout.topMargin: 12
                        text: qsTr("各县（市、区）")
                        font.pixelSize: 28
                        font.bold: true
                        color: Theme.primary
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        columns: 2
                        columnSpacing: 24
                        rowSpacing: 4
                        Repeater {
                            model: page.figures.unitCounts
                            delegate: RowLayout {
                                id: unitRow
                                required property var modelData
                                objectName: "unitCount_" + modelData.code
                                readonly property int count: modelData.count
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                Label {
                                    Layout.fillWidth: true
                                    elide: Text.ElideRight
                                    text: unitRow.modelData.name
                                    font.pixelSize: 24
                                    color: Theme.textPrimary
                                }
                                Label {
                                    text: unitRow.count
                                    font.pixelSize: 24
                                    font.bold: true
                                    color: Theme.primaryDark
                                }
                            }
                        }
                    }
                    Item { Layout.fillHeight: true }
                }
            }
        }
    }
}
