import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// Nothing on the kiosk takes keyboard focus or lets a visitor type: no editor anywhere in the
// tree of any page, no control with active focus after any tap, keys change nothing.
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

    SignalSpy { id: quitSpy; target: Qt.application; signalName: "aboutToQuit" }

    TestCase {
        name: "KioskShellFocus"
        when: windowShown

        function item(name) { return findChild(kiosk.contentItem, name) }

        function isEditor(it) {
            return it instanceof TextInput || it instanceof TextEdit
        }

        // Every item below it, visible or not; returns the editors and focused controls.
        function offenders(top) {
            var found = []
            var queue = [top]
            while (queue.length > 0) {
                var it = queue.shift()
                if (isEditor(it))
                    found.push("editor " + it + " " + it.objectName)
                if (it instanceof Control && it.activeFocus)
                    found.push("focused " + it + " " + it.objectName)
                for (var i = 0; i < it.children.length; ++i)
                    queue.push(it.children[i])
            }
            return found
        }

        function checkNoFocus(where) {
            compare(offenders(kiosk.contentItem), [], where)
            verify(!kiosk.activeFocusItem || !isEditor(kiosk.activeFocusItem), where)
            compare(kiosk.activeFocusControl, null, where)
        }

        // Focus exists only in the active window: the kiosk's, as on the exhibition screen
        // (keys go there too).
        function initTestCase() {
            kiosk.requestActivate()
            tryVerify(function() { return kiosk.active }, 20000)
        }

        function init() {
            Kiosk.idleTimeoutS = 90
            verify(kiosk.active)
        }

        function test_everyPageHasNoEditorAndNoFocus() {
            var navs = ["navHome", "navAchievements", "navGallery", "navHome"]
            for (var i = 0; i < navs.length; ++i) {
                mouseClick(item(navs[i]))
                waitForRendering(kiosk.contentItem)
                checkNoFocus("after " + navs[i])
            }
        }

        function test_pinPadHasNoEditorAndNoFocus() {
            mousePress(item("adminCorner"), 20, 20)
            tryVerify(function() { return item("pinPad").visible }, 20000)
            mouseRelease(item("adminCorner"), 20, 20)
            mouseClick(item("pinKey_1"))
            checkNoFocus("PIN pad")
            mouseClick(item("pinKey_clear"))
            mouseClick(item("pinCancel"))
            checkNoFocus("PIN pad closed")
        }

        function test_keysDoNothing() {
            mouseClick(item("navGallery"))
            var keys = [Qt.Key_Tab, Qt.Key_Backtab, Qt.Key_Escape, Qt.Key_Back, Qt.Key_Return,
                        Qt.Key_Space, Qt.Key_Left, Qt.Key_Home, Qt.Key_F4, Qt.Key_Q, Qt.Key_1]
            for (var i = 0; i < keys.length; ++i) {
                keyClick(keys[i])
                keyClick(keys[i], Qt.AltModifier)
                keyClick(keys[i], Qt.ControlModifier)
            }
            compare(kiosk.currentPage, 2)
            verify(kiosk.visible)
            compare(quitSpy.count, 0)
            verify(!item("pinPad").visible)
            checkNoFocus("after keys")
            mouseClick(item("navHome"))
        }

        function test_closeIsRefused() {
            kiosk.close()
            verify(kiosk.visible)
            compare(quitSpy.count, 0)
        }
    }
}
