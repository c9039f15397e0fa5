import QtQuick
import QtQuick.Controls
import Qingshui.Backend

// One paired unit's published records for the map's detail panel: the count by category and
// a row of cards that open the same full-screen record view as the gallery.
Column {
    id: unitRecords
    objectName: "kioskUnitRecords"
    property string unitCode: ""
    readonly property var shown: (PublicFeed.generation,
                                  PublicFeed.records(unitCode, ""))
    spacing: 12
    // The record view is a popup over the window: it leaves with the panel (idle → home).
    onVisibleChanged: if (!visible) recordView.close()

    Flow {
        id: counts
        width: parent.width
        spacing: 24
        Repeater {
            model: (PublicFeed.generation,
                    PublicFeed.categoryCounts(unitRecords.unitCode))
            Text {
                objectName: "unitCategoryCount_" + modelData.id
                text: modelData.name + " " + modelData.count
                font.pixelSize: 26
                color: modelData.count > 0 ? "#084f6e" : "#5a6b75"
            }
        }
    }

    ListView {
        id: cards
        objectName: "unitRecordCards"
        width: parent.width
        // The room the detail panel leaves under the counts (the Column is anchored to it).
        height: Math.max(104, Math.min(200, unitRecords.height - counts.height - unitRecords.spacing))
        orientation: ListView.Horizontal
        spacing: 16
        clip: true
        visible: count > 0
        model: unitRecords.shown
        // Compact cards, photo beside the words: the detail panel has little height.
        delegate: AbstractButton {
            id: unitCard
            required property var modelData
            objectName: "unitCard_" + modelData.recordId
            width: 420
            height: cards.height
            focusPolicy: Qt.NoFocus
            onClicked: recordView.show(modelData)
            background: Rectangle {
                radius: 12
                color: unitCard.pressed ? "#e6f3f8" : "white"
                border.color: "#dde4e8"
                border.width: 2
            }
            contentItem: Row {
                padding: 8
                spacing: 12
                Image {
                    objectName: "cardPhoto"
                    width: 160
                    height: unitCard.height - 16
                    source: unitCard.modelData.photoUrls && unitCard.modelData.photoUrls.length > 0
                            ? unitCard.modelData.photoUrls[0] : ""
                    sourceSize.width: 320
                    fillMode: Image.PreserveAspectCrop
                    asynchronous: true
                }
                Column {
                    width: unitCard.width - 160 - 36
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: 6
                    Text {
                        width: parent.width
                        text: unitCard.modelData.title || ""
                        font.pixelSize: 26
                        font.bold: true
                        color: "#1b2a33"
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                    Text {
                        text: unitCard.modelData.date || ""
                        font.pixelSize: 24
                        color: "#5a6b75"
                    }
                }
            }
        }
    }
    Text {
        objectName: "unitRecordsEmpty"
        visible: cards.count === 0
        text: qsTr("该县市尚无已发布的记录")
        font.pixelSize: 26
        color: "#5a6b75"
    }

    KioskRecordView { id: recordView }
}
