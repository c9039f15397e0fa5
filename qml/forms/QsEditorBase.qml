import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// What every question editor shares: the label, a required mark, the hint, the supervisor's
// comment on a returned record and the issue. An editor puts its input in `data` and calls
// `answer(value)` when the inspector answers.
ColumnLayout {
    id: base
    required property var question
    property var value
    property string issue: ""
    property string reviewComment: ""
    property bool editable: true
    default property alias input: inputSlot.data

    signal answer(var value)

    spacing: 6

    Label {
        Layout.fillWidth: true
        text: base.question.label + (base.question.required ? " *" : "")
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.textPrimary
        wrapMode: Text.WordWrap
    }
    Label {
        Layout.fillWidth: true
        visible: text !== ""
        text: base.question.hint
        font.pixelSize: Theme.fontSmall
        color: Theme.textSecondary
        wrapMode: Text.WordWrap
    }
    // In the returned-record banner's colour, so the inspector sees which questions it means.
    Rectangle {
        objectName: "questionComment_" + base.question.id
        Layout.fillWidth: true
        visible: base.reviewComment !== ""
        implicitHeight: commentText.implicitHeight + 12
        color: Theme.reviewBackground
        border.color: Theme.review
        radius: 4
        Label {
            id: commentText
            objectName: "questionCommentText"
            anchors.fill: parent
            anchors.margins: 6
            text: qsTr("督导意见：%1").arg(base.reviewComment)
            color: Theme.review
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }
    }
    Item {
        id: inputSlot
        Layout.fillWidth: true
        implicitHeight: childrenRect.height
    }
    Label {
        Layout.fillWidth: true
        visible: base.issue !== ""
        text: base.issue
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WordWrap
    }
}
