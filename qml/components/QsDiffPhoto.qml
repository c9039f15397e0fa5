import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// A photo the resubmission added or removed: its thumbnail when the file is on this device,
// else the first characters of its hash; framed green (added) or red and faded (removed).
Rectangle {
    id: photo
    property string sha: ""
    property string url: ""
    property bool added: true

    objectName: (added ? "diffAdded_" : "diffRemoved_") + sha
    width: 132
    height: 118
    radius: 4
    color: Theme.surface
    border.width: 3
    border.color: added ? Theme.accent : Theme.danger

    Image {
        id: thumb
        objectName: "diffThumb"
        x: 4
        y: 4
        width: parent.width - 8
        height: 82
        visible: photo.url !== ""
        source: photo.url
        fillMode: Image.PreserveAspectCrop
        asynchronous: true
        sourceSize.width: 256
        opacity: photo.added ? 1 : 0.5
    }
    Label {
        objectName: "diffHash"
        anchors.centerIn: thumb
        visible: photo.url === ""
        text: photo.sha.substring(0, 10)
        font.family: "monospace"
        font.pixelSize: Theme.fontSmall
        color: Theme.textSecondary
    }
    Label {
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 6
        anchors.horizontalCenter: parent.horizontalCenter
        text: photo.added ? qsTr("新增") : qsTr("删除")
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: photo.added ? Theme.accent : Theme.danger
    }
}
