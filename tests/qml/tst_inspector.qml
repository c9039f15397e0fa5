import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The inspector's first screen, driven like a finger would: open the form, pick a village,
// type a note, submit; the record must come back out of the store into the list.
Item {
    id: root
    width: 1280
    height: 800

    RecordListPage {
        id: page
        anchors.fill: parent
    }

    TestCase {
        name: "InspectorRecordList"
        when: windowShown

        function openDialog() {
            var dialog = findChild(page, "newRecordDialog")
            verify(dialog)
            tryCompare(dialog, "visible", false) // a closing dialog still covers the page
            mouseClick(findChild(page, "newRecordButton"))
            tryCompare(dialog, "opened", true)
            return dialog
        }

        function test_submitANewRecordThroughTheForm() {
            var before = Services.records.count
            var pendingBefore = Services.sync.pendingCount
            var dialog = openDialog()
            var unitBox = findChild(dialog.contentItem, "unitBox")
            var townshipBox = findChild(dialog.contentItem, "townshipBox")
            var villageBox = findChild(dialog.contentItem, "villageBox")
            unitBox.currentIndex = 10          // 郧西县
            compare(unitBox.currentText, "郧西县")
            verify(townshipBox.count > 0)
            townshipBox.currentIndex = 0
            verify(villageBox.count > 0)
            villageBox.currentIndex = 0
            var village = villageBox.currentText

            var note = findChild(dialog.contentItem, "noteField")
            note.forceActiveFocus()
            var typed = "pond chief 7"
            for (var i = 0; i < typed.length; ++i)
                keyClick(typed[i])
            compare(note.text, typed)

            mouseClick(findChild(dialog.contentItem, "submitButton"))
            tryCompare(dialog, "opened", false)
            compare(dialog.errorText, "")
            tryCompare(Services.records, "count", before + 1)

            // Newest first: what the list shows was read back from the store.
            var list = findChild(page, "recordList")
            tryVerify(function() { return list.itemAtIndex(0) !== null })
            var row = list.itemAtIndex(0)
            compare(row.note, typed)
            compare(row.villageName, village)
            compare(row.syncStateText, "待同步")
            // Offline: the sync engine says so and counts the record as waiting.
            tryCompare(Services.sync, "pendingCount", pendingBefore + 1)
            tryCompare(Services.sync, "state", SyncEngine.Offline)
        }

        function test_noVillageNoRecord() {
            var before = Services.records.count
            var dialog = openDialog()
            findChild(dialog.contentItem, "villageBox").currentIndex = -1
            mouseClick(findChild(dialog.contentItem, "submitButton"))
            compare(dialog.errorText, "请选择村庄")
            verify(dialog.opened)
            compare(Services.records.count, before)
            dialog.close()
            tryCompare(dialog, "visible", false)
        }
    }
}
