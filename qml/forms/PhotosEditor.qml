import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// Photos of what was inspected: taken with the camera where there is one, imported from a
// file otherwise; each stamped with time, position and village, stored by its SHA-256.
QsEditorBase {
    id: editor

    readonly property FormController form: Form
    readonly property var photos: Array.isArray(editor.value) ? editor.value : []
    readonly property bool full: editor.question.maxPhotos > 0 && photos.length >= editor.question.maxPhotos
    property string importError: ""

    function importFile(url) {
        editor.importError = editor.form.addPhotoFromFile(editor.question.id, url)
    }

    ColumnLayout {
        width: parent.width
        spacing: 6

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: editor.photos
                delegate: Item {
                    required property string modelData
                    width: 120
                    height: 120
                    Image {
                        anchors.fill: parent
                        fillMode: Image.PreserveAspectCrop
                        source: editor.form.thumbnailUrl(modelData)
                        asynchronous: true
                    }
                    RoundButton {
                        anchors.top: parent.top
                        anchors.right: parent.right
                        visible: editor.editable
                        width: 40
                        height: 40
                        text: "✕"
                        onClicked: editor.form.removePhoto(editor.question.id, modelData)
                    }
                }
            }
        }
        Label {
            text: editor.question.maxPhotos > 0
                  ? qsTr("%1 / 最多 %2 张").arg(editor.photos.length).arg(editor.question.maxPhotos)
                  : qsTr("%1 张").arg(editor.photos.length)
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }
        RowLayout {
            visible: editor.editable
            spacing: Theme.spacing
            Button {
                objectName: "photoCamera_" + editor.question.id
                implicitHeight: Theme.touchTarget
                enabled: !editor.full && CameraControl.available
                highlighted: enabled
                text: qsTr("拍照")
                onClicked: cameraLoader.active = true
            }
            Button {
                objectName: "photoImport_" + editor.question.id
                implicitHeight: Theme.touchTarget
                enabled: !editor.full
                text: qsTr("从文件导入")
                onClicked: fileDialog.open()
            }
        }
        Label {
            Layout.fillWidth: true
            visible: editor.editable && !CameraControl.available
            // Worded when read: read again when the language changes.
            text: Language.language, CameraControl.unavailableReason
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }
        Label {
            objectName: "photoError_" + editor.question.id
            Layout.fillWidth: true
            visible: editor.importError !== ""
            text: editor.importError
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
    }

    // The viewfinder exists only while taking photos: no camera is opened otherwise.
    Loader {
        id: cameraLoader
        active: false
        sourceComponent: CameraDialog {
            questionId: editor.question.id
            onClosed: cameraLoader.active = false
            Component.onCompleted: open()
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("选择照片")
        nameFilters: [qsTr("图片 (*.jpg *.jpeg *.png *.heic *.webp)")]
        onAccepted: editor.importFile(selectedFile.toString())
    }
}
