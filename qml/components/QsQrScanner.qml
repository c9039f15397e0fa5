import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Qingshui.Backend
import Qingshui.Ui

// Full-screen viewfinder that reads an invite's QR code from the camera's frames and closes
// as soon as a code is accepted.
Popup {
    id: scanner
    required property EnrolmentController enrolment

    objectName: "qrScanner"
    parent: Overlay.overlay
    width: parent.width
    height: parent.height
    modal: true
    padding: 0
    background: Rectangle { color: "black" }

    onOpened: enrolment.startScanning(viewfinder)
    onClosed: enrolment.stopScanning()

    Connections {
        target: scanner.enrolment
        function onCodeChanged() {
            if (scanner.enrolment.codeAccepted)
                scanner.close()
        }
    }

    VideoOutput {
        id: viewfinder
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectFit
    }
    Label {
        anchors.top: parent.top
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.margins: Theme.spacing * 2
        text: scanner.enrolment.error !== "" ? scanner.enrolment.error
                                             : qsTr("将二维码对准画面中央")
        color: "white"
        padding: 8
        background: Rectangle {
            color: scanner.enrolment.error !== "" ? Theme.danger : "#80000000"
            radius: 4
        }
    }
    Button {
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.margins: Theme.spacing * 2
        text: qsTr("取消")
        implicitHeight: Theme.touchTarget
        onClicked: scanner.close()
    }
}
