import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The supervisor's three decisions on a record: approve at once; return with a comment (the
// page adds per-question comments beside each answer while `mode` is "return"); reject with
// a reason, which the button waits for. A refused decision shows the store's reason.
ColumnLayout {
    id: bar
    objectName: "decisionBar"

    required property ReviewController review
    property string recordId: ""
    // "" (choosing), "return" or "reject": which comment the supervisor is writing.
    property string mode: ""
    // question id -> comment, filled in beside the answers in return mode.
    property var questionComments: ({})
    property string error: ""

    // The decision was stored: the page reads the record again.
    signal decided()

    spacing: Theme.spacing

    function reset() {
        mode = ""
        error = ""
        questionComments = ({})
        returnComment.text = ""
        rejectReason.text = ""
    }

    function decide(decision, comment, perQuestion, confirmMissingPhotos) {
        if (bar.review.decide(recordId, decision, comment, perQuestion,
                                   confirmMissingPhotos === true)) {
            reset()
            decided()
        } else {
            error = bar.review.lastError !== "" ? bar.review.lastError
                                                     : qsTr("审核决定未能保存")
        }
    }

    // Photos not all on this device: approved only once the supervisor confirms it.
    function approve() {
        error = ""
        var photos = bar.review.photoPresence(recordId)
        if (photos.complete === false)
            photosConfirm.ask([{ "title": "", "text": photos.text }], "approve",
                              function() { bar.decide("approve", "", {}, true) })
        else
            decide("approve", "", {})
    }

    // Also called from the page's footer, which stays in reach below the answers.
    function confirmReturn() {
        decide("return", returnComment.text.trim(), questionComments)
    }

    onRecordIdChanged: reset()

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        QsBigButton {
            objectName: "decideApprove"
            text: qsTr("通过")
            tint: Theme.accent
            onClicked: bar.approve()
        }
        QsBigButton {
            objectName: "decideReturn"
            text: qsTr("退回")
            tint: Theme.warning
            checked: bar.mode === "return"
            onClicked: {
                bar.error = ""
                bar.mode = bar.mode === "return" ? "" : "return"
            }
        }
        QsBigButton {
            objectName: "decideReject"
            text: qsTr("驳回")
            tint: Theme.danger
            checked: bar.mode === "reject"
            onClicked: {
                bar.error = ""
                bar.mode = bar.mode === "reject" ? "" : "reject"
            }
        }
    }

    // Return: a comment for the whole record; the questions' comments are under each answer.
    ColumnLayout {
        Layout.fillWidth: true
        visible: bar.mode === "return"
        spacing: 6
        Label {
            Layout.fillWidth: true
            text: qsTr("退回意见（整条记录）。也可以在下面每个回答下写明要改的地方。")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        TextArea {
            id: returnComment
            objectName: "returnComment"
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget * 1.5
            placeholderText: qsTr("例如：请补拍清运后的照片")
            wrapMode: TextEdit.Wrap
            font.pixelSize: Theme.fontBody
        }
        QsBigButton {
            objectName: "confirmReturn"
            text: qsTr("确认退回")
            tint: Theme.warning
            highlighted: true
            onClicked: bar.confirmReturn()
        }
    }

    // Reject: the reason is required, so the button stays off until there is one.
    ColumnLayout {
        Layout.fillWidth: true
        visible: bar.mode === "reject"
        spacing: 6
        TextField {
            id: rejectReason
            objectName: "rejectReason"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            placeholderText: qsTr("驳回理由（必填）")
            font.pixelSize: Theme.fontBody
        }
        QsBigButton {
            objectName: "confirmReject"
            text: qsTr("确认驳回")
            tint: Theme.danger
            highlighted: true
            enabled: rejectReason.text.trim() !== ""
            onClicked: bar.decide("reject", rejectReason.text.trim(), {})
        }
    }

    QsPhotosConfirm {
        id: photosConfirm
        objectName: "approveConfirm"
    }

    Label {
        objectName: "decisionError"
        Layout.fillWidth: true
        visible: bar.error !== ""
        text: bar.error
        color: Theme.danger
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
    }
}
