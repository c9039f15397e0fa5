import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// One record's checklist, drawn from its template by type: every answer is stored as it is
// given; submit checks everything and queues the record for sync.
Page {
    id: page
    objectName: "formPage"

    readonly property FormController form: Form
    // The basemap the GPS questions' small maps draw (the window passes the one installed).
    property basemapInfo basemap
    property string submitError: ""

    signal done()

    // Scrolls so an item of the form (a question, a button) is in view.
    function reveal(item) {
        var flick = scroll.contentItem
        var p = item.mapToItem(flick.contentItem, 0, 0)
        flick.contentY = Math.max(0, Math.min(p.y - 80, flick.contentHeight - flick.height))
    }

    // After a refused submit: show the first question that needs attention.
    function revealFirstIssue() {
        var sections = form.sections
        for (var s = 0; s < sections.length; ++s) {
            for (var q = 0; q < sections[s].questions.length; ++q) {
                var id = sections[s].questions[q].id
                if (form.issues[id] !== undefined) {
                    var item = findQuestion(page, "question_" + id)
                    if (item)
                        reveal(item)
                    return
                }
            }
        }
    }

    function findQuestion(parentItem, name) {
        for (var i = 0; i < parentItem.children.length; ++i) {
            var child = parentItem.children[i]
            if (child.objectName === name)
                return child
            var found = findQuestion(child, name)
            if (found)
                return found
        }
        return null
    }

    background: Rectangle { color: Theme.background }

    header: ToolBar {
        implicitHeight: 64
        background: Rectangle { color: Theme.surface; border.color: Theme.divider }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            ToolButton {
                objectName: "formBackButton"
                text: qsTr("‹ 返回")
                implicitHeight: Theme.touchTarget
                font.pixelSize: Theme.fontBody
                onClicked: page.done()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    text: page.form.title
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    text: page.form.villageName
                          + (page.form.partnerDistrict !== "" ? qsTr(" · 结对：北京市%1").arg(page.form.partnerDistrict) : "")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
            }
            QsChip {
                objectName: "formStatusChip"
                text: page.form.returned ? qsTr("已退回 · 修改后重新提交")
                    : page.form.editable ? qsTr("草稿 · 已自动保存") : page.form.statusText
                tint: page.form.returned ? Theme.review
                    : page.form.editable ? Theme.textSecondary : Theme.accent
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // A returned record: what the supervisor asks for, first; their notes on single
        // questions are shown beside those questions in the same colour.
        Rectangle {
            objectName: "returnNoteBanner"
            Layout.fillWidth: true
            visible: page.form.returned
            implicitHeight: visible ? returnNote.implicitHeight + 2 * Theme.spacing : 0
            color: Theme.reviewBackground
            border.color: Theme.review
            ColumnLayout {
                id: returnNote
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 4
                Label {
                    objectName: "returnNoteTitle"
                    text: qsTr("督导退回意见")
                    color: Theme.review
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                }
                Label {
                    objectName: "returnNoteComment"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: page.form.returnComment
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.WordWrap
                }
                Label {
                    objectName: "returnNoteMeta"
                    Layout.fillWidth: true
                    text: {
                        var count = Object.keys(page.form.questionComments).length
                        var meta = page.form.returnReviewer + " · "
                                   + Qt.formatDateTime(page.form.returnedAt, "yyyy-MM-dd HH:mm")
                        return count > 0 ? meta + qsTr(" · 另有 %1 处题目意见，见题目下方").arg(count) : meta
                    }
                    color: Theme.review
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                }
            }
        }

        // No GPS point yet: the draft is safe, but the inspector must see it plainly.
        Rectangle {
            objectName: "missingGpsBanner"
            Layout.fillWidth: true
            visible: page.form.missingGps && page.form.editable
            implicitHeight: visible ? bannerText.implicitHeight + 20 : 0
            color: "#fff4e0"
            Label {
                id: bannerText
                anchors.fill: parent
                anchors.margins: 10
                text: qsTr("⚠ 尚未采集 GPS 位置：可以先保存为草稿，提交前须采集位置（或说明原因）。")
                color: Theme.warning
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
            }
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: scroll.availableWidth
                spacing: Theme.spacing

                Repeater {
                    model: page.form.sections
                    delegate: Frame {
                        id: sectionFrame
                        required property var modelData
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.spacing
                        Layout.rightMargin: Theme.spacing
                        Layout.topMargin: Theme.spacing / 2
                        background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: Theme.divider }

                        ColumnLayout {
                            width: parent.width
                            spacing: Theme.spacing * 1.5
                            Label {
                                text: sectionFrame.modelData.title
                                font.pixelSize: Theme.fontTitle
                                color: Theme.primaryDark
                                visible: text !== ""
                            }
                            Repeater {
                                model: sectionFrame.modelData.questions
                                delegate: QuestionLoader {
                                    Layout.fillWidth: true
                                    form: page.form
                                    basemap: page.basemap
                                    onRaiseRequested: (questionId, failingText) =>
                                        raiseDialog.openFor(questionId, failingText)
                                }
                            }
                        }
                    }
                }

                Item { Layout.preferredHeight: Theme.spacing }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: footer.implicitHeight + 2 * Theme.spacing
            color: Theme.surface
            border.color: Theme.divider
            visible: page.form.editable

            RowLayout {
                id: footer
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing
                Button {
                    objectName: "discardButton"
                    visible: page.form.discardable
                    text: qsTr("删除草稿")
                    flat: true
                    implicitHeight: Theme.touchTarget
                    onClicked: confirmDiscard.open()
                }
                Label {
                    objectName: "submitErrorLabel"
                    Layout.fillWidth: true
                    text: page.submitError
                    color: Theme.danger
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignRight
                }
                Button {
                    objectName: "submitFormButton"
                    text: qsTr("提交")
                    highlighted: true
                    implicitHeight: Theme.touchTarget
                    implicitWidth: 140
                    onClicked: {
                        page.submitError = page.form.submit()
                        if (page.submitError === "")
                            page.done()
                        else
                            page.revealFirstIssue()
                    }
                }
            }
        }
    }

    QsRaiseProblemDialog {
        id: raiseDialog
        onRaise: (questionId, description, severity) => {
            var error = page.form.raiseProblem(questionId, description, severity)
            if (error !== "") {
                raiseDialog.error = error
                raiseDialog.open()
            }
        }
    }

    Dialog {
        id: confirmDiscard
        objectName: "discardDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        // A set width: the title, the text and the button box would size each other (loop).
        width: Math.min(parent.width - 2 * Theme.spacing, 480)
        modal: true
        title: qsTr("删除这份草稿？")
        Label { text: qsTr("已填写的内容将被删除，无法恢复。") }
        footer: DialogButtonBox {
            Button { text: qsTr("取消"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button {
                objectName: "discardConfirm"
                text: qsTr("删除")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: if (page.form.discard()) page.done()
    }
}
