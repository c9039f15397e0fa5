import QtQuick
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The gallery and a unit's records on the real feed: counts relative to what the store held
// before each test (other tests may seed too).
Item {
    id: root
    width: 1920
    height: 1080

    Component {
        id: galleryComponent
        KioskGalleryPage {}
    }
    Component {
        id: unitRecordsComponent
        KioskUnitRecords { width: 1200 }
    }

    TestCase {
        name: "FeedGallery"
        when: windowShown

        function idsOf(list) { return list.map(function (r) { return r.recordId }) }

        function test_a_emptyState() {
            const page = createTemporaryObject(galleryComponent, root)
            const empty = findChild(page, "galleryEmpty")
            if (PublicFeed.count === 0) {
                verify(empty.visible)
                compare(findChild(page, "galleryGrid").count, 0)
            }
            // A filter that matches nothing says so too.
            const before = PublicFeed.records("420325", "project_progress").length
            page.unitCode = "420325"
            page.category = "project_progress"
            if (before === 0) {
                verify(empty.visible)
                compare(findChild(page, "galleryGrid").count, 0)
            }
            // Stepping a page with nothing to show ends its show at once.
            if (page.shown.length === 0)
                verify(!page.attractStep())
        }

        function test_filterShowsExactlyTheSeeded() {
            const before = idsOf(PublicFeed.records("420381450", "ecology"))
            const a = feedSeed.addCopy("420381450", "ecology", 2) // 武当山特区: 9-digit code
            const b = feedSeed.addCopy("420381450", "ecology", 1)
            const other = feedSeed.addCopy("420381450", "sanitation", 1)
            verify(a.recordId !== "" && b.recordId !== "" && other.recordId !== "")
            PublicFeed.reload()

            const page = createTemporaryObject(galleryComponent, root)
            mouseClick(findChild(page, "countyChip_420381450"))
            compare(page.unitCode, "420381450")
            // The unit's category chips are made again: wait until their row has laid them out.
            tryVerify(function () { return findChild(page, "categoryChip_ecology").x > 0 })
            mouseClick(findChild(page, "categoryChip_ecology"))
            compare(page.category, "ecology")
            const grid = findChild(page, "galleryGrid")
            const shown = idsOf(page.shown)
            compare(shown.length, before.length + 2)
            verify(shown.indexOf(a.recordId) >= 0 && shown.indexOf(b.recordId) >= 0)
            verify(shown.indexOf(other.recordId) < 0)
            compare(grid.count, shown.length)
            // The category chip counts the unit's records of that category.
            compare(findChild(page, "categoryChip_ecology").recordCount, shown.length)
            // All categories of the unit: the sanitation copy joins.
            mouseClick(findChild(page, "categoryChip_all"))
            verify(idsOf(page.shown).indexOf(other.recordId) >= 0)
        }

        function test_cardOpensRecordWithItsPhotos() {
            const seeded = feedSeed.addCopy("411326", "village_visit", 3)
            PublicFeed.reload()
            const page = createTemporaryObject(galleryComponent, root)
            page.unitCode = "411326"
            page.category = "village_visit"
            const grid = findChild(page, "galleryGrid")
            tryVerify(function () { return findChild(grid, "galleryCard_" + seeded.recordId) !== null })
            const card = findChild(grid, "galleryCard_" + seeded.recordId)
            mouseClick(card)
            const view = findChild(page, "kioskRecordView")
            verify(view.opened)
            compare(view.record.recordId, seeded.recordId)
            compare(view.photoCount, 3)
            const urls = view.record.photoUrls
            for (let i = 0; i < 3; ++i)
                compare(urls[i], feedSeed.photoUrl(seeded.listedPhotos[i]))
            // The kept answers are shown (participants: 16).
            const answers = RecordView.answers.filter(function (x) { return x.type === "number" })
            compare(answers.length, 1)
            compare(answers[0].text.indexOf("16") >= 0, true)
            verify(view.nextPhoto())
            compare(view.photoIndex, 1)
            // The shell hides the page (idle → home): the record view leaves with it.
            page.visible = false
            verify(!view.opened)
        }

        function test_unlistedPhotosNeverShow() {
            const seeded = feedSeed.addCopy("420322", "sanitation", 1, 2)
            compare(seeded.unlistedPhotos.length, 2)
            PublicFeed.reload()
            const record = PublicFeed.records("420322", "sanitation").filter(function (r) {
                return r.recordId === seeded.recordId })[0]
            compare(record.photoCount, 1)
            compare(record.photoUrls, [feedSeed.photoUrl(seeded.listedPhotos[0])])
            for (const sha of seeded.unlistedPhotos)
                verify(record.photoUrls.indexOf(feedSeed.photoUrl(sha)) < 0)
        }

        function test_unitRecordsCountByCategory() {
            const countOf = function (unit, category) {
                return PublicFeed.records(unit, category).length
            }
            const before = countOf("420302", "project_progress")
            const seeded = feedSeed.addCopy("420302", "project_progress", 1)
            PublicFeed.reload()
            const panel = createTemporaryObject(unitRecordsComponent, root, { unitCode: "420302" })
            const label = findChild(panel, "unitCategoryCount_project_progress")
            verify(label.text.endsWith(" " + (before + 1)))
            const cards = findChild(panel, "unitRecordCards")
            compare(cards.count, countOf("420302", ""))
            tryVerify(function () { return findChild(cards, "unitCard_" + seeded.recordId) !== null })
            mouseClick(findChild(cards, "unitCard_" + seeded.recordId))
            const view = findChild(panel, "kioskRecordView")
            verify(view.opened)
            compare(view.record.recordId, seeded.recordId)
            mouseClick(findChild(view, "recordBack"))
            verify(!view.opened)
        }

        function test_attractStepsThenEnds() {
            feedSeed.addCopy("411323", "ecology", 1)
            PublicFeed.reload()
            const page = createTemporaryObject(galleryComponent, root)
            let steps = 0
            while (page.attractStep() && steps < 100)
                ++steps
            verify(steps >= 1 && steps < 100)
            verify(!findChild(page, "kioskRecordView").opened)
        }
    }
}
