import QtQuick
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The map view as a page makes it: tiles arrive and are the right ones, a drag pans, the wheel
// zooms around the cursor, a zoom loads the level's tiles, follow-me follows, a tap says
// where, a tile the level lacks shows the coarser level's; with a basemap that has no datum
// it says so and still works as a view.
Item {
    id: root
    width: 800
    height: 600

    Component {
        id: mapComponent
        QsMapView {
            width: root.width
            height: root.height
        }
    }
    Component {
        id: spyOn
        SignalSpy {}
    }

    TestCase {
        name: "MapView"
        when: windowShown

        function makeMap(basemap) {
            var map = createTemporaryObject(mapComponent, root, { basemap: basemap })
            verify(map)
            return map
        }
        function allTilesShown(map) {
            tryVerify(function() { return map.tilesWanted > 0 && map.tilesReady === map.tilesWanted },
                      5000, "every tile of the view is drawn")
        }

        function test_tilesArrive() {
            var map = makeMap(testBasemap)
            compare(map.viewport.zoom, 10)
            compare(map.viewport.datum, "WGS-84")
            allTilesShown(map)
            // The middle of the view shows the tile of the basemap's centre.
            var image = grabImage(map)
            var expected = testTiles.colourAt(map.viewport.centerLon, map.viewport.centerLat, 10)
            compare(String(image.pixel(map.width / 2, map.height / 2)), expected)
        }

        function test_dragPans() {
            var map = makeMap(testBasemap)
            allTilesShown(map)
            var lon = map.viewport.centerLon
            var lat = map.viewport.centerLat
            // The finger moves west: the map follows it, the view looks further east.
            mouseDrag(map, 600, 300, -300, 0)
            tryVerify(function() { return map.viewport.centerLon > lon + 0.2 })
            verify(Math.abs(map.viewport.centerLat - lat) < 0.05)
            allTilesShown(map)
        }

        function test_wheelZoomsAroundTheCursor() {
            var map = makeMap(testBasemap)
            var under = map.viewport.toGeo(150, 120)
            mouseWheel(map, 150, 120, 0, 120)
            compare(map.viewport.zoom, 10.5)
            var still = map.viewport.toGeo(150, 120)
            verify(Math.abs(still.x - under.x) < 1e-7 && Math.abs(still.y - under.y) < 1e-7)
            mouseWheel(map, 150, 120, 0, -480)
            compare(map.viewport.zoom, 8.5)
        }

        function test_pinchZoomsAroundTheFingers() {
            var map = makeMap(testBasemap)
            var under = map.viewport.toGeo(400, 300)
            var fingers = touchEvent(map)
            fingers.press(0, map, 350, 300).press(1, map, 450, 300).commit()
            for (var i = 1; i <= 15; ++i)
                fingers.move(0, map, 350 - 10 * i, 300).move(1, map, 450 + 10 * i, 300).commit()
            fingers.release(0, map, 200, 300).release(1, map, 600, 300).commit()
            // Fingers from 100 to 400 px apart: at most two levels in (×4), and well in — the
            // pinch begins only once they have moved past the drag threshold.
            verify(map.viewport.zoom > 10.5 && map.viewport.zoom <= 12, map.viewport.zoom)
            var still = map.viewport.toGeo(400, 300)
            verify(Math.abs(still.x - under.x) < 1e-6 && Math.abs(still.y - under.y) < 1e-6)
        }

        function test_zoomLoadsTheLevel() {
            var map = makeMap(testBasemap)
            allTilesShown(map)
            map.centerOn(111.4, 32.9, 8)
            compare(map.viewport.zoom, 8)
            allTilesShown(map)
            var image = grabImage(map)
            compare(String(image.pixel(map.width / 2, map.height / 2)),
                    testTiles.colourAt(111.4, 32.9, 8))
            // Beyond the basemap's last level its tiles are enlarged, not lost.
            map.centerOn(111.4, 32.9, 12)
            compare(map.viewport.zoom, 12)
            allTilesShown(map)
            image = grabImage(map)
            compare(String(image.pixel(map.width / 2, map.height / 2)),
                    testTiles.colourAt(111.4, 32.9, 10))
        }

        function test_missingTileShowsTheCoarserLevel() {
            var map = makeMap(partialBasemap)
            compare(map.viewport.zoom, 10)
            allTilesShown(map) // the missing one answered transparent
            // Under it, the basemap's tile three levels up.
            var expected = testTiles.colourAt(map.viewport.centerLon, map.viewport.centerLat, 7)
            tryVerify(function() {
                return String(grabImage(map).pixel(map.width / 2, map.height / 2)) === expected
            }, 5000, "the zoom 7 tile under the missing one")
        }

        function test_followMe() {
            var map = makeMap(testBasemap)
            map.positionLon = 111.3
            map.positionLat = 32.8
            map.positionAccuracyM = 8
            map.positionValid = true
            verify(Math.abs(map.viewport.centerLon - 111.49) < 1e-9) // not following yet
            map.followMe = true
            compare(map.viewport.centerLon, 111.3)
            compare(map.viewport.centerLat, 32.8)
            map.positionLon = 111.35
            compare(map.viewport.centerLon, 111.35)
            // A drag stops following.
            mouseDrag(map, 400, 300, 120, 60)
            verify(!map.followMe)
        }

        function test_flingKeepsGoing() {
            var map = makeMap(testBasemap)
            // A quick flick: the map goes on moving after the finger has left.
            mousePress(map, 600, 300)
            for (var i = 1; i <= 8; ++i)
                mouseMove(map, 600 - 40 * i, 300, 5)
            mouseRelease(map, 280, 300, Qt.LeftButton, Qt.NoModifier, 5)
            var released = map.viewport.centerLon
            tryVerify(function() { return map.viewport.centerLon > released + 0.01 }, 3000,
                      "the map kept moving east")
        }

        function test_positionAndScale() {
            var map = makeMap(testBasemap)
            map.positionLon = 111.49
            map.positionLat = 33.14
            map.positionAccuracyM = 5000
            map.positionValid = true
            var circle = findChild(map, "accuracyCircle")
            verify(circle.visible)
            // 5 km at zoom 10 and 33.14°N: 152.87 · cos(33.14°) m a pixel.
            var metresPerPixel = 152.874 * Math.cos(33.14 * Math.PI / 180)
            verify(Math.abs(circle.width - 2 * 5000 / metresPerPixel) < 0.5, circle.width)
            map.centerOn(111.49, 33.14, 12)
            verify(Math.abs(circle.width - 8 * 5000 / metresPerPixel) < 1, circle.width)
            map.positionAccuracyM = 100 // 3 px: the dot alone
            verify(!circle.visible)
            // The scale bar: the longest round length within 120 px (128 m a pixel at 10).
            map.centerOn(111.49, 33.14, 10)
            var bar = findChild(map, "scaleBar")
            compare(bar.metres, 10000)
            compare(bar.label, "10 公里")
            map.centerOn(111.49, 33.14, 17) // beyond the basemap's last level + 3: 13
            compare(map.viewport.zoom, 13)
            compare(bar.metres, 1000) // 16 m a pixel
            compare(bar.label, "1 公里")
            map.positionValid = false
            verify(!circle.visible)
        }

        function test_tapSaysWhere() {
            var map = makeMap(testBasemap)
            var tapped = createTemporaryObject(spyOn, root, { target: map, signalName: "tappedAt" })
            mouseClick(map, 400, 300)
            tapped.wait()
            verify(Math.abs(tapped.signalArguments[0][0] - map.viewport.centerLon) < 1e-6)
            verify(Math.abs(tapped.signalArguments[0][1] - map.viewport.centerLat) < 1e-6)
        }

        function test_newBasemapRecentresTheSameOneDoesNot() {
            var map = makeMap(noDatumBasemap)
            map.centerOn(100.0, 30.0, 5)
            map.basemap = testBasemap // a package arrived: shown at its centre
            compare(map.viewport.centerLon, 111.49)
            compare(map.viewport.zoom, 10)
            allTilesShown(map)
            map.viewport.panBy(-200, 0)
            var lon = map.viewport.centerLon
            map.basemap = testBasemap // the same file handed again
            compare(map.viewport.centerLon, lon)
        }

        function test_basemapWithoutDatum() {
            var map = makeMap(noDatumBasemap)
            verify(!map.basemap.valid)
            compare(map.tilesWanted, 0)
            var message = findChild(map, "basemapError")
            verify(message && message.visible)
            compare(message.text, "底图没有注明坐标系（datum），无法把位置画准")
            // The view still works: layers can draw on it.
            var lon = map.viewport.centerLon
            map.viewport.panBy(-100, 0)
            verify(map.viewport.centerLon > lon)
        }
    }
}
