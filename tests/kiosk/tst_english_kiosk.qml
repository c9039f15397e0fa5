import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// Issue 13 item 5 on the kiosk: every page a visitor (or the admin) can reach, in English,
// shows no Chinese character that is not user data (village and township names, the records'
// answers). Each page's visible texts are read off the real window (screenTexts walks the
// item tree, popups included); the walk goes through the pages with an empty store first,
// then with published copies of every category. QS_SCREENSHOT_DIR=DIR (under Xvfb) saves
// each page it looks at.
Item {
    id: root
    width: 400
    height: 300

    KioskApp {
        id: kiosk
        visible: true
        width: 1920
        height: 1080
    }

    TestCase {
        name: "KioskEnglish"
        when: windowShown

        readonly property var unitCodes: ["411326", "411323", "411325", "411381", "410324",
            "411224", "420302", "420303", "420304", "420381", "420322", "420323", "420324",
            "420325", "420381450", "429021"]
        // The language switch names the other language in its own script.
        readonly property var allowed: ["中文"]
        property var offences: []
        property var seen: ({})
        property int shots: 0

        function item(name) { return findChild(kiosk.contentItem, name) }

        // Reads what the window shows now and keeps each Chinese leftover once, by page.
        function look(page) {
            wait(50) // lets the window lay out and render what the last touch changed
            const left = screenTexts.chineseLeftovers(kiosk.contentItem, allowed)
            for (const text of left) {
                if (!seen[text]) {
                    seen[text] = true
                    offences.push("[" + page + "] " + text)
                }
            }
            if (screenTexts.takingScreenshots)
                screenTexts.saveWindow(kiosk.contentItem, "kiosk-en-%1-%2.png".arg(++shots)
                                       .arg(page.replace(/[^A-Za-z0-9]+/g, "-")))
            return left.length
        }

        function holdCorner() {
            const corner = item("adminCorner")
            mousePress(corner, 20, 20)
            tryVerify(function() { return item("pinPad").visible }, 20000)
            mouseRelease(corner, 20, 20)
        }

        function enterPin(pin) {
            for (let i = 0; i < pin.length; ++i)
                mouseClick(item("pinKey_" + pin[i]))
            mouseClick(item("pinKey_ok"))
        }

        // The home map: the overview, then each unit's detail with its records.
        function walkHome(when) {
            mouseClick(item("navHome"))
            look("home" + when)
            for (const code of unitCodes) {
                mouseClick(item("unit_" + code))
                verify(item("unitDetail").visible)
                look("home, unit " + code + when)
            }
            mouseClick(item("closeDetail"))
        }

        // The achievements: each group of figures the page scrolls to.
        function walkAchievements(when) {
            mouseClick(item("navAchievements"))
            const page = kiosk.currentPageItem
            compare(page.objectName, "kioskAchievementsPage")
            look("achievements" + when)
            while (page.attractStep())
                look("achievements, group " + page.currentGroup + when)
        }

        // The gallery: every county chip, then each category of the first county shown.
        function walkGallery(when) {
            mouseClick(item("navGallery"))
            const page = kiosk.currentPageItem
            compare(page.objectName, "kioskGalleryPage")
            look("gallery" + when)
            for (const code of unitCodes) {
                mouseClick(findChild(page, "countyChip_" + code))
                look("gallery, county " + code + when)
            }
            mouseClick(findChild(page, "countyChip_all"))
        }

        function initTestCase() {
            // Nobody touches the kiosk during the walk: it must not go idle (and Chinese).
            Kiosk.idleTimeoutS = 3600
            Kiosk.attractStepS = 1000
            compare(Language.language, "zh_CN")
        }

        function cleanupTestCase() {
            Language.language = "zh_CN"
            Kiosk.idleTimeoutS = 90
            Kiosk.attractStepS = 8
        }

        // The check can fail: in Chinese the same walk finds plenty, and user data is not
        // mistaken for it (a village name alone is no leftover).
        function test_1_theCheckSeesChinese() {
            mouseClick(item("navHome"))
            wait(50)
            verify(screenTexts.chineseLeftovers(kiosk.contentItem, allowed).length > 5)
            const villages = screenTexts.userData()
            verify(villages.length > 4000, "village and township names: " + villages.length)
            verify(!screenTexts.containsChinese("Xichuan · 2025-06-01"))
            verify(screenTexts.containsChinese("淅川县"))
            // The window's title on a desktop ends with the app's display name.
            compare(Qt.application.displayName, "清水巡查")
        }

        function test_2_everyPageInEnglish() {
            mouseClick(item("navLanguage"))
            compare(Language.language, "en")
            compare(Qt.application.displayName, "Qingshui")
            compare(kiosk.title, "Qingshui · Exhibition")

            // An empty kiosk first: no records anywhere yet.
            compare(PublicFeed.count, 0)
            walkHome(" (empty)")
            walkAchievements(" (empty)")
            walkGallery(" (empty)")

            // Published copies of every category, one without photos, as a pull stores them.
            const copies = [feedSeed.addCopy("411326", "village_visit", 2),
                            feedSeed.addCopy("411326", "sanitation", 1),
                            feedSeed.addCopy("420381450", "ecology", 3),
                            feedSeed.addCopy("420322", "project_progress", 1),
                            feedSeed.addCopy("429021", "sanitation", 0)]
            for (const c of copies)
                verify(c.recordId !== undefined && c.recordId !== "", "seeded: " + JSON.stringify(c))
            PublicFeed.reload()
            Figures.refresh()
            walkHome("")
            walkAchievements("")
            walkGallery("")

            // Each record opened full screen, from the gallery: title, answers, photos.
            const gallery = kiosk.currentPageItem
            const grid = findChild(gallery, "galleryGrid")
            const view = findChild(gallery, "kioskRecordView")
            for (const c of copies) {
                // Scrolled into view, as a finger would, then touched.
                grid.positionViewAtIndex(gallery.shown.map(function(r) { return r.recordId })
                                         .indexOf(c.recordId), GridView.Contain)
                tryVerify(function() { return findChild(grid, "galleryCard_" + c.recordId) !== null })
                mouseClick(findChild(grid, "galleryCard_" + c.recordId))
                verify(view.opened)
                compare(view.record.recordId, c.recordId)
                look("record " + view.record.category + " " + view.photoCount + " photo(s)")
                mouseClick(findChild(view, "recordBack"))
                verify(!view.opened)
            }
            // …and from a unit's cards on the map, by touch.
            mouseClick(item("navHome"))
            mouseClick(item("unit_411326"))
            const cards = item("unitRecordCards")
            tryVerify(function() { return cards.count > 0 && cards.itemAtIndex(0) !== null })
            mouseClick(cards.itemAtIndex(0))
            const mapView = findChild(item("unitRecords"), "kioskRecordView")
            verify(mapView.opened)
            look("record from the map")
            mouseClick(findChild(mapView, "recordBack"))
            mouseClick(item("closeDetail"))

            // The admin's way out: the PIN pad, a wrong PIN, the admin panel.
            holdCorner()
            look("PIN pad")
            enterPin("1357")
            verify(item("pinPad").visible)
            look("PIN pad, wrong PIN")
            enterPin("2468") // the runner's config; the right PIN clears the wrong count
            verify(item("adminPanel").visible)
            look("admin panel")
            mouseClick(item("adminCancel"))
            verify(!item("adminPanel").visible)

            for (const offence of offences) // each one in full: verify()'s message is cut short
                console.warn(offence)
            verify(offences.length === 0,
                   offences.length + " text(s) with Chinese not from user data:\n"
                   + offences.join("\n"))
            compare(Language.language, "en") // the walk never went idle
        }
    }
}
