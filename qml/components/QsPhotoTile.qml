import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// One photo of a record in the record view: its picture once it is on this device, until
// then where its download stands (waiting, a progress bar, or why it failed with a button to
// try again). The picture appears the moment the file is complete (info.url changes).
Item {
    id: tile
    property string sha: ""
    // RecordViewController.photoStates' entry: {url, state, done, total, error}.
    property var info: ({})
    readonly property string phase: info.state !== undefined ? info.state : "waiting"
    // Not here and no attempt under way: it says why (a failure in red; a photo the tablet has
    // not sent yet is no failure) and offers to try again.
    readonly property bool stopped: phase === "failed" || phase === "notUploaded"

    signal tapped(string url)
    signal retry()

    objectName: "photoTile_" + sha
    // Wider when it has to say why it failed: the reason is read whole, not cut short.
    implicitWidth: stopped ? 360 : 160
    implicitHeight: stopped ? 150 : 120

    Image {
        objectName: "photo_" + tile.sha
        anchors.fill: parent
        visible: tile.phase === "here"
        fillMode: Image.PreserveAspectCrop
        asynchronous: true
        sourceSize.width: 320
        source: tile.info.url !== undefined ? tile.info.url : ""
        TapHandler { onTapped: tile.tapped(tile.info.url) }
    }

    Rectangle {
        anchors.fill: parent
        visible: tile.phase !== "here"
        color: Theme.background
        border.color: tile.phase === "failed" ? Theme.danger
                    : tile.phase === "notUploaded" ? Theme.warning : Theme.divider
        radius: 4

        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 6
            spacing: 4
            Label {
                objectName: "photoState"
                Layout.fillWidth: true
                Layout.fillHeight: true
                text: tile.phase === "fetching"
                      ? qsTr("照片下载中 %1%").arg(Math.floor(100 * tile.info.done / Math.max(1, tile.info.total)))
                      : tile.stopped ? tile.info.error : qsTr("等待下载…")
                color: tile.phase === "failed" ? Theme.danger : Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
                verticalAlignment: Text.AlignVCenter
            }
            ProgressBar {
                objectName: "photoProgress"
                Layout.fillWidth: true
                visible: tile.phase === "fetching" || tile.phase === "waiting"
                indeterminate: tile.phase === "waiting"
                value: tile.phase === "fetching" ? tile.info.done / Math.max(1, tile.info.total) : 0
            }
            Button {
                objectName: "photoRetry"
                Layout.alignment: Qt.AlignHCenter
                visible: tile.stopped
                text: qsTr("重试")
                font.pixelSize: Theme.fontSmall
                onClicked: tile.retry()
            }
        }
    }
}
