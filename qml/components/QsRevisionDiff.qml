import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// What changed between two revisions (ReviewController's diffAgainstReturned / diffBetween
// shape): each changed answer with the old value struck through, photos added and removed,
// and how far each GPS point moved. By default: since the supervisor returned the record.
Rectangle {
    id: diffView
    objectName: "revisionDiff"

    property var diff: ({})
    property string title: qsTr("与退回版本对比")
    property string sameText: qsTr("重新提交的内容与退回的版本相同")
    // sha256 -> file URL, "" when the photo is not on this device.
    property var photoUrl: function(sha) { return "" }

    readonly property var answers: diff.answers || []
    readonly property var photos: diff.photos || []
    readonly property var gps: diff.gps || []

    // An answer's before and after come as text (the backend's one answer formatter);
    // undefined when it was not answered.
    function valueText(v) {
        return v === undefined || v === null ? qsTr("（未填）") : String(v)
    }

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    color: "#fff8e6"
    radius: Theme.radius
    border.color: Theme.warning

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: parent.width - 2 * Theme.spacing
        spacing: 8

        Label {
            Layout.fillWidth: true
            text: diffView.title
            color: Theme.warning
            font.pixelSize: Theme.fontTitle
            font.bold: true
        }
        Label {
            objectName: "diffNothing"
            visible: diffView.answers.length === 0 && diffView.photos.length === 0
                     && diffView.gps.length === 0
            text: diffView.sameText
            color: Theme.textSecondary
        }

        Repeater {
            objectName: "diffAnswers"
            model: diffView.answers
            delegate: ColumnLayout {
                id: change
                required property var modelData
                objectName: "diffAnswer_" + modelData.questionId
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: change.modelData.label
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 8
                    Label {
                        objectName: "diffBefore"
                        text: diffView.valueText(change.modelData.before)
                        font.strikeout: true
                        color: Theme.danger
                        font.pixelSize: Theme.fontBody
                    }
                    Label {
                        text: "→"
                        font.pixelSize: Theme.fontBody
                    }
                    Label {
                        objectName: "diffAfter"
                        Layout.fillWidth: true
                        text: diffView.valueText(change.modelData.after)
                        color: Theme.accent
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                }
            }
        }

        Repeater {
            objectName: "diffPhotos"
            model: diffView.photos
            delegate: ColumnLayout {
                id: photoChange
                required property var modelData
                objectName: "diffPhotos_" + modelData.questionId
                Layout.fillWidth: true
                spacing: 4
                Label {
                    text: photoChange.modelData.label
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 6
                    Repeater {
                        model: photoChange.modelData.added.map(function(s) { return { sha: s, added: true } })
                               .concat(photoChange.modelData.removed.map(function(s) { return { sha: s, added: false } }))
                        delegate: QsDiffPhoto {
                            required property var modelData
                            sha: modelData.sha
                            added: modelData.added
                            url: diffView.photoUrl(modelData.sha)
                        }
                    }
                }
            }
        }

        Repeater {
            objectName: "diffGps"
            model: diffView.gps
            delegate: Label {
                required property var modelData
                objectName: "diffGps_" + modelData.questionId
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontBody
                text: modelData.metres >= 0
                      ? qsTr("%1：定位移动了 %2 米").arg(modelData.label).arg(modelData.metres < 10 ? modelData.metres.toFixed(1) : Math.round(modelData.metres))
                      : qsTr("%1：%2 → %3（一侧没有定位）").arg(modelData.label)
                            .arg(diffView.valueText(modelData.before)).arg(diffView.valueText(modelData.after))
            }
        }
    }
}
