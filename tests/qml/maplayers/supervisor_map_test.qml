import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The supervisor's queue on a map through the real QML: the synced records under the queue's
// filter, the filter followed, a box drawn while selecting ticks the records inside it, and
// the ticked ones are approved together or exported alone.
Item {
    id: root
    width: 1280
    height: 800
    // As the windows set them (InspectorApp, SupervisorApp).
    Material.primary: Theme.primary
    Material.accent: Theme.primary

    ReviewQueuePage {
        id: page
        anchors.fill: parent
        basemap: testBasemap
    }

    Component {
        id: supervisorWindow
        SupervisorApp { basemap: testBasemap }
    }

    TestCase {
        name: "SupervisorMap"
        when: windowShown

        property var view: null
        property var map: null

        function initTestCase() {
            view = findChild(page, "reviewMap")
            map = view.map
        }

        // Drags a box between two WGS-84 corners, as a finger or the mouse would.
        function drawBox(west, south, east, north) {
            var a = map.viewport.toScreen(west, north)
            var b = map.viewport.toScreen(east, south)
            var area = findChild(page, "boxArea")
            mousePress(area, a.x, a.y)
            mouseMove(area, (a.x + b.x) / 2, (a.y + b.y) / 2)
            mouseMove(area, b.x, b.y)
            mouseRelease(area, b.x, b.y)
        }

        function test_1_theMapIsReadOnlyWhenShown() {
            compare(view.visible, false)
            compare(MapLayers.active, false)
            mouseClick(findChild(page, "mapMode"))
            compare(page.showingMap, true)
            compare(view.visible, true)
            compare(MapLayers.active, true)
            // The four synced records (the tablet's draft stayed on the tablet).
            compare(MapLayers.records.count, 4)
            compare(MapLayers.ponds.count, 1)
            compare(MapLayers.error, "")
            tryVerify(function() { return map.tilesWanted > 0 && map.tilesReady >= map.tilesWanted },
                      10000, "every tile in view is drawn")
        }

        function test_2_theMapFollowsTheQueuesFilter() {
            Records.villageCode = "411326105201" // 唐王桥村: the sewage record
            compare(MapLayers.records.count, 1)
            Records.villageCode = ""
            Records.category = "sanitation"
            Records.statusFilter = 5 // 已通过: none yet
            compare(MapLayers.records.count, 0)
            Records.clearFilters()
            compare(MapLayers.records.count, 4)
        }

        function test_3_aDrawnBoxSelectsAndApproves() {
            map.fitBox(111.46, 33.12, 111.54, 33.17)
            waitForRendering(map)
            mouseClick(findChild(page, "selectMode"))
            compare(page.selecting, true)
            waitForRendering(root)
            compare(findChild(page, "boxArea").enabled, true)
            // The three households' corner, not the pond (111.500) nor the sewage (111.530).
            drawBox(111.475, 33.128, 111.492, 33.137)
            compare(page.selectedCount, 2) // the third household is the tablet's draft
            verify(findChild(page, "selectionBox").visible) // what was drawn stays outlined
            if (screenshotDir !== "") {
                waitForRendering(root)
                grabImage(root).save(screenshotDir + "/map-supervisor-1280x800.png")
            }
            waitForRendering(root) // the selection bar laid out above the map
            mouseClick(findChild(page, "bulkApprove"))
            compare(page.bulkError, "")
            compare(page.selecting, false)
            compare(findChild(page, "selectionBox").visible, false)
            Records.statusFilter = 5 // 已通过
            compare(MapLayers.records.count, 2)
            Records.clearFilters()
        }

        function test_4_theSelectionAloneIsExported() {
            mouseClick(findChild(page, "selectMode"))
            waitForRendering(root)
            drawBox(111.495, 33.135, 111.535, 33.165) // the pond and the sewage record
            compare(page.selectedCount, 2)
            verify(page.exportSelectedInto("csv", exportFolderUrl))
            tryCompare(Dashboard, "exporting", false, 30000)
            var files = testFiles.list(exportFolderUrl).filter(f => f.endsWith(".csv"))
            compare(files.length, 1)
            var lines = testFiles.read(exportFolderUrl, files[0]).trim().split("\n")
            compare(lines.length, 3) // the header and the two selected
            page.stopSelecting()
        }

        // 在地图上查看 on the dashboard shows its selection (the queue's filter) on the map.
        function test_5_theDashboardsSelectionOnTheMap() {
            var window = createTemporaryObject(supervisorWindow, root)
            window.width = 1280
            window.height = 800
            window.visible = true
            var appStack = findChild(window.contentItem, "supervisorStack")
            tryVerify(function() { return appStack.currentItem instanceof ReviewQueuePage })
            compare(appStack.currentItem.showingMap, false)
            var dashboard = findChild(window, "dashboardPage")
            verify(dashboard)
            dashboard.mapRequested() // its 在地图上查看 (the page itself needs Qt Charts' QApplication)
            compare(appStack.currentItem.showingMap, true)
            verify(appStack.currentItem.basemap.valid)
            compare(findChild(appStack.currentItem, "reviewMap").visible, true)
            window.visible = false
        }
    }
}
