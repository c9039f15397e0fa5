import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Qingshui.Backend
import Qingshui.Ui

// Full-screen viewfinder: take one photo for a question, or more until closed.
Popup {
    id: dialog
    property string questionId: ""
    readonly property CameraController camera: CameraControl

    parent: Overlay.overlay
    width: parent.width
    height: parent.height
    modal: true
    padding: 0
    background: Rectangle { color: "black" }

    onOpened: camera.start(viewfinder)
    onClosed: camera.stop()

    Connections {
        target: dialog.camera
        function onPhotoAdded() { dialog.close() }
    }

    VideoOutput {
        id: viewfinder
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectFit
    }
    Label {
        anchors.top: parent.top
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.margins: Theme.spacing
        visible: dialog.camera.lastError !== ""
        text: dialog.camera.lastError
        color: "white"
        background: Rectangle { color: Theme.danger; radius: 4 }
        padding: 8
    }
    RowLayout {
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing * 3
        Button {
            text: qsTr("取消")
            implicitHeight: Theme.touchTarget
            onClicked: dialog.close()
        }
        RoundButton {
            objectName: "shutterButton"
            width: 80
            height: 80
            text: qsTr("拍照")
            onClicked: dialog.camera.capture(dialog.questionId)
        }
    }
}
