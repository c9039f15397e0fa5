import QtQuick
import QtQuick.Controls
import Qingshui.Backend

// One paired unit's published records for the map's detail panel: the count by category and
// a row of cards that open the same full-screen record view as the gallery.
Column {
    id: unitRecords
    objectName: "kioskUnitRecords"
    property string unitCode: ""
    readonly property var shown: (Services.publicFeed.generation,
                                  Services.publicFeed.records(unitCode, ""))
    spacing: 16
    // The record view is a popup over the window: it leaves with the panel (idle → home).
    onVisibleChanged: if (!visible) recordView.close()

    Flow {
        width: parent.width
        spacing: 24
        Repeater {
            model: (Services.publicFeed.generation,
                    Services.publicFeed.categoryCounts(unitRecords.unitCode))
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
        height: 380
        orientation: ListView.Horizontal
        spacing: 16
        clip: true
        visible: count > 0
        model: unitRecords.shown
        delegate: KioskRecordCard {
            objectName: "unitCard_" + modelData.recordId
            record: modelData
            onOpened: function (r) { recordView.show(r) }
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
