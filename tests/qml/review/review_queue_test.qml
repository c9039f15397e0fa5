import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The supervisor's review screens through the real QML on the real store: records two
// inspectors' tablets synced to a real server, pulled by the supervisor's app with their photo,
// are filtered, searched in full text and opened in the record view.
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
        name: "ReviewQueue"
        when: windowShown

        property string reviewedId: ""
        readonly property RecordListModel records: Records

        function queue() { return stack.get(0) }
        function child(name) {
            var item = findChild(stack.currentItem, name)
            verify(item, name)
            return item
        }
        function typeInto(name, text) {
            var field = child(name)
            mouseClick(field)
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (var i = 0; i < text.length; ++i)
                keyClick(text[i])
            keyClick(Qt.Key_Return)
        }
        // Chinese comes through the input method, not key events: the field gets the text.
        function search(text) {
            var field = child("reviewSearch")
            mouseClick(field)
            field.text = text
            tryCompare(records, "search", text)
        }
        function choose(name, value, role) {
            var combo = child(name)
            var index = -1
            for (var i = 0; i < combo.count; ++i) {
                if (combo.valueAt(i) === value)
                    index = i
            }
            verify(index >= 0, name + " offers " + value)
            combo.currentIndex = index
            combo.activated(index)
        }
        function clearAll() {
            mouseClick(child("clearFilters"))
            compare(records.search, "")
            compare(records.author, "")
        }

        function initTestCase() {
            reviewedId = reviewSeed.seed()
            verify(reviewedId !== "", "records synced by the tablets, pulled by the supervisor")
            records.reload()
        }

        function test_1_fullTextSearchFindsChineseByAnySubstring() {
            clearAll()
            search("垃圾堆放")       // four characters: the trigram index (or its pending rows)
            tryCompare(records, "count", 1)
            compare(records.recordIdAt(0), reviewedId)
            compare(child("reviewCount").text, "共 1 条")
            search("保洁")           // two characters: no trigram, still found
            tryCompare(records, "count", 1)
            compare(records.recordIdAt(0), reviewedId)
            search("漂")
            verify(records.count >= 1)
            search("无漂浮物")
            tryCompare(records, "count", 1)
            search("intake")         // English, any case
            tryCompare(records, "count", 1)
            search("INTAKE 以外")
            tryCompare(records, "count", 0)
            verify(findChild(stack.currentItem, "reviewList").count === 0)
        }

        function test_2_filtersByInspectorStatusPlaceAndDate() {
            clearAll()
            choose("reviewAuthor", "lina")
            compare(records.author, "lina")
            tryCompare(records, "count", 2)
            choose("reviewAuthor", "zhangwei")
            tryCompare(records, "count", 1)
            compare(records.recordIdAt(0), reviewedId)
            choose("reviewAuthor", "")
            // Returned: the supervisor's return of its current revision came with the pull.
            mouseClick(child("reviewStatus_4"))
            compare(records.statusFilter, 4)
            tryCompare(records, "count", 1)
            compare(records.recordIdAt(0), reviewedId)
            mouseClick(child("reviewStatus_0"))

            choose("reviewUnit", "411326")          // 淅川县
            choose("reviewTownship", "411326105")   // 丹阳镇
            compare(records.townshipCode, "411326105")
            choose("reviewVillage", "411326105200") // 九重村
            compare(records.villageCode, "411326105200")
            choose("reviewAuthor", "lina")
            tryCompare(records, "count", 2)
            choose("reviewCategory", "ecology")
            tryCompare(records, "count", 0)
            choose("reviewCategory", "sanitation")
            tryCompare(records, "count", 2)

            // lina's records: 2025-11-29 and 2025-11-28.
            typeInto("reviewFrom", "2025-11-29")
            tryCompare(records, "count", 1)
            typeInto("reviewFrom", "")
            typeInto("reviewTo", "2025-11-28")
            tryCompare(records, "count", 1)
            typeInto("reviewTo", "2025-11-27")
            tryCompare(records, "count", 0)
            clearAll()
            verify(records.count >= 3)
        }

        function test_3_recordViewShowsAnswersPhotoGpsAndHistory() {
            clearAll()
            search("垃圾堆放")
            tryCompare(records, "count", 1)
            var list = child("reviewList")
            tryVerify(function() { return list.itemAtIndex(0) !== null })
            mouseClick(list.itemAtIndex(0))
            tryCompare(stack, "busy", false)
            compare(stack.currentItem.objectName, "recordViewPage")
            var view = stack.currentItem

            verify(child("recordViewMeta").text.indexOf("zhangwei") >= 0)
            verify(child("recordViewMeta").text.indexOf("已退回") >= 0)
            compare(child("recordViewPlace").text, "淅川县 · 丹阳镇 · 九重村民委员会")
            // Returned, not yet back: the supervisor may still decide; nothing to publish.
            verify(child("decisionBar").visible)
            verify(!child("publishPanel").visible)
            verify(!child("revisionDiff").visible)

            var number = child("answer_C1")
            compare(findChild(number, "answerLabel").text, "坑塘编号")
            compare(findChild(number, "answerText").text, "KT-07")
            compare(findChild(child("answer_C7"), "answerText").text, "堰")
            compare(findChild(child("answer_C1_numbered"), "answerText").text, "是")
            var gps = child("answer_C3")
            compare(findChild(gps, "answerText").text, "32.981234, 111.491234 ±18.5 米")
            var reason = findChild(gps, "answerOverride")
            verify(reason.visible)
            verify(reason.text.indexOf("山谷里信号弱，已等待五分钟") >= 0)
            compare(findChild(child("answer_note"), "answerText").text,
                    "塘边有生活垃圾堆放，已通知村保洁员清运")

            // The photo, then full screen: the stored (stamped) JPEG itself, as the tablet
            // took it, fetched by the supervisor's app.
            var photos = RecordView.answers.filter(function(a) { return a.id === "photos" })
            compare(photos.length, 1)
            compare(photos[0].photos.length, 1)
            var thumb = child("photo_" + photos[0].photos[0].sha256)
            tryCompare(thumb, "status", Image.Ready, 20000)
            verify(reviewSeed.sameAsTablet(photos[0].photos[0].sha256))
            var flick = child("recordViewFlick")
            flick.contentY = Math.max(0, thumb.mapToItem(flick.contentItem, 0, 0).y - 100)
            wait(50)
            mouseClick(thumb)
            var viewer = findChild(view, "photoViewer")
            verify(viewer, "photo viewer")
            tryCompare(viewer, "opened", true)
            var full = findChild(viewer.contentItem, "photoViewerImage")
            tryCompare(full, "status", Image.Ready, 20000)
            compare(full.implicitWidth, 2048) // the stored photo: downscaled to 2048 px, stamped
            compare(full.width, root.width)
            mouseClick(full)
            tryCompare(viewer, "opened", false)
            tryCompare(viewer, "visible", false)

            // History: the return, with its comment and the question it names.
            compare(RecordView.history.length, 1)
            var history = RecordView.history[0]
            compare(history.decision, "退回")
            compare(history.reviewer, "supervisor")
            compare(history.comment, "请补拍垃圾清运后的照片")
            compare(history.questionComments[0].label, "坑塘现状照片")
            verify(!child("historyEmpty").visible)

            mouseClick(child("recordViewBack"))
            tryCompare(stack, "depth", 1)
        }

        function test_4_englishLabelsOfTheSameTemplateVersion() {
            Language.language = "en"
            verify(RecordView.open(reviewedId))
            var labels = {}
            var texts = {}
            for (var i = 0; i < RecordView.answers.length; ++i) {
                labels[RecordView.answers[i].id] = RecordView.answers[i].label
                texts[RecordView.answers[i].id] = RecordView.answers[i].text
            }
            compare(labels["C1"], "Pond number")
            compare(texts["C7"], "Weir pond")
            compare(texts["C1_numbered"], "Yes")
            compare(RecordView.history[0].decision, "Returned")
            Language.language = "zh_CN"
            verify(RecordView.open(reviewedId))
            compare(RecordView.history[0].decision, "退回")
        }

        function test_5_unknownRecordSaysSo() {
            verify(!RecordView.open("no-such-record"))
            compare(RecordView.error, "找不到这条记录")
        }
    }
}
