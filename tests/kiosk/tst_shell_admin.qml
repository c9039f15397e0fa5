import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The way out: the corner held for 3 s opens the PIN pad; a wrong PIN never exits, the right
// one offers the exit; five wrong ones lock the pad. The runner's config holds PIN 2468.
// The lockout lasts minutes, so it comes last (test functions run in name order).
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

    SignalSpy { id: leaveSpy; target: Kiosk; signalName: "leaveRequested" }
    SignalSpy { id: quitSpy; target: Qt.application; signalName: "aboutToQuit" }

    TestCase {
        name: "KioskShellAdmin"
        when: windowShown

        function item(name) { return findChild(kiosk.contentItem, name) }

        function holdCorner() {
            var corner = item("adminCorner")
            mousePress(corner, 20, 20)
            tryVerify(function() { return item("pinPad").visible }, 20000,
                      "holding the corner opens the PIN pad")
            mouseRelease(corner, 20, 20)
        }

        function enter(pin) {
            for (var i = 0; i < pin.length; ++i)
                mouseClick(item("pinKey_" + pin[i]))
            compare(item("pinDots").children.length - 1, pin.length) // dots, and the Repeater
            mouseClick(item("pinKey_ok"))
        }

        function init() {
            Kiosk.idleTimeoutS = 90
            leaveSpy.clear()
            quitSpy.clear()
        }

        function test_1_shortTapOpensNothing() {
            mouseClick(item("adminCorner"), 20, 20)
            verify(!item("pinPad").visible)
        }

        function test_2_wrongPinDoesNotExit() {
            verify(Kiosk.hasAdminPin)
            holdCorner()
            enter("1111")
            verify(item("pinPad").visible)
            verify(!item("adminPanel").visible)
            verify(item("pinMessage").text.indexOf("错误") >= 0)
            compare(item("pinDots").children.length - 1, 0) // cleared
            compare(Kiosk.wrongPins, 1)
            compare(leaveSpy.count, 0)
            compare(quitSpy.count, 0)
            verify(kiosk.visible)
            mouseClick(item("pinCancel"))
            verify(!item("pinPad").visible)
        }

        function test_3_rightPinOffersTheExit() {
            holdCorner()
            enter("2468")
            verify(!item("pinPad").visible)
            verify(item("adminPanel").visible)
            verify(item("adminLeave").visible)
            verify(Kiosk.adminUnlocked)
            compare(Kiosk.wrongPins, 0)
            mouseClick(item("adminCancel")) // (leaving would end the test run)
            verify(!item("adminPanel").visible)
            verify(!Kiosk.adminUnlocked)
            compare(leaveSpy.count, 0)
        }

        function test_4_adminPanelClosesItselfOnIdle() {
            holdCorner()
            enter("2468")
            verify(item("adminPanel").visible)
            Kiosk.idleTimeoutS = 0.5
            tryVerify(function() { return !item("adminPanel").visible }, 20000)
            verify(!Kiosk.adminUnlocked)
            compare(kiosk.currentPage, 0)
            compare(leaveSpy.count, 0)
        }

        function test_5_lockoutAfterFiveWrong() {
            holdCorner()
            for (var i = 0; i < 5; ++i)
                enter("0000")
            verify(Kiosk.lockedOut)
            verify(item("pinMessage").text.indexOf("锁定") >= 0)
            verify(!item("pinKey_2").enabled)
            // the right PIN, had it been typed, is refused while locked out
            verify(!Kiosk.checkPin("2468"))
            verify(!item("adminPanel").visible)
            compare(leaveSpy.count, 0)
            compare(quitSpy.count, 0)
            mouseClick(item("pinCancel"))
        }
    }
}
