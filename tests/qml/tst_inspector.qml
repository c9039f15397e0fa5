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
        engine: Services.sync
        errorText: Services.syncErrorText(Services.sync.lastErrorCode, Services.sync.lastErrorArgs,
                                          Services.sync.lastError)
    }

    Component {
        id: newPage
        NewRecordPage { onStarted: stack.replace(formPage) }
    }
    Component {
        id: formPage
        FormPage { onDone: { Services.records.reload(); stack.pop(null) } }
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
            var before = Services.records.count
            var pendingBefore = Services.sync.pendingCount
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
            compare(Services.form.villageName, "下北隅村委会")
            compare(Services.form.partnerDistrict, "平谷区")
            verify(findChild(form, "missingGpsBanner").visible)

            // A relevant question appears only after its condition is answered.
            verify(!findChild(form, "question_C1").visible)
            tapYes(form, "C1_numbered", true)
            tryVerify(function() { return findChild(form, "question_C1").visible })
            typeInto(form, findChild(form, "text_C1"), "YX-017")
            tryCompare(Services.form.answers, "C1", "YX-017")

            // Submitting now shows what is missing, beside the questions.
            tap(form, findChild(form, "submitFormButton"))
            verify(findChild(form, "submitErrorLabel").text !== "")
            verify(Services.form.issues["C2"] !== undefined)
            verify(Services.form.issues["C3"] !== undefined)
            compare(Services.sync.pendingCount, pendingBefore)

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
            tryVerify(function() { return Services.form.answers["C3"] !== undefined }, 20000)
            var point = Services.form.answers["C3"]
            compare(point.fixes_averaged, Services.form.gpsAveragingFixes)
            verify(point.accuracy_m <= Services.form.gpsAccuracyM)
            verify(Math.abs(point.lat - 33.1378) < 0.001)
            verify(!findChild(form, "missingGpsBanner").visible)

            // A photo, stamped and stored by its hash.
            compare(Services.form.addPhotoFromFile("photos", testPhotoUrl), "")
            compare(Services.form.answers["photos"].length, 1)

            tap(form, findChild(form, "submitFormButton"))
            tryCompare(stack, "depth", 1)
            tryCompare(Services.records, "count", before + 1)
            tryCompare(Services.sync, "pendingCount", pendingBefore + 1)
            // The chip says so, with the photo's bytes; no progress shows while nothing syncs.
            tryVerify(function() { return Services.sync.pendingPhotoBytes > 0 })
            tryVerify(function() { return syncChip.text.indexOf(
                "离线 · 待同步 " + (pendingBefore + 1) + " 条 · 照片 ") === 0 })
            compare(Services.sync.state, SyncEngine.Offline)
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
            var all = Services.records.count
            verify(all > 0)
            mouseClick(findChild(page, "recordStatus_1"))     // drafts
            compare(Services.records.statusFilter, 1)
            compare(Services.records.count, 0)
            mouseClick(findChild(page, "recordStatus_2"))     // waiting to sync
            compare(Services.records.count, all)
            mouseClick(findChild(page, "recordStatus_0"))
            Services.records.search = "YX-017"
            compare(Services.records.count, 1)
            Services.records.search = "不存在"
            compare(Services.records.count, 0)
            Services.records.clearFilters()
            compare(Services.records.count, all)
        }

        function test_3_englishIsSelectable() {
            Services.language.language = "en"
            compare(Services.language.language, "en")
            var list = findChild(stack.currentItem, "recordList")
            tryVerify(function() { return list.itemAtIndex(0) !== null })
            compare(list.itemAtIndex(0).title, "Pond rehabilitation")
            compare(list.itemAtIndex(0).listStatusText, "Waiting to sync")
            compare(findChild(stack.currentItem, "newRecordButton").text, "+ New record")
            Services.language.language = "zh_CN"
            tryVerify(function() { return list.itemAtIndex(0) !== null })
            compare(list.itemAtIndex(0).title, "坑塘整治")
        }
    }
}
