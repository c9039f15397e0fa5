import QtQuick
import QtQuick.Controls
import Qingshui.Backend

// One published record over the whole screen: its photos (swipe between them) and its kept
// answers, with a big back button. A popup that scales its 1920×1080 design canvas to the
// window itself, so the map's detail panel can open it too.
Popup {
    id: view
    objectName: "kioskRecordView"
    property var record: ({})
    readonly property int photoIndex: photos.currentIndex
    readonly property int photoCount: photos.count

    function show(r) {
        record = r
        RecordView.open(r.recordId)
        photos.currentIndex = 0
        open()
    }
    // The next photo; false when the last one is shown.
    function nextPhoto() {
        if (photos.currentIndex + 1 >= photos.count)
            return false
        photos.currentIndex += 1
        return true
    }

    parent: Overlay.overlay
    x: 0
    y: 0
    width: parent ? parent.width : 1920
    height: parent ? parent.height : 1080
    modal: true
    closePolicy: Popup.NoAutoClose
    padding: 0
    enter: Transition {}
    exit: Transition {}
    background: Rectangle { color: "#f4f7f9" }

    Item {
        id: canvas
        width: 1920
        height: 1080
        anchors.centerIn: parent
        scale: Math.min(view.width / 1920, view.height / 1080)

        Row {
            id: header
            x: 32
            y: 24
            spacing: 32
            Button {
                objectName: "recordBack"
                focusPolicy: Qt.NoFocus
                width: 240
                height: 96
                font.pixelSize: 30
                text: qsTr("‹ 返回")
                onClicked: view.close()
            }
            Column {
                anchors.verticalCenter: parent.verticalCenter
                Text {
                    text: view.record.title || ""
                    font.pixelSize: 40
                    font.bold: true
                    color: "#084f6e"
                }
                Text {
                    text: [view.record.unitName, view.record.villageName, view.record.categoryName,
                           view.record.date].filter(function (s) { return !!s }).join(" · ")
                    font.pixelSize: 26
                    color: "#5a6b75"
                }
            }
        }

        Rectangle {
            id: photoFrame
            x: 32
            y: 150
            width: 1180
            height: 900
            radius: 12
            color: "#1b2a33"
            clip: true
            SwipeView {
                id: photos
                objectName: "recordPhotos"
                anchors.fill: parent
                focusPolicy: Qt.NoFocus
                Repeater {
                    model: view.record.photoUrls || []
                    Image {
                        objectName: "recordPhoto"
                        source: modelData
                        fillMode: Image.PreserveAspectFit
                        sourceSize.width: 1600
                        asynchronous: true
                    }
                }
            }
            Text {
                anchors.centerIn: parent
                visible: photos.count === 0
                text: qsTr("此记录暂无公开照片")
                font.pixelSize: 32
                color: "white"
            }
            PageIndicator {
                anchors.bottom: parent.bottom
                anchors.horizontalCenter: parent.horizontalCenter
                count: photos.count
                currentIndex: photos.currentIndex
                visible: count > 1
                scale: 2
            }
        }

        ListView {
            objectName: "recordAnswers"
            x: 1244
            y: 150
            width: 644
            height: 900
            clip: true
            spacing: 16
            model: RecordView.answers.filter(function (a) {
                return a.type !== "photos" && a.type !== "gps" && a.text !== ""
            })
            header: Text {
                text: qsTr("检查结果")
                font.pixelSize: 32
                font.bold: true
                color: "#084f6e"
                bottomPadding: 16
            }
            delegate: Column {
                width: ListView.view.width
                Text {
                    width: parent.width
                    text: modelData.label
                    font.pixelSize: 24
                    color: "#5a6b75"
                    wrapMode: Text.Wrap
                }
                Text {
                    width: parent.width
                    text: modelData.text
                    font.pixelSize: 30
                    color: "#1b2a33"
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
