import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// A supervisor's photos through the real QML, brought by sync from inspectors' tablets
// (tst_qml_review): the diff of a resubmitted record with both revisions' photos, publishing
// with ticked photos, a record whose photo reached the server after the pull (fetched when it
// opens, shown the moment it is complete), and a photo damaged on the server (the tile says
// why and offers to try again; repaired, it arrives).
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

    // The whole supervisor window, for the screenshot in docs/screenshots.
    Component {
        id: supervisorWindow
        SupervisorApp {}
    }

    TestCase {
        name: "ReviewPhotos"
        when: windowShown

        readonly property RecordListModel records: Records

        function child(name, parentItem) {
            var item = findChild(parentItem || stack.currentItem, name)
            verify(item, name)
            return item
        }
        // Bounded: a click that does not pop fails the test instead of spinning for ever.
        function backToQueue() {
            for (var tries = 0; stack.depth > 1; ++tries) {
                verify(tries < 5, "the record view's back button does not go back")
                mouseClick(child("recordViewBack"))
                tryCompare(stack, "busy", false)
            }
        }
        function showInspector(author, expected) {
            backToQueue()
            records.clearFilters()
            records.author = author
            tryCompare(records, "count", expected)
        }
        function openRow(row) {
            var list = child("reviewList")
            tryVerify(function() { return list.itemAtIndex(row) !== null })
            mouseClick(list.itemAtIndex(row))
            tryCompare(stack, "busy", false)
            compare(stack.currentItem.objectName, "recordViewPage")
            return stack.currentItem
        }
        function scrollTo(item) {
            var flick = child("recordViewFlick")
            var y = item.mapToItem(flick.contentItem, 0, 0).y
            flick.contentY = Math.max(0, Math.min(y - 100, flick.contentHeight - flick.height))
            waitForRendering(flick)
        }
        function tap(item) {
            scrollTo(item)
            mouseClick(item)
        }

        function test_1_diffListsTheChangedAnswerPhotosAndGpsMove() {
            var seeded = reviewSeed.seedResubmitted()
            verify(seeded.id !== undefined, "returned and resubmitted revisions synced")
            showInspector("zhaolei", 1)
            var page = openRow(0)
            var diffView = child("revisionDiff")
            verify(diffView.visible)
            // Above the answers.
            verify(diffView.mapToItem(page, 0, 0).y < child("answer_C1").mapToItem(page, 0, 0).y)

            compare(child("diffAnswers").count, 1) // only the pond number changed
            var change = child("diffAnswer_C1")
            compare(child("diffBefore", change).text, "KT-11")
            verify(child("diffBefore", change).font.strikeout)
            compare(child("diffAfter", change).text, "KT-12")
            verify(!findChild(diffView, "diffAnswer_note"), "an unchanged answer is not listed")

            // 0.0003° of latitude on the Earth's mean radius.
            var radians = (seeded.after.lat - seeded.before.lat) * Math.PI / 180
            var metres = 2 * 6371008.8 * Math.asin(Math.abs(Math.sin(radians / 2)))
            compare(child("diffGps").count, 1)
            compare(child("diffGps_C3").text, "坑塘定位：定位移动了 " + Math.round(metres) + " 米")

            // Both photos came to this device: thumbnails, the added one and the removed one.
            var added = child("diffAdded_" + seeded.added)
            var removed = child("diffRemoved_" + seeded.removed)
            tryCompare(child("diffThumb", added), "status", Image.Ready, 20000)
            tryCompare(child("diffThumb", removed), "status", Image.Ready, 20000)
            verify(!child("diffHash", added).visible)
            verify(reviewSeed.sameAsTablet(seeded.added))
            verify(reviewSeed.sameAsTablet(seeded.removed))
            compare(RecordView.photoUrl("0".repeat(64)), "") // not on this device

            if (reviewSeed.screenshotIn("x") !== "")
                saveSupervisorScreenshot(seeded.id,
                                         reviewSeed.screenshotIn("supervisor-record-diff-1280x800.png"))
        }

        // The real supervisor window on the resubmitted record: the decision bar and the diff.
        function saveSupervisorScreenshot(recordId, path) {
            var window = createTemporaryObject(supervisorWindow, root, { width: 1280, height: 800 })
            window.visible = true
            var stackOfWindow = findChild(window.contentItem, "supervisorStack")
            tryCompare(stackOfWindow, "busy", false)
            stackOfWindow.currentItem.recordOpened(recordId)
            tryCompare(stackOfWindow, "depth", 2)
            tryCompare(stackOfWindow, "busy", false)
            var thumb = findChild(stackOfWindow.currentItem, "diffThumb")
            tryCompare(thumb, "status", Image.Ready, 20000)
            waitForRendering(window.contentItem, 2000)
            grabImage(window.contentItem.parent).save(path) // throws when it cannot write
            window.visible = false
        }

        function test_2_publishSendsOnlyTheTickedPhotos() {
            showInspector("zhaolei", 1)
            openRow(0)
            tap(child("decideApprove"))
            tryCompare(child("recordViewStatus"), "text", "已通过")
            var panel = child("publishPanel")
            verify(panel.visible)
            compare(panel.photos.length, 1)
            var tick = child("publishTick_" + panel.photos[0].sha256)
            verify(!tick.checked) // nothing is public until ticked
            compare(panel.ticked().length, 0)
            tap(tick)
            verify(tick.checked)
            compare(panel.ticked(), [panel.photos[0].sha256])
            tap(child("publishButton"))
            verify(child("publishDone").visible)
            verify(!child("publishError").visible)
            // Reopened: the history now ends with the publishing.
            verify(RecordView.open(RecordView.recordId))
            var history = RecordView.history
            compare(history[history.length - 1].decision, "公开展示")
            backToQueue()
        }

        function test_3_aPhotoThatReachedTheServerLateArrivesWhenTheRecordOpens() {
            var seeded = reviewSeed.seedLateUpload()
            verify(seeded.id !== undefined, "record synced before its photo")
            // After the pull the queue says the tablet has not sent that photo yet.
            backToQueue()
            var line = child("photoFetchLine")
            tryVerify(function() { return child("photoFetchText", line).text.indexOf("1 张照片巡查员尚未上传") >= 0 },
                      10000, child("photoFetchText", line).text)
            verify(line.visible)
            if (reviewSeed.screenshotIn("x") !== "") {
                waitForRendering(line)
                grabImage(root).save(reviewSeed.screenshotIn("supervisor-queue-photos-1280x800.png"))
            }

            // The tablet has sent it since; opening the record fetches it at once.
            showInspector("wangfang", 1)
            openRow(0)
            var tile = child("photoTile_" + seeded.sha256)
            var image = child("photo_" + seeded.sha256, tile)
            tryCompare(image, "status", Image.Ready, 20000)
            verify(image.visible)
            compare(RecordView.photoStates[seeded.sha256].state, "here")
            verify(!child("photoState", tile).visible)
            verify(reviewSeed.sameAsTablet(seeded.sha256))
            backToQueue()
        }

        function test_4_aDamagedPhotoSaysWhyAndCanBeTriedAgain() {
            var seeded = reviewSeed.seedDamagedPhoto()
            verify(seeded.id !== undefined, "record and damaged photo synced")
            backToQueue()
            var line = child("photoFetchLine")
            tryVerify(function() { return child("photoFetchText", line).text.indexOf("照片校验失败") >= 0 },
                      10000, child("photoFetchText", line).text)

            showInspector("sunyan", 1)
            openRow(0)
            var tile = child("photoTile_" + seeded.sha256)
            // Asked again on opening; the server still sends the damaged bytes.
            tryVerify(function() { return RecordView.photoStates[seeded.sha256].state === "failed" },
                      20000)
            var state = child("photoState", tile)
            tryVerify(function() { return state.text.indexOf("照片校验失败") >= 0 }, 10000, state.text)
            var retry = child("photoRetry", tile)
            verify(retry.visible)
            verify(!child("photo_" + seeded.sha256, tile).visible)
            if (reviewSeed.screenshotIn("x") !== "") {
                scrollTo(tile)
                grabImage(root).save(reviewSeed.screenshotIn("supervisor-photo-failed-1280x800.png"))
            }

            // The same words in English.
            Language.language = "en"
            tryVerify(function() { return state.text.indexOf("SHA-256") >= 0 && state.text.indexOf("校验") < 0 },
                      5000, state.text)
            Language.language = "zh_CN"

            // Repaired on the server: a tap on 重试 brings it.
            verify(reviewSeed.repairOnServer(seeded.sha256))
            tap(retry)
            var image = child("photo_" + seeded.sha256, tile)
            tryCompare(image, "status", Image.Ready, 20000)
            verify(image.visible)
            verify(!retry.visible)
            verify(reviewSeed.sameAsTablet(seeded.sha256))
            backToQueue()
        }
    }
}
