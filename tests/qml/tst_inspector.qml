import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The inspector's whole path through the real QML, driven like a finger would: pick a
// village, pick a checklist, answer, capture GPS from the replayed log, add a photo, submit;
// then check what the store holds through the list.
Item {
    id: root
    width: 1280
    height: 800

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: RecordListPage {
            onNewRecordRequested: stack.push(newPage)
        }
    }
    // The header's sync chip, on the same services: offline here (no server).
    QsSyncChip {
        id: syncChip
        engine: Sync
        errorText: App.syncErrorText(Sync.lastErrorCode, Sync.lastErrorArgs,
                                          Sync.lastError)
    }

    Component {
        id: newPage
        NewRecordPage { onStarted: stack.replace(formPage) }
    }
    Component {
        id: formPage
        FormPage { onDone: { Records.reload(); stack.pop(null) } }
    }

    TestCase {
        name: "InspectorForm"
        when: windowShown

        // A finger can only tap what is on screen: scroll the form to it first.
        function tap(form, item) {
            verify(item)
            form.reveal(item)
            wait(50)
            mouseClick(item)
        }

        function tapYes(form, id, yes) {
            tap(form, findChild(form, "yesno_" + id + "_" + yes))
        }

        function typeInto(form, item, text) {
            tap(form, item)
            for (var i = 0; i < text.length; ++i)
                keyClick(text[i])
            keyClick(Qt.Key_Tab)
        }

        function test_1_fillAPondRecordAndSubmit() {
            var before = Records.count
            var pendingBefore = Sync.pendingCount
            mouseClick(findChild(stack.currentItem, "newRecordButton"))
            tryCompare(stack, "busy", false)
            var newRecord = stack.currentItem
            compare(newRecord.objectName, "newRecordPage")

            // The template buttons wait for a village.
            var pondButton = findChild(newRecord, "template_sanitation.pond")
            verify(!pondButton.enabled)
            findChild(newRecord, "villagePicker").choose("420322100200")   // 郧西县 城关镇 下北隅村
            verify(pondButton.enabled)
            mouseClick(pondButton)
            tryCompare(stack, "busy", false)
            var form = stack.currentItem
            compare(form.objectName, "formPage")
            compare(Form.villageName, "下北隅村委会")
            compare(Form.partnerDistrict, "平谷区")
            verify(findChild(form, "missingGpsBanner").visible)

            // A relevant question appears only after its condition is answered.
            verify(!findChild(form, "question_C1").visible)
            tapYes(form, "C1_numbered", true)
            tryVerify(function() { return findChild(form, "question_C1").visible })
            typeInto(form, findChild(form, "text_C1"), "YX-017")
            tryCompare(Form.answers, "C1", "YX-017")

            // Submitting now shows what is missing, beside the questions.
            tap(form, findChild(form, "submitFormButton"))
            verify(findChild(form, "submitErrorLabel").text !== "")
            verify(Form.issues["C2"] !== undefined)
            verify(Form.issues["C3"] !== undefined)
            compare(Sync.pendingCount, pendingBefore)

            var yesNo = ["C2", "C4", "C5", "C8", "C9", "C10", "C11"]
            for (var i = 0; i < yesNo.length; ++i)
                tapYes(form, yesNo[i], i !== 6)   // C11 (用) answered no
            tryVerify(function() { return findChild(form, "text_C4_name") !== null })
            typeInto(form, findChild(form, "text_C4_name"), "Zhang")
            typeInto(form, findChild(form, "text_C5_name"), "Li")
            tap(form, findChild(form, "single_C7_pond"))
            tap(form, findChild(form, "single_C6_rehabilitated"))

            // GPS: averaged from the replayed log, shown as it progresses.
            tap(form, findChild(form, "gpsCapture_C3"))
            tryVerify(function() { return Form.answers["C3"] !== undefined }, 20000)
            var point = Form.answers["C3"]
            compare(point.fixes_averaged, Form.gpsAveragingFixes)
            verify(point.accuracy_m <= Form.gpsAccuracyM)
            verify(Math.abs(point.lat - 33.1378) < 0.001)
            verify(!findChild(form, "missingGpsBanner").visible)

            // A photo, stamped and stored by its hash.
            compare(Form.addPhotoFromFile("photos", testPhotoUrl), "")
            compare(Form.answers["photos"].length, 1)

            tap(form, findChild(form, "submitFormButton"))
            tryCompare(stack, "depth", 1)
            tryCompare(Records, "count", before + 1)
            tryCompare(Sync, "pendingCount", pendingBefore + 1)
            // The chip says so, with the photo's bytes; no progress shows while nothing syncs.
            tryVerify(function() { return Sync.pendingPhotoBytes > 0 })
            tryVerify(function() { return syncChip.text.indexOf(
                "离线 · 待同步 " + (pendingBefore + 1) + " 条 · 照片 ") === 0 })
            compare(Sync.state, SyncEngine.Offline)
            verify(!findChild(syncChip, "syncRecordsProgress").visible)
            verify(!findChild(syncChip, "syncBytesProgress").visible)

            // Back in the list: newest first, with the checklist's title and the note.
            var list = findChild(stack.currentItem, "recordList")
            tryVerify(function() { return list.itemAtIndex(0) !== null })
            compare(list.itemAtIndex(0).title, "坑塘整治")
            compare(list.itemAtIndex(0).villageName, "下北隅村委会")
            compare(list.itemAtIndex(0).summary, "YX-017")
            compare(list.itemAtIndex(0).listStatusText, "待同步")
        }

        function test_2_filtersNarrowTheList() {
            tryCompare(stack, "busy", false)   // the form's exit transition has finished
            var page = stack.currentItem
            var all = Records.count
            verify(all > 0)
            mouseClick(findChild(page, "statusFilter_1"))     // drafts
            compare(Records.statusFilter, 1)
            compare(Records.count, 0)
            mouseClick(findChild(page, "statusFilter_2"))     // waiting to sync
            compare(Records.count, all)
            mouseClick(findChild(page, "statusFilter_0"))
            Records.search = "YX-017"
            compare(Records.count, 1)
            Records.search = "不存在"
            compare(Records.count, 0)
            Records.clearFilters()
            compare(Records.count, all)
        }

        function test_3_englishIsSelectable() {
            Language.language = "en"
            compare(Language.language, "en")
            var list = findChild(stack.currentItem, "recordList")
            tryVerify(function() { return list.itemAtIndex(0) !== null })
            compare(list.itemAtIndex(0).title, "Pond rehabilitation")
            compare(list.itemAtIndex(0).listStatusText, "Waiting to sync")
            compare(findChild(stack.currentItem, "newRecordButton").text, "+ New record")
            Language.language = "zh_CN"
            tryVerify(function() { return list.itemAtIndex(0) !== null })
            compare(list.itemAtIndex(0).title, "坑塘整治")
        }
    }
}
