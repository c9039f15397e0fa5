import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The kiosk left alone goes back home, then shows its pages round and round until touched.
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

    // the pages the kiosk has shown, in order
    property var visitedPages: []
    Connections {
        target: kiosk
        function onCurrentPageChanged() { root.visitedPages.push(kiosk.currentPage) }
    }

    TestCase {
        name: "KioskShellIdle"
        when: windowShown

        function nav(name) { return findChild(kiosk.contentItem, name) }

        function init() {
            Kiosk.idleTimeoutS = 90
            Kiosk.attractStepS = 1000
            mouseClick(nav("navHome")) // a touch: not idle, at home
            compare(Kiosk.idle, false)
            compare(kiosk.currentPage, 0)
        }

        function cleanupTestCase() {
            Kiosk.idleTimeoutS = 90
            Kiosk.attractStepS = 8
        }

        function test_navigationButtonsShowTheirPages() {
            mouseClick(nav("navAchievements"))
            compare(kiosk.currentPage, 1)
            compare(kiosk.currentPageItem.objectName, "kioskAchievementsPage")
            mouseClick(nav("navGallery"))
            compare(kiosk.currentPage, 2)
            compare(kiosk.currentPageItem.objectName, "kioskGalleryPage")
            mouseClick(nav("navHome"))
            compare(kiosk.currentPageItem.objectName, "kioskHomePage")
        }

        function test_idleTimeoutReturnsHome() {
            mouseClick(nav("navGallery"))
            compare(kiosk.currentPage, 2)
            mouseClick(nav("navLanguage")) // a visitor reads it in English
            compare(Language.language, "en")
            Kiosk.idleTimeoutS = 0.5 // counted from now
            tryCompare(Kiosk, "idle", true, 20000)
            compare(kiosk.currentPage, 0)
            compare(Language.language, "zh_CN") // the next one finds it in Chinese
        }

        function test_attractLoopGoesRoundUntilTouched() {
            root.visitedPages = []
            Kiosk.attractStepS = 0.2
            Kiosk.idleTimeoutS = 0.5
            tryCompare(Kiosk, "idle", true, 20000)
            var timer = findChild(kiosk, "attractTimer")
            verify(timer.running)
            // every page, and back home again: around and around
            tryVerify(function() {
                var seen = root.visitedPages
                return seen.indexOf(1) >= 0 && seen.indexOf(2) >= 0
                        && seen.lastIndexOf(0) > seen.indexOf(2)
            }, 60000, "the attract loop visits achievements, gallery and home again")
            // a visitor touches the screen: the loop stops where it is
            Kiosk.idleTimeoutS = 90
            mouseClick(kiosk.contentItem, 960, 60)
            compare(Kiosk.idle, false)
            verify(!timer.running)
        }

        function test_attractStepWalksThePages() {
            // Placeholder pages have no show of their own: each step is the next page.
            var before = kiosk.currentPage
            var steps = 0
            do {
                kiosk.attractStep()
                ++steps
            } while (kiosk.currentPage === before && steps < 1000)
            verify(kiosk.currentPage === (before + 1) % 3)
            kiosk.goHome()
            compare(kiosk.currentPage, 0)
        }
    }
}
