import QtQuick
import QtQuick.Controls

// One published record as a card: its first photo, title, county and date. Tapped: opened.
AbstractButton {
    id: card
    property var record: ({})
    signal opened(var record)
    focusPolicy: Qt.NoFocus
    implicitWidth: 420
    implicitHeight: 380
    onClicked: opened(record)

    background: Rectangle {
        radius: 16
        color: card.pressed ? "#e6f3f8" : "white"
        border.color: "#dde4e8"
        border.width: 2
    }
    contentItem: Column {
        padding: 12
        spacing: 8
        Rectangle {
            width: card.width - 24
            height: 230
            radius: 8
            color: "#dfeaf0"
            clip: true
            Image {
                objectName: "cardPhoto"
                anchors.fill: parent
                source: card.record.photoUrls && card.record.photoUrls.length > 0
                        ? card.record.photoUrls[0] : ""
                sourceSize.width: 400
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
            }
            Text {
                anchors.centerIn: parent
                visible: !card.record.photoCount
                text: qsTr("暂无照片")
                font.pixelSize: 24
                color: "#5a6b75"
            }
        }
        Text {
            width: card.width - 24
            text: card.record.title || ""
            font.pixelSize: 28
            font.bold: true
            color: "#1b2a33"
            elide: Text.ElideRight
        }
        Text {
            width: card.width - 24
            text: (card.record.unitName || "") + " · " + (card.record.date || "")
            font.pixelSize: 24
            color: "#5a6b75"
            elide: Text.ElideRight
        }
    }
}
