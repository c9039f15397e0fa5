import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The supervisor's decisions through the real QML, against a real server (tst_qml_review):
// approve, return with comments, reject with a reason, bulk approval in the queue, and the
// decisions the server refused during a sync and the app set aside. Each inspector's records
// come from their own tablet by sync, under a name of their own, so each test sees only its
// records; every decision goes to the server with the supervisor's next sync.
Item {
    id: root
    width: 1280
    height: 800

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: ReviewQueuePage {
            onRecordOpened: (recordId) => {
                if (RecordView.open(recordId))
                    stack.push(viewPage)
            }
        }
    }
    Component {
        id: viewPage
        RecordViewPage { onClosed: stack.pop() }
    }

    TestCase {
        name: "ReviewDecisions"
        when: windowShown

        readonly property RecordListModel records: Records
        readonly property int submitted: 2
        readonly property int approved: 4

        function child(name, parentItem) {
            var item = findChild(parentItem || stack.currentItem, name)
            verify(item, name)
            return item
        }
        function statusOf(recordId) {
            var revisions = Review.revisions(recordId)
            return revisions[revisions.length - 1].status
        }
        // Bounded: a click that does not pop (something still covers the back button) fails
        // the test instead of spinning in the loop for ever.
        function backToQueue() {
            for (var tries = 0; stack.depth > 1; ++tries) {
                verify(tries < 5, "the record view's back button does not go back")
                mouseClick(child("recordViewBack"))
                tryCompare(stack, "busy", false)
            }
        }
        // The queue narrowed to one inspector, as the supervisor would pick them.
        function showInspector(author, expected) {
            backToQueue()
            records.clearFilters()
            records.author = author
            tryCompare(records, "count", expected)
        }
        // Opens a row of the queue by tapping it.
        function openRow(row) {
            var list = child("reviewList")
            tryVerify(function() { return list.itemAtIndex(row) !== null })
            mouseClick(list.itemAtIndex(row))
            tryCompare(stack, "busy", false)
            compare(stack.currentItem.objectName, "recordViewPage")
            return stack.currentItem
        }
        // Brings a control into the flickable's view before a finger taps it.
        function tap(item) {
            var flick = child("recordViewFlick")
            var y = item.mapToItem(flick.contentItem, 0, 0).y
            flick.contentY = Math.max(0, Math.min(y - 100, flick.contentHeight - flick.height))
            waitForRendering(flick)
            mouseClick(item)
        }
        function historyText() {
            return child("historyEntry").text
        }

        function test_1_approveStoresTheDecisionAndShowsApproved() {
            var ids = reviewSeed.seedSubmitted("qianyu", 1)
            compare(ids.length, 1, "submitted on the tablet, synced, pulled")
            showInspector("qianyu", 1)
            openRow(0)
            compare(child("recordViewStatus").text, "已同步")
            verify(child("decisionBar").visible)
            verify(!child("publishPanel").visible)
            verify(!child("revisionDiff").visible) // never returned: nothing to compare

            tap(child("decideApprove"))
            tryCompare(child("recordViewStatus"), "text", "已通过")
            compare(statusOf(ids[0]), approved)
            verify(historyText().indexOf("通过") >= 0)
            verify(!child("decisionBar").visible) // decided: publishing is what is left
            verify(child("publishPanel").visible)

            backToQueue()
            var row = child("reviewList").itemAtIndex(0)
            compare(row.recordId, ids[0])
            compare(row.listStatusText, "已通过")
        }

        function test_2_returnStoresTheRecordAndTheQuestionComment() {
            var ids = reviewSeed.seedSubmitted("sunli", 1)
            showInspector("sunli", 1)
            var page = openRow(0)
            // Only in return mode is there a comment field beside each answer.
            verify(!child("questionComment", child("answer_C1")).visible)
            tap(child("decideReturn"))
            var perQuestion = child("questionComment", child("answer_C1"))
            verify(perQuestion.visible)

            // Nothing written: refused, said so, nothing changes.
            tap(child("confirmReturn"))
            verify(child("decisionError").visible)
            verify(child("decisionError").text.indexOf("退回须写明意见") >= 0)
            compare(statusOf(ids[0]), submitted)
            compare(child("recordViewStatus").text, "已同步")

            child("returnComment").text = "请补充塘长姓名"
            perQuestion.text = "编号应为 KT-00A"
            // Confirmed from the footer, in reach below the answers.
            var footerConfirm = child("confirmReturnFooter")
            verify(footerConfirm.visible)
            mouseClick(footerConfirm)
            tryCompare(child("recordViewStatus"), "text", "已退回")
            verify(!child("decisionError").visible)
            verify(!footerConfirm.visible)

            // Reopened from the queue, the record shows both comments under its return.
            backToQueue()
            openRow(0)
            compare(child("recordViewStatus").text, "已退回")
            var history = RecordView.history
            compare(history.length, 1)
            compare(history[0].decision, "退回")
            compare(history[0].comment, "请补充塘长姓名")
            compare(history[0].questionComments.length, 1)
            compare(history[0].questionComments[0].label, "坑塘编号")
            compare(history[0].questionComments[0].comment, "编号应为 KT-00A")
            var shown = historyText()
            verify(shown.indexOf("请补充塘长姓名") >= 0, shown)
            verify(shown.indexOf("坑塘编号：编号应为 KT-00A") >= 0, shown)
        }

        function test_3_rejectWaitsForAReason() {
            var ids = reviewSeed.seedSubmitted("zhouqi", 1)
            showInspector("zhouqi", 1)
            openRow(0)
            tap(child("decideReject"))
            var confirm = child("confirmReject")
            verify(confirm.visible)
            verify(!confirm.enabled)
            mouseClick(confirm)
            compare(statusOf(ids[0]), submitted)
            child("rejectReason").text = "   "
            verify(!confirm.enabled) // blanks are no reason
            child("rejectReason").text = "重复提交，与上周记录相同"
            verify(confirm.enabled)
            tap(confirm)
            tryCompare(child("recordViewStatus"), "text", "已驳回")
            compare(statusOf(ids[0]), 5)
            compare(RecordView.history[0].comment, "重复提交，与上周记录相同")
            verify(!child("decisionBar").visible)
        }

        function test_4_bulkApprovesTheThreeTickedRowsAndNoOthers() {
            var ids = reviewSeed.seedSubmitted("chenjing", 5)
            compare(ids.length, 5)
            showInspector("chenjing", 5)
            var queue = stack.currentItem
            verify(!child("selectionBar").visible)
            mouseClick(child("selectMode"))
            verify(child("selectionBar").visible)
            waitForRendering(queue) // the bar is laid out before a finger can reach it
            verify(!child("bulkApprove").enabled)

            var list = child("reviewList")
            var chosen = []
            for (var i = 0; i < 3; ++i) {
                tryVerify(function() { return list.itemAtIndex(i) !== null })
                mouseClick(list.itemAtIndex(i))
                chosen.push(records.recordIdAt(i))
            }
            compare(stack.depth, 1) // ticking rows opens nothing
            // A second tap unticks, a third ticks again.
            mouseClick(list.itemAtIndex(2))
            compare(child("bulkApprove").text, "批量通过 (2)")
            mouseClick(list.itemAtIndex(2))
            compare(child("bulkApprove").text, "批量通过 (3)")
            verify(findChild(list.itemAtIndex(0), "rowCheck").checked)
            verify(!findChild(list.itemAtIndex(3), "rowCheck").checked)

            mouseClick(child("bulkApprove"))
            compare(child("bulkError").text, "")
            verify(!queue.selecting)
            for (var j = 0; j < ids.length; ++j) {
                var expected = chosen.indexOf(ids[j]) >= 0 ? approved : submitted
                compare(statusOf(ids[j]), expected, ids[j])
            }

            // 全选本页 ticks every row shown, here the two still waiting.
            records.statusFilter = 3 // 已同步
            tryCompare(records, "count", 2)
            mouseClick(child("selectMode"))
            waitForRendering(queue)
            mouseClick(child("selectAllPage"))
            compare(child("bulkApprove").text, "批量通过 (2)")
            mouseClick(child("selectMode")) // cancelled: nothing approved
            compare(queue.selectedCount, 0)
            compare(records.count, 2)
        }

        // A decision the server refuses for good: this supervisor publishes a record it
        // approved, but another supervisor has returned it on the server since (the app has
        // not pulled that yet). The server publishes only a revision whose latest decision is
        // an approval; it refuses the publishing during the sync, and the app sets it aside.
        function publishOverruled(recordId) {
            verify(reviewSeed.returnAtAnotherDesk(recordId, "照片与记录不符，请重新核实"))
            backToQueue()
            openRow(rowOf(recordId))
            compare(child("recordViewStatus").text, "已通过") // as far as this app knows
            verify(child("publishPanel").visible)
            tap(child("publishButton"))
            verify(child("publishDone").visible)
            verify(reviewSeed.syncSupervisor(), "the sync goes on past the refused decision")
            // The other supervisor's return came with the same sync's pull.
            backToQueue()
            var list = child("reviewList")
            var row = rowOf(recordId)
            tryVerify(function() { return list.itemAtIndex(row) !== null })
            tryCompare(list.itemAtIndex(row), "listStatusText", "已退回")
        }
        function rowOf(recordId) {
            for (var i = 0; i < records.count; ++i) {
                if (records.recordIdAt(i) === recordId)
                    return i
            }
            fail("record " + recordId + " is not in the queue")
        }

        function test_5_setAsideDecisionsAreListedWithTheServersReason() {
            var ids = reviewSeed.seedApproved("wuhao", 2)
            compare(ids.length, 2, "approved and sent by this supervisor")
            showInspector("wuhao", 2)
            var banner = stack.get(0).setAsideBanner // not a search through the long queue
            // Every decision of the tests above reached the server and was taken.
            verify(!banner.visible)
            var revisions = ids.map(function(id) {
                var all = Review.revisions(id)
                return all[all.length - 1].serverSeq
            })

            publishOverruled(ids[0])
            publishOverruled(ids[1])
            var aside = Review.setAside()
            compare(aside.length, 2)
            compare(aside.map(function(s) { return s.recordId }).sort(), ids.slice().sort())
            tryVerify(function() { return banner.visible })
            waitForRendering(banner)
            // Searched under the banner only: the queue's own tree is large by now.
            compare(child("setAsideText", banner).text, "2 条审核未被服务器接受 · 查看原因 ›")
            mouseClick(child("setAsideOpen", banner))
            var popup = findChild(banner, "setAsideList")
            tryCompare(popup, "opened", true)
            var rows = findChild(popup.contentItem, "setAsideRows")
            compare(rows.count, 2)
            // Each row gives the server's reason: that record's revision is not the approved
            // one it can publish.
            for (var k = 0; k < aside.length; ++k) {
                var shown = findChild(rows, "setAside_" + aside[k].reviewId)
                verify(shown, "row of set-aside decision " + k)
                var reason = findChild(shown, "setAsideReason").text
                compare(reason, aside[k].error)
                var revision = revisions[ids.indexOf(aside[k].recordId)]
                verify(reason.indexOf(aside[k].recordId.substring(0, 8)) >= 0, reason)
                verify(reason.indexOf(String(revision)) >= 0, reason)
            }
            var first = aside[0]
            mouseClick(findChild(rows, "setAside_" + first.reviewId))
            // Closed, not just closing: the modal dimmer eats clicks until its exit ends.
            tryCompare(popup, "visible", false)
            tryCompare(stack, "busy", false)
            compare(stack.currentItem.objectName, "recordViewPage")
            compare(RecordView.recordId, first.recordId)
            backToQueue()
        }
    }
}
