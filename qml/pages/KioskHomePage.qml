import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The kiosk's home: the 16 water-source units and their Beijing partner districts.
Page {
    id: page
    objectName: "kioskHomePage"

    background: Rectangle {
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#e6f3f8" }
            GradientStop { position: 1.0; color: "#f7fbfc" }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 3
        spacing: Theme.spacing * 2

        ColumnLayout {
            spacing: 4
            Label {
                text: qsTr("一库清水 永续北送")
                font.pixelSize: Theme.fontHeadline * 1.4
                font.bold: true
                color: Theme.primaryDark
            }
            Label {
                text: qsTr("北京市南水北调对口协作 · 丹江口库区及上游地区 %1 个结对县（市、区）")
                      .arg(Services.units.count)
                font.pixelSize: Theme.fontTitle
                color: Theme.textSecondary
            }
        }

        GridView {
            id: grid
            objectName: "unitGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            interactive: false
            readonly property int columns: width > 1400 ? 4 : width > 900 ? 4 : 2
            cellWidth: width / columns
            cellHeight: Math.max(96, height / Math.ceil(count / columns))
            model: Services.units
            delegate: Item {
                required property string name
                required property string province
                required property string prefecture
                required property string zone
                required property string partnerDistrict
                width: grid.cellWidth
                height: grid.cellHeight

                Rectangle {
                    anchors.fill: parent
                    anchors.margins: 6
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.divider

                    ColumnLayout {
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: 2
                        RowLayout {
                            Label {
                                text: name
                                font.pixelSize: Theme.fontTitle
                                font.bold: true
                                color: Theme.textPrimary
                            }
                            Item { Layout.fillWidth: true }
                            QsChip {
                                text: zone
                                tint: zone === "影响区" ? Theme.accent : Theme.primary
                            }
                        }
                        Label {
                            text: province + (prefecture !== "" ? " · " + prefecture : "")
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                        }
                        Label {
                            text: qsTr("结对：北京市%1").arg(partnerDistrict)
                            color: Theme.primary
                            font.pixelSize: Theme.fontBody
                        }
                    }
                }
            }
        }
    }
}
