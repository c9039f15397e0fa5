import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// 发现问题: what is wrong and how serious, for the rectification ledger. It says what was
// entered; the page raises the problem (on a form, or on a record under review).
Dialog {
    id: dialog
    objectName: "raiseProblemDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 2 * Theme.spacing, 560)
    modal: true
    title: qsTr("发现问题 · 列入整改台账")

    property string questionId: ""
    property string error: ""

    signal raise(string questionId, string description, int severity)

    // Opens for one question, its description started with the standard it fails.
    function openFor(questionId, failingText) {
        dialog.questionId = questionId
        description.text = failingText
        severity.currentIndex = 0
        dialog.error = ""
        open()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label { text: qsTr("问题描述"); font.pixelSize: Theme.fontBody }
        TextArea {
            id: description
            objectName: "problemDescription"
            Layout.fillWidth: true
            Layout.preferredHeight: 120
            wrapMode: TextEdit.Wrap
            placeholderText: qsTr("例如：化粪池渗漏，污水流入沟渠")
        }
        Label { text: qsTr("严重程度"); font.pixelSize: Theme.fontBody }
        ComboBox {
            id: severity
            objectName: "problemSeverity"
            Layout.fillWidth: true
            model: [qsTr("一般"), qsTr("较重"), qsTr("严重")]
        }
        Label {
            objectName: "raiseProblemError"
            Layout.fillWidth: true
            visible: text !== ""
            text: dialog.error
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button { text: qsTr("取消"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
        Button {
            objectName: "raiseProblemConfirm"
            text: qsTr("列入台账")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }
    // The page closes the dialog once the problem is stored, or sets error.
    closePolicy: Popup.CloseOnEscape
    onAccepted: {
        dialog.raise(dialog.questionId, description.text, severity.currentIndex + 1)
    }
}
