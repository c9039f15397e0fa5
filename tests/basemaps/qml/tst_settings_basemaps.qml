import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// 设置 → 底图 in the real inspector window: before a sync it says there is no basemap yet and
// what brings one; a sync brings the county's package offered by the server, the fetch runs
// by itself and the page shows it 使用中 and the map's basemap by name and datum; a file
// that is no basemap, imported by hand, is refused in the user's words and changes nothing.
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
        name: "SettingsBasemaps"
        when: windowShown

        property var window: null
        readonly property BasemapController basemaps: Basemaps

        function initTestCase() {
            window = inspectorWindow.createObject(root, { width: 1280, height: 800 })
            window.visible = true
            tryCompare(stack(), "busy", false)
        }
        function cleanupTestCase() {
            window.destroy()
        }

        function stack() { return findChild(window.contentItem, "inspectorStack") }
        function page() { return stack().currentItem }
        function child(name) {
            var item = findChild(page(), name)
            verify(item, name)
            return item
        }
        function openSettings() {
            var button = findChild(window.header, "settingsButton")
            verify(button)
            mouseClick(button)
            tryCompare(stack(), "busy", false)
            compare(page().objectName, "settingsPage")
        }
        function screenshot(name) {
            var path = basemapTest.screenshotPath(name)
            if (path === "")
                return
            // The section in view, as a user scrolls to it.
            var box = child("settingsBasemaps")
            var flick = box.parent
            while (flick && flick.contentY === undefined)
                flick = flick.parent
            flick.contentY = Math.max(0, box.y - 100)
            waitForRendering(window.contentItem, 2000)
            grabImage(window.contentItem.parent).save(path)
            flick.contentY = 0
        }

        function test_1_aSyncBringsTheCountysPackage() {
            openSettings()
            verify(child("basemapCurrent").text.indexOf("还没有底图") >= 0,
                   child("basemapCurrent").text)
            Sync.syncNow()
            tryVerify(function() { return basemaps.packages.length === 1 }, 30000)
            tryVerify(function() { return basemaps.current.valid }, 30000)
            compare(basemaps.packages[0].name, "淅川县底图")
            compare(basemaps.packages[0].scopeText, "淅川县")
            compare(basemaps.packages[0].stateText, "使用中")
            var line = child("basemapPackage_" + basemaps.packages[0].sha256.substring(0, 8))
            verify(line.text.indexOf("淅川县 · ") === 0 && line.text.indexOf("使用中") > 0,
                   line.text)
            compare(child("basemapCurrent").text, "淅川县底图 · WGS-84")
            verify(!child("basemapAllowMetered").checked) // Wi-Fi only unless allowed
            screenshot("settings-basemaps-1280x800.png")
        }

        function test_2_aFileThatIsNoBasemapIsRefused() {
            var before = basemaps.current.path
            verify(!basemaps.importFile(basemapTest.junkFile()))
            var error = child("basemapError")
            tryCompare(error, "visible", true)
            verify(error.text.indexOf("notes.mbtiles") >= 0, error.text)
            verify(error.text.indexOf("不是底图") >= 0, error.text)
            compare(basemaps.current.path, before)
            compare(basemaps.packages.length, 1)
        }
    }
}
