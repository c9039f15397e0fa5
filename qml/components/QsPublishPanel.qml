import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// Publishing an approved record to the exhibition screens: the public copy carries only the
// photos ticked here (none until the supervisor ticks them).
Rectangle {
    id: panel
    objectName: "publishPanel"

    required property ReviewController review
    property string recordId: ""
    // [{sha256, url}]: every photo of the approved revision; url "" when not on this device.
    property var photos: []
    // sha256 -> file URL as it is now (a photo may arrive while the panel shows); by default
    // the URL the photo had when the panel got it.
    property var photoUrl: null
    function urlOf(photo) { return photoUrl ? photoUrl(photo.sha256) : photo.url }
    property string error: ""
    property bool published: false

    function ticked() {
        var out = []
        for (var i = 0; i < ticks.count; ++i) {
            if (ticks.itemAt(i).checked)
                out.push(ticks.itemAt(i).sha)
        }
        return out
    }

    function publish(chosen, confirmMissingPhotos) {
        if (panel.review.publish(recordId, chosen, confirmMissingPhotos)) {
            error = ""
            published = true
        } else {
            error = panel.review.lastError !== "" ? panel.review.lastError
                                                     : qsTr("未能发布")
        }
    }

    onRecordIdChanged: {
        error = ""
        published = false
    }

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.accent

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: parent.width - 2 * Theme.spacing
        spacing: 8

        Label {
            Layout.fillWidth: true
            text: panel.photos.length > 0 ? qsTr("勾选可以公开展示的照片（不勾选的照片不会发布）")
                                          : qsTr("这条记录没有照片，只发布文字摘要")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                id: ticks
                model: panel.photos
                delegate: CheckBox {
                    id: tick
                    required property var modelData
                    readonly property string sha: modelData.sha256
                    objectName: "publishTick_" + sha
                    font.pixelSize: Theme.fontSmall
                    contentItem: Item {
                        implicitWidth: 150 + tick.indicator.width
                        implicitHeight: 112
                        Image {
                            x: tick.indicator.width + 6
                            width: 150
                            height: 112
                            visible: panel.urlOf(tick.modelData) !== ""
                            source: panel.urlOf(tick.modelData)
                            fillMode: Image.PreserveAspectCrop
                            sourceSize.width: 300
                            asynchronous: true
                        }
                        Label {
                            x: tick.indicator.width + 6
                            anchors.verticalCenter: parent.verticalCenter
                            visible: panel.urlOf(tick.modelData) === ""
                            text: tick.sha.substring(0, 10)
                            font.family: "monospace"
                        }
                    }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            QsBigButton {
                objectName: "publishButton"
                text: qsTr("发布到展示屏")
                tint: Theme.primary
                highlighted: true
                onClicked: {
                    var chosen = panel.ticked()
                    var photos = panel.review.photoPresence(panel.recordId)
                    if (photos.complete === false)
                        photosConfirm.ask([{ "title": "", "text": photos.text }], "publish",
                                          function() { panel.publish(chosen, true) })
                    else
                        panel.publish(chosen, false)
                }
            }
            Label {
                objectName: "publishDone"
                Layout.fillWidth: true
                visible: panel.published
                text: qsTr("已发布，下次同步后展示屏可见")
                color: Theme.accent
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }
        }
        QsPhotosConfirm {
            id: photosConfirm
            objectName: "publishConfirm"
        }

        Label {
            objectName: "publishError"
            Layout.fillWidth: true
            visible: panel.error !== ""
            text: panel.error
            color: Theme.danger
            wrapMode: Text.Wrap
        }
    }
}
