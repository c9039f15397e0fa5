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
    // The rectification ledger: the standard this answer fails (a problem is raised for it at
    // submission), and whether a problem was raised on it already.
    property string failingText: ""
    property bool problemRaised: false
    default property alias input: inputSlot.data

    signal answer(var value)
    signal raiseRequested()

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
    // A problem found here goes into the ledger: by itself when the answer fails a marked
    // standard, or by hand (发现问题) on any answer.
    RowLayout {
        Layout.fillWidth: true
        visible: base.problemRaised || base.failingText !== "" || base.editable
        Label {
            objectName: "problemNote_" + base.question.id
            Layout.fillWidth: true
            text: base.problemRaised ? qsTr("⚑ 已列入整改台账")
                : base.failingText !== "" ? qsTr("⚑ 不达标：%1（提交时自动列入整改台账）").arg(base.failingText)
                : ""
            color: Theme.warning
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }
        Button {
            objectName: "raiseProblem_" + base.question.id
            visible: base.editable && !base.problemRaised
            text: qsTr("发现问题")
            flat: true
            font.pixelSize: Theme.fontSmall
            implicitHeight: Theme.touchTarget
            onClicked: base.raiseRequested()
        }
    }
}
