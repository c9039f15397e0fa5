import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// A tablet set up from its own screen, in the real inspector window on a store that names no
// server: 连接服务器 first; a mistyped code, a wrong password, another server's certificate, a
// server that is down and an expired invite each say so and leave the store exactly as it
// was; the QR code is read from a picture file and from the camera's frames; the right code
// and password enrol it and the inspector's list shows. Then 设置: the server, its
// certificate, the account, the device, the last sync and the sync log after a real sync; log
// out and change server warn with what waits and keep it, and it goes out once the tablet is
// logged in (or enrolled) again. The functions run in the order of their names.
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: inspectorWindow
        InspectorApp {}
    }

    TestCase {
        id: test
        name: "ConnectServer"
        when: windowShown

        property var window: null
        readonly property EnrolmentController enrolment: Enrolment

        function initTestCase() {
            window = inspectorWindow.createObject(root, { width: 1280, height: 800 })
            window.visible = true
            window.requestActivate() // keys go to the active window (xcb has no one to do it)
            tryCompare(window, "active", true)
            tryCompare(stack(), "busy", false)
        }
        function cleanupTestCase() {
            window.destroy()
        }

        function stack() { return findChild(window.contentItem, "inspectorStack") }
        function page() { return stack().currentItem }
        function child(name, parentItem) {
            var item = findChild(parentItem || page(), name)
            verify(item, name)
            return item
        }
        function headerButton(name) {
            var item = findChild(window.header, name)
            verify(item, name)
            return item
        }
        // A finger finds the button where the layout put it: after the layout's polish.
        function click(item) {
            verify(item.visible && item.enabled, item.objectName + " cannot be touched")
            var at = item.mapToItem(null, 0, 0)
            for (var tries = 0; tries < 50; ++tries) { // still moving: wait a frame
                wait(20)
                var now = item.mapToItem(null, 0, 0)
                if (now.x === at.x && now.y === at.y)
                    break
                at = now
            }
            mouseClick(item)
        }
        // Types like a finger on the keyboard: every character a key press.
        function type(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Backspace)
            for (var i = 0; i < text.length; ++i)
                keyClick(text[i])
            compare(field.text, text)
        }
        function enterCode(code) {
            tryCompare(stack(), "busy", false) // not while a page slides in
            compare(page().objectName, "connectServerPage")
            child("codeField").text = code
            click(child("codeNextButton"))
        }
        function enrolWith(password) {
            child("enrolPassword").text = password
            click(child("enrolButton"))
            verify(enrolment.busy) // off the UI thread: the page waits, it does not freeze
            compare(child("enrolButton").text, "连接中…")
            tryCompare(enrolment, "busy", false, 30000)
        }
        function errorShown() {
            var label = child("enrolError")
            return label.visible ? label.text : ""
        }
        function backToFirstStep() {
            click(child("otherCodeButton"))
            verify(!enrolment.codeAccepted)
            verify(child("codeField").visible)
        }
        function openSettings() {
            if (page().objectName === "settingsPage")
                click(child("settingsBack"))
            tryCompare(stack(), "busy", false)
            click(headerButton("settingsButton"))
            tryCompare(stack(), "busy", false)
            compare(page().objectName, "settingsPage")
        }
        // For the docs, when QS_SCREENSHOT_DIR is set: the whole window as the user sees it.
        function screenshot(name) {
            var path = enrolTest.screenshotPath(name)
            if (path === "")
                return
            waitForRendering(window.contentItem, 2000)
            grabImage(window.contentItem.parent).save(path) // throws when it cannot write
        }
        function okOf(dialog) {
            return dialog.standardButton(Dialog.Ok)
        }
        function logEntries() {
            var entries = []
            var column = child("syncLog").parent
            for (var i = 0; i < column.children.length; ++i) {
                if (column.children[i].objectName === "syncLogEntry")
                    entries.push(column.children[i])
            }
            return entries
        }

        function test_01_firstStartShowsConnectServer() {
            compare(page().objectName, "connectServerPage")
            verify(enrolment.needed)
            verify(!headerButton("loginButton").visible) // no server to log in to yet
            verify(!child("codeNextButton").enabled) // nothing typed
            screenshot("enrolment-connect-1280x800.png")
        }

        function test_02_aMistypedCodeIsSaidAtOnce() {
            var before = enrolTest.storeDump()
            var code = enrolTest.invite("xc-inspector")
            var at = code.length - 3
            var mistyped = code.substring(0, at) + (code[at] === "7" ? "8" : "7") + code.substring(at + 1)
            enterCode(mistyped)
            verify(!enrolment.busy) // said before any network
            compare(errorShown(), enrolTest.mistypedWording())
            verify(!enrolment.codeAccepted)
            compare(enrolTest.storeDump(), before)
        }

        function test_03_aWrongPasswordIsSaidAndChangesNothing() {
            var before = enrolTest.storeDump()
            enterCode(enrolTest.invite("xc-inspector"))
            verify(enrolment.codeAccepted)
            compare(errorShown(), "")
            // What the code names, for the inspector to check against the printed invite.
            compare(child("codeUser").text, "xc-inspector")
            compare(child("codeAddress").text, enrolTest.serverAddress())
            compare(child("codeFingerprint").text, enrolTest.fingerprint().substring(0, 47))
            screenshot("enrolment-password-1280x800.png")
            enrolWith("not-the-password")
            compare(errorShown(), enrolTest.refusalWording("wrong_password"))
            compare(page().objectName, "connectServerPage")
            compare(enrolTest.storeDump(), before)
            backToFirstStep()
        }

        function test_04_anotherServersCertificateIsRefused() {
            var before = enrolTest.storeDump()
            enterCode(enrolTest.mismatchedInvite("xc-inspector"))
            enrolWith(enrolTest.password())
            compare(errorShown(), enrolTest.failureWording("CertificateMismatch"))
            compare(enrolTest.storeDump(), before)
            backToFirstStep()
        }

        function test_05_aServerThatIsDownIsSaidSo() {
            var before = enrolTest.storeDump()
            enterCode(enrolTest.downInvite("xc-inspector"))
            enrolWith(enrolTest.password())
            compare(errorShown(), enrolTest.failureWording("Unreachable"))
            compare(enrolTest.storeDump(), before)
            backToFirstStep()
        }

        function test_06_theQrCodeFromAPicture() {
            var invite = enrolTest.inviteWithPicture("xc-inspector")
            // The button opens the file dialog; the file it accepts is read as below.
            click(child("imageButton"))
            var dialog = child("qrImageDialog")
            tryCompare(dialog, "visible", true)
            dialog.reject()
            // A file that is no picture, a picture without a code, then the PNG the server wrote.
            enrolment.readCodeFromImage(enrolTest.notAPicture())
            tryCompare(enrolment, "busy", false)
            compare(errorShown(), "无法读取这个图片文件")
            enrolment.readCodeFromImage(enrolTest.blankPicture())
            tryCompare(enrolment, "busy", false)
            compare(errorShown(), "图片中没有找到二维码：请拍得更清楚一些，或手动输入连接码")
            enrolment.readCodeFromImage("file://" + invite.picture)
            tryCompare(enrolment, "codeAccepted", true)
            compare(errorShown(), "")
            compare(child("codeUser").text, "xc-inspector")
            backToFirstStep()
        }

        function test_07_theQrCodeFromTheCamera() {
            var invite = enrolTest.inviteWithPicture("xc-inspector")
            click(child("scanButton"))
            tryVerify(function() { return enrolTest.scanning() })
            verify(enrolTest.feedBlankFrame()) // aimed at nothing yet
            wait(300)
            verify(!enrolment.codeAccepted)
            verify(enrolTest.feedFrame(invite.picture))
            tryCompare(enrolment, "codeAccepted", true)
            tryVerify(function() { return !enrolTest.scanning() }) // the camera is off again
            // The viewfinder closed itself (and is gone: nothing covers the page).
            tryVerify(function() { return findChild(page(), "qrScanner") === null })
            compare(child("codeUser").text, "xc-inspector")
            backToFirstStep()
        }

        function test_08_anExpiredCodeIsSaidSo() {
            // The invite made at start lives a minute.
            tryVerify(function() { return enrolTest.msUntilExpired() < -2000 }, 120000)
            var before = enrolTest.storeDump()
            enterCode(enrolTest.expiringInvite())
            enrolWith(enrolTest.password())
            verify(errorShown().indexOf("过期") >= 0, errorShown())
            compare(enrolTest.storeDump(), before)
            backToFirstStep()
        }

        function test_09_theRightCodeEnrolsAndTheListShows() {
            var records = enrolTest.records()
            child("codeField").forceActiveFocus()
            type(child("codeField"), enrolTest.invite("xc-inspector"))
            keyClick(Qt.Key_Return)
            verify(enrolment.codeAccepted)
            type(child("enrolPassword"), enrolTest.password())
            click(child("enrolButton"))
            tryCompare(enrolment, "busy", false, 30000)
            tryCompare(page(), "objectName", "recordListPage")
            verify(!enrolment.needed)
            compare(headerButton("loginButton").text, "xc-inspector")
            compare(enrolTest.records(), records)
            compare(enrolTest.lastAccountMode, "") // an inspector's account: this face
        }

        function test_10_settingsShowTheServerAccountDeviceAndSyncLog() {
            // The enrolment asked for a sync at once.
            tryVerify(function() { return !isNaN(Settings.lastSuccess.getTime()) }, 30000)
            openSettings()
            compare(child("settingsServer").text, enrolTest.serverAddress())
            compare(child("settingsTls").text, "TLS 加密")
            compare(child("settingsFingerprint").text, enrolTest.fingerprint())
            compare(child("settingsUser").text, "xc-inspector")
            compare(child("settingsRole").text, "巡查员")
            compare(child("settingsDeviceId").text, enrolTest.deviceId())
            verify(child("settingsLastSync").text !== "尚未同步")
            var entries = logEntries()
            verify(entries.length >= 1)
            compare(child("syncLogOutcome", entries[0]).text, "成功")
            verify(!child("syncLogError", entries[0]).visible)
            screenshot("settings-1280x800.png")
        }

        function test_11_logOutWarnsAndKeepsWhatWaits() {
            var sent = enrolTest.serverRecords()
            verify(enrolTest.submitRecord() !== "")
            verify(enrolTest.submitRecord() !== "")
            var records = enrolTest.records()
            openSettings() // read again
            compare(child("settingsWaiting").text, "2 条记录 · 0 条审核决定 · 0 张照片")
            click(child("logOutButton"))
            var dialog = child("logOutDialog")
            tryCompare(dialog, "opened", true)
            var warning = child("logOutWarning", dialog.contentItem).text
            verify(warning.indexOf("2 条记录") >= 0 && warning.indexOf(enrolTest.serverAddress()) >= 0,
                   warning)
            click(okOf(dialog))
            tryCompare(dialog, "visible", false)
            compare(child("settingsUser").text, "未登录")
            compare(headerButton("loginButton").text, "登录")
            compare(enrolTest.waitingRecords(), 2)
            compare(enrolTest.records(), records)

            // A sync now is refused for want of a login, and the log says so in the language
            // of the moment.
            var before = logEntries().length
            click(child("settingsSyncButton"))
            tryVerify(function() { return logEntries().length > before
                                   || logEntries().length === 50 }, 30000)
            function newestError() { return child("syncLogError", logEntries()[0]).text }
            compare(newestError(), "未登录或登录已失效，请重新登录")
            click(headerButton("languageButton"))
            tryVerify(function() {
                return newestError() === "Not logged in, or the login is no longer valid: log in again"
            }, 5000, newestError())
            click(headerButton("languageButton"))
            tryVerify(function() { return newestError() === "未登录或登录已失效，请重新登录" })
            compare(enrolTest.waitingRecords(), 2)
            compare(enrolTest.serverRecords(), sent)
        }

        function test_12_loggingInAgainSendsThem() {
            var sent = enrolTest.serverRecords()
            click(headerButton("loginButton"))
            var dialog = findChild(window, "loginDialog")
            verify(dialog)
            tryCompare(dialog, "opened", true)
            child("loginUser", dialog.contentItem).text = "xc-inspector"
            child("loginPassword", dialog.contentItem).text = enrolTest.password()
            click(child("loginButton", dialog.contentItem))
            tryCompare(Login, "loggedIn", true, 30000)
            tryCompare(dialog, "visible", false) // gone, its dimmer too, before the next touch
            tryVerify(function() { return enrolTest.waitingRecords() === 0 }, 30000)
            compare(enrolTest.serverRecords(), sent + 2)
            openSettings()
            compare(child("settingsUser").text, "xc-inspector")
            // The two went up (a retry the backoff had planned may have run after).
            var sentThem = logEntries().filter(function(entry) {
                return child("syncLogCounts", entry).text.indexOf("上传 2 条 · ") === 0
                    && child("syncLogOutcome", entry).text === "成功"
            })
            compare(sentThem.length, 1)
        }

        function test_13_changeServerWarnsKeepsAndGoesOnWithTheSameServer() {
            var sent = enrolTest.serverRecords()
            verify(enrolTest.submitRecord() !== "")
            var records = enrolTest.records()
            openSettings()
            click(child("changeServerButton"))
            var dialog = child("changeServerDialog")
            tryCompare(dialog, "opened", true)
            var warning = child("changeServerWarning", dialog.contentItem).text
            verify(warning.indexOf("1 条记录") >= 0 && warning.indexOf("不能连接另一台服务器") >= 0,
                   warning)
            click(okOf(dialog)) // the settings page, its dialog with it, gives way to 连接服务器
            tryCompare(page(), "objectName", "connectServerPage")
            verify(enrolment.needed)
            compare(enrolTest.waitingRecords(), 1)
            compare(enrolTest.records(), records)

            // The same server again (a new invite): what waited goes there.
            enterCode(enrolTest.invite("xc-inspector"))
            enrolWith(enrolTest.password())
            tryCompare(page(), "objectName", "recordListPage")
            tryVerify(function() { return enrolTest.waitingRecords() === 0 }, 30000)
            compare(enrolTest.serverRecords(), sent + 1)
        }

        function test_14_aSupervisorsInviteAsksForTheSupervisorsFace() {
            openSettings()
            click(child("changeServerButton"))
            var dialog = child("changeServerDialog")
            tryCompare(dialog, "opened", true)
            click(okOf(dialog)) // the settings page, its dialog with it, gives way to 连接服务器
            tryCompare(page(), "objectName", "connectServerPage")
            // The tablet is the inspector's on the server: another account's invite is
            // refused, said in the user's words, and not spent.
            var code = enrolTest.invite("xc-supervisor")
            enterCode(code)
            var before = enrolTest.storeDump()
            enrolWith(enrolTest.password())
            compare(errorShown(), enrolTest.refusalWording("device_of_another_account"))
            compare(page().objectName, "connectServerPage")
            compare(enrolTest.storeDump(), before)
            // The administrator hands it over; the same invite enrols it now.
            verify(enrolTest.reassignTablet("xc-supervisor"))
            backToFirstStep()
            enterCode(code)
            enrolWith(enrolTest.password())
            // main() loads the supervisor's window on this signal (tst_headless: the face).
            tryCompare(enrolTest, "lastAccountMode", "supervisor")
        }
        function test_15_theAdvancedWayWithAnAddressAndACaFile() {
            openSettings()
            click(child("changeServerButton"))
            var dialog = child("changeServerDialog")
            tryCompare(dialog, "opened", true)
            click(okOf(dialog))
            tryCompare(page(), "objectName", "connectServerPage")
            tryCompare(stack(), "busy", false)
            click(child("advancedButton"))
            verify(!child("codeField").visible)
            var before = enrolTest.storeDump()
            // Each mistake is said at once and changes nothing.
            child("advancedAddress").text = "qingshui.example.org"
            child("advancedUser").text = "xc-inspector"
            child("advancedPassword").text = enrolTest.password()
            click(child("advancedConnectButton"))
            verify(!enrolment.busy)
            compare(errorShown(), "服务器地址应为 主机:端口，例如 qingshui.example.org:50051")
            child("advancedAddress").text = enrolTest.serverAddress()
            child("advancedCaFile").text = enrolTest.notAPicture() // some file, not a certificate
            click(child("advancedConnectButton"))
            verify(errorShown().indexOf("不是 PEM 格式的证书文件") >= 0, errorShown())
            child("advancedCaFile").text = "/no/such/ca.pem"
            click(child("advancedConnectButton"))
            compare(errorShown(), "无法读取证书文件 /no/such/ca.pem")
            compare(enrolTest.storeDump(), before)
            // The server's own certificate as the CA (as a file dialog would give it). The
            // tablet went to the supervisor above: the administrator hands it back first.
            verify(enrolTest.reassignTablet("xc-inspector"))
            child("advancedCaFile").text = "file://" + enrolTest.certificatePath()
            click(child("advancedConnectButton"))
            tryVerify(function() { return page().objectName === "recordListPage" }, 30000,
                      "not enrolled: " + enrolment.error)
            compare(enrolment.error, "")
            compare(headerButton("loginButton").text, "xc-inspector")
        }
    }
}
