import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// Asks before approving or publishing records whose photos are not all on this device. The
// decision is stored only on 仍然通过 / 仍然发布, and then carries the confirmation with n/m
// for every later reader; 取消 stores nothing.
Dialog {
    id: dialog
    objectName: "photosConfirm"

    // [{title, text}]: each record and its "照片未到齐 (n/m)".
    property var items: []
    // "approve" or "publish": the words of the question and the button.
    property string action: "approve"
    property var pending: null

    function ask(list, verb, onConfirmed) {
        items = list
        action = verb
        pending = onConfirmed
        confirmed = false
        open()
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? Math.min(parent.width - 2 * Theme.spacing, 640) : 640
    modal: true
    closePolicy: Popup.CloseOnEscape
    padding: Theme.spacing
    title: action === "publish" ? qsTr("照片未到齐，仍要发布？") : qsTr("照片未到齐，仍要通过？")
    // Drawn without a layer effect, so it shows with any scene graph backend.
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.warning
        border.width: 2
    }

    property bool confirmed: false

    // Decided once the dialog has closed: the decision hides what opened it.
    onAccepted: confirmed = true
    onClosed: {
        var run = confirmed ? pending : null
        pending = null
        confirmed = false
        if (run)
            run()
    }

    header: Label {
        objectName: "photosConfirmTitle"
        text: dialog.title
        padding: Theme.spacing
        bottomPadding: 0
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.warning
        wrapMode: Text.Wrap
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            text: qsTr("下面的照片还没有全部到达本机，你没有看过全部照片。确认后，这一决定连同“照片未到齐”一起保存，之后每个查看审核记录的人都能看到。")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
        }
        Repeater {
            model: dialog.items
            delegate: Label {
                required property var modelData
                objectName: "photosConfirmItem"
                Layout.fillWidth: true
                text: modelData.title !== "" ? modelData.title + " · " + modelData.text : modelData.text
                color: Theme.warning
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
            }
        }
    }

    footer: RowLayout {
        spacing: Theme.spacing
        Item { Layout.fillWidth: true }
        QsBigButton {
            objectName: "photosConfirmCancel"
            Layout.bottomMargin: Theme.spacing
            text: qsTr("取消")
            tint: Theme.textSecondary
            onClicked: dialog.reject()
        }
        QsBigButton {
            objectName: "photosConfirmAccept"
            Layout.bottomMargin: Theme.spacing
            Layout.rightMargin: Theme.spacing
            text: dialog.action === "publish" ? qsTr("仍然发布") : qsTr("仍然通过")
            tint: Theme.warning
            highlighted: true
            onClicked: dialog.accept()
        }
    }
}
