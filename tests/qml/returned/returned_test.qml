import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// A record the supervisor returned, on the inspector's tablet through the real QML against a
// real server (tst_qml_returned.cpp): sent and its return pulled by the app's own sync, opened
// from the list, the return's comment at the top and its question comment beside exactly
// that question; edited and resubmitted as a new revision while the server is out of reach;
// sent once it is back, approved by the supervisor, and pulled: no banner.
Item {
    id: root
    width: 1280
    height: 800
    // Styled and wired as InspectorApp styles and wires them.
    Material.primary: Theme.primary
    Material.accent: Theme.primary

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: RecordListPage {
            onRecordOpened: (recordId) => {
                if (Form.open(recordId))
                    stack.push(formPage)
            }
        }
    }
    Component {
        id: formPage
        FormPage { onDone: { Records.reload(); stack.pop(null) } }
    }

    TestCase {
        name: "ReturnedRecord"
        when: windowShown

        property string recordId: ""
        readonly property RecordListModel records: Records

        function child(name) {
            var item = findChild(stack.currentItem, name)
            verify(item, name)
            return item
        }
        function tap(form, item) {
            verify(item)
            form.reveal(item)
            wait(50)
            mouseClick(item)
        }
        // Opens the record from the list, as a finger would: its status filter and its note
        // (as an inspector finds it among their records), then the row.
        function openFromList(statusFilter) {
            tryCompare(stack, "busy", false)
            compare(stack.depth, 1)
            records.clearFilters()
            mouseClick(child("statusFilter_" + statusFilter))
            compare(records.statusFilter, statusFilter)
            records.search = "收集点已建成"
            tryCompare(records, "count", 1)
            compare(records.recordIdAt(0), recordId)
            var list = child("recordList")
            tryVerify(function() { return list.itemAtIndex(0) !== null })
            mouseClick(list.itemAtIndex(0))
            tryCompare(stack, "busy", false)
            compare(stack.currentItem.objectName, "formPage")
            return stack.currentItem
        }
        // Every question of the form whose supervisor comment is on screen.
        function questionsWithComments(form) {
            var shown = []
            var sections = Form.sections
            for (var s = 0; s < sections.length; ++s) {
                for (var q = 0; q < sections[s].questions.length; ++q) {
                    var id = sections[s].questions[q].id
                    var comment = findChild(form, "questionComment_" + id)
                    if (comment && comment.visible)
                        shown.push(id)
                }
            }
            return shown
        }

        function initTestCase() {
            recordId = returnSeed.returnedRecord()
            verify(recordId !== "", "the record sent, returned at the supervisor's desk and pulled")
            records.reload()
        }

        function cleanupTestCase() {
            records.clearFilters()
        }

        function test_1_returnedRecordShowsTheSupervisorsComments() {
            var form = openFromList(4)   // 已退回
            verify(Form.editable)
            var banner = child("returnNoteBanner")
            verify(banner.visible)
            verify(banner.height > 0)
            compare(findChild(banner, "returnNoteTitle").text, "督导退回意见")
            compare(findChild(banner, "returnNoteComment").text, "请核实源头分类情况并补充说明")
            var meta = findChild(banner, "returnNoteMeta").text
            verify(meta.indexOf("zhaomin") === 0, meta)
            verify(meta.indexOf("2025-12-01") > 0, meta)
            verify(meta.indexOf("另有 1 处题目意见") > 0, meta)
            compare(child("formStatusChip").text, "已退回 · 修改后重新提交")
            // The banner sits above the questions.
            verify(banner.mapToItem(form, 0, 0).y < child("question_D1").mapToItem(form, 0, 0).y)

            // Beside D2, and nowhere else.
            compare(questionsWithComments(form), ["D2"])
            var comment = findChild(child("question_D2"), "questionComment_D2")
            compare(findChild(comment, "questionCommentText").text, "督导意见：分类桶是否已发放到户？")
            // A record the server holds is not a draft to delete.
            verify(!child("discardButton").visible)

            // English is the second language.
            Language.language = "en"
            compare(findChild(banner, "returnNoteTitle").text, "Returned by the supervisor")
            compare(findChild(comment, "questionCommentText").text, "Supervisor: 分类桶是否已发放到户？")
            Language.language = "zh_CN"
            compare(findChild(banner, "returnNoteTitle").text, "督导退回意见")

            var shot = returnSeed.screenshotPath("inspector-returned-1280x800.png")
            if (shot !== "") {
                wait(1000)   // the push transition and the first frames of every control
                waitForRendering(form)
                verify(returnSeed.saveWindow(root, shot), shot)
            }
        }

        function test_2_editAndResubmitQueuesANewRevision() {
            var form = stack.currentItem
            compare(form.objectName, "formPage")
            // Out of the server's reach, as in the field: the resubmission waits on the tablet.
            returnSeed.serverDown()
            var pendingBefore = Sync.pendingCount
            tap(form, findChild(form, "yesno_D2_true"))
            tryCompare(Form.answers, "D2", true)
            // Still the returned revision being answered: the comments stay while editing.
            verify(child("returnNoteBanner").visible)
            compare(questionsWithComments(form), ["D2"])

            tap(form, child("submitFormButton"))
            tryCompare(stack, "depth", 1)
            tryCompare(Sync, "pendingCount", pendingBefore + 1)
            verify(!Form.returned)

            // Now waiting to sync, with the new answer.
            var opened = openFromList(2)   // 待同步
            verify(!child("returnNoteBanner").visible)
            compare(questionsWithComments(opened), [])
            compare(Form.answers["D2"], true)
            verify(!Form.editable)
            compare(child("formStatusChip").text, "待同步")
            mouseClick(child("formBackButton"))
        }

        function test_3_approvedNewRevisionHasNoBanner() {
            tryCompare(stack, "depth", 1)
            verify(returnSeed.acceptAndApprove(recordId))
            records.reload()
            var form = openFromList(5)   // 已通过
            verify(!child("returnNoteBanner").visible)
            compare(child("returnNoteBanner").height, 0)
            compare(questionsWithComments(form), [])
            compare(child("formStatusChip").text, "已通过")
            compare(Form.answers["D2"], true)
            mouseClick(child("formBackButton"))
            tryCompare(stack, "depth", 1)
        }
    }
}
