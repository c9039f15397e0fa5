import QtQuick
import QtQuick.Controls
import Qingshui.Backend
import Qingshui.Ui

// The gallery of published, redacted records: big chips for county and category (no text
// entry), a grid of cards; a card opens the record over the whole screen.
Item {
    id: page
    objectName: "kioskGalleryPage"
    width: 1920
    height: 1080

    property string unitCode: ""
    property string category: ""
    // Every reload of the feed gives a new generation: the list is read again.
    readonly property var shown: (PublicFeed.generation,
                                  PublicFeed.records(unitCode, category))
    property int attractShown: 0

    function openRecord(record) { recordView.show(record) }
    // The record view is a popup over the window: it leaves with the page (idle → home).
    onVisibleChanged: if (!visible) recordView.close()

    // The attract loop: the next record, then its next photos; false after a few records.
    function attractStep() {
        if (recordView.opened && recordView.nextPhoto())
            return true
        if (attractShown >= 3 || shown.length === 0) {
            recordView.close()
            attractShown = 0
            return false
        }
        openRecord(shown[attractShown % shown.length])
        attractShown += 1
        return true
    }

    Rectangle { anchors.fill: parent; color: "#f4f7f9" }

    Text {
        id: heading
        x: 48
        y: 24
        text: qsTr("公开的巡查记录")
        font.pixelSize: 44
        font.bold: true
        color: "#084f6e"
    }
    Text {
        anchors.baseline: heading.baseline
        anchors.left: heading.right
        anchors.leftMargin: 32
        text: qsTr("经审核、已隐去个人信息 · 共 %1 条").arg(PublicFeed.count)
        font.pixelSize: 26
        color: "#5a6b75"
    }

    Flow {
        id: countyChips
        x: 48
        y: 100
        width: parent.width - 96
        spacing: 12
        KioskFeedChip {
            objectName: "countyChip_all"
            text: qsTr("全部县市")
            checked: page.unitCode === ""
            onClicked: page.unitCode = ""
        }
        Repeater {
            model: Units
            KioskFeedChip {
                required property string code
                required property string name
                required property string nameEn
                objectName: "countyChip_" + code
                text: Language.language.startsWith("en") ? nameEn : name
                checked: page.unitCode === code
                onClicked: page.unitCode = checked ? code : ""
            }
        }
    }

    Row {
        id: categoryRow
        x: 48
        y: countyChips.y + countyChips.height + 16
        spacing: 16
        KioskFeedChip {
            objectName: "categoryChip_all"
            text: qsTr("全部类别")
            checked: page.category === ""
            onClicked: page.category = ""
        }
        Repeater {
            model: (PublicFeed.generation, PublicFeed.categoryCounts(page.unitCode))
            KioskFeedChip {
                objectName: "categoryChip_" + modelData.id
                text: modelData.name
                recordCount: modelData.count
                checked: page.category === modelData.id
                onClicked: page.category = checked ? modelData.id : ""
            }
        }
    }

    GridView {
        id: grid
        objectName: "galleryGrid"
        x: 48
        y: categoryRow.y + categoryRow.height + 16
        width: parent.width - 96
        height: parent.height - y - 24
        clip: true
        cellWidth: width / 4
        cellHeight: 404
        model: page.shown
        delegate: KioskRecordCard {
            objectName: "galleryCard_" + modelData.recordId
            width: grid.cellWidth - 24
            record: modelData
            onOpened: function (r) { page.openRecord(r) }
        }
    }

    Column {
        objectName: "galleryEmpty"
        anchors.centerIn: grid
        visible: page.shown.length === 0
        spacing: 16
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: PublicFeed.count === 0 ? qsTr("尚无已发布的记录…")
                                                  : qsTr("此县市和类别下尚无已发布的记录")
            font.pixelSize: 40
            color: "#084f6e"
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            visible: PublicFeed.count === 0
            text: qsTr("审核通过并公开的巡查记录会在联网同步后显示在这里。")
            font.pixelSize: 28
            color: "#5a6b75"
        }
    }

    KioskRecordView { id: recordView }
}
