import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The inspector's map through the real QML: the tablet's records, its township's villages, its
// pond and its problem over the basemap; a tap shows a point's card and 打开 opens it; a hidden
// layer takes no tap; the form's GPS question shows its fix on a small map.
Item {
    id: root
    width: 1280
    height: 800
    // As the windows set them (InspectorApp, SupervisorApp).
    Material.primary: Theme.primary
    Material.accent: Theme.primary

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: MapPage {
            basemap: testBasemap
        }
    }
    Component {
        id: formPage
        FormPage {
            basemap: testBasemap
        }
    }

    Component {
        id: inspectorWindow
        InspectorApp { basemap: testBasemap }
    }

    SignalSpy { id: recordOpened; signalName: "recordOpened" }
    SignalSpy { id: problemOpened; signalName: "problemOpened" }

    TestCase {
        name: "InspectorMap"
        when: windowShown

        property var page: null
        property var view: null
        property var map: null

        function initTestCase() {
            page = stack.currentItem
            view = page.layersView
            map = view.map
            recordOpened.target = page
            problemOpened.target = page
        }

        // Centres the map on a point close enough that it stands alone, then taps it.
        function tapPoint(lon, lat) {
            map.centerOn(lon, lat, 15)
            waitForRendering(map)
            var p = map.viewport.toScreen(lon, lat)
            mouseClick(map, p.x, p.y)
        }

        function test_1_theTabletsWorkIsDrawn() {
            compare(MapLayers.active, true)
            // Three households (one a draft), the pond's record and the sewage record.
            compare(MapLayers.records.count, 5)
            compare(MapLayers.ponds.count, 1)
            compare(MapLayers.problems.count, 1)
            // 丹阳镇 (the inspector's scope): the two villages with fixes placed, the rest counted.
            compare(MapLayers.villages.count, 2)
            verify(MapLayers.villagesWithoutFix > 0)
            compare(MapLayers.error, "")
            compare(findChild(page, "layerRecords").text, "记录 5")
            verify(findChild(page, "villagesWithoutFix").visible)
            // The view opened around them (the box 111.47–111.53 E, 33.13–33.16 N).
            var box = map.viewport.geoBox()
            verify(box.x <= 111.47 && box.x + box.width >= 111.53, JSON.stringify(box))
            verify(box.y <= 33.131 && box.y + box.height >= 33.16, JSON.stringify(box))
        }

        function test_2_theBasemapIsDrawnUnderThem() {
            verify(page.basemap.valid)
            compare(findChild(page, "mapBasemapName").text, "底图：丹阳镇测试底图")
            tryVerify(function() { return map.tilesWanted > 0 && map.tilesReady >= map.tilesWanted },
                      10000, "every tile in view is drawn: " + map.tilesReady + "/" + map.tilesWanted
                      + " at zoom " + map.viewport.zoom)
        }

        function test_3_aTappedRecordShowsItsCardAndOpens() {
            tapPoint(111.530, 33.160) // the sewage record in 唐王桥村
            verify(view.card !== null, "a card")
            compare(findChild(page, "mapCardTitle").text, "生活污水与黑臭水体")
            verify(view.card.subtitle.indexOf("丹阳镇") >= 0, view.card.subtitle)
            verify(findChild(page, "mapCard").visible)
            recordOpened.clear()
            mouseClick(findChild(page, "mapCardOpen"))
            compare(recordOpened.count, 1)
            compare(recordOpened.signalArguments[0][0], view.card.id)
            mouseClick(findChild(page, "mapCardClose"))
            compare(view.card, null)
        }

        function test_4_aPondShowsItsNumber() {
            tapPoint(111.500, 33.140)
            verify(view.card !== null)
            compare(view.card.title, "坑塘 DY-03")
            compare(view.card.opens, "record")
        }

        function test_5_aProblemOpensInTheLedger() {
            tapPoint(111.470, 33.145)
            verify(view.card !== null)
            compare(view.card.title, "厕所粪污外溢")
            verify(findChild(page, "mapCardStatus").text.indexOf("待整改") === 0)
            problemOpened.clear()
            mouseClick(findChild(page, "mapCardOpen"))
            compare(problemOpened.count, 1)
            compare(problemOpened.signalArguments[0][0], view.card.id)
        }

        function test_6_aHiddenLayerTakesNoTap() {
            view.card = null
            var toggle = findChild(page, "layerRecords")
            mouseClick(toggle)
            compare(view.showRecords, false)
            compare(findChild(page, "recordsLayer").visible, false)
            // 唐王桥村 stands where its one record is: with the records hidden, it takes the tap.
            tapPoint(111.530, 33.160)
            verify(view.card !== null)
            compare(view.card.kind, 1) // MapMarker::Kind::Village
            compare(view.card.id, "411326105201")
            var villages = findChild(page, "layerVillages")
            mouseClick(villages)
            tapPoint(111.530, 33.160)
            compare(view.card, null)
            mouseClick(villages)
            mouseClick(toggle)
            compare(view.showRecords, true)
        }

        function test_7_screenshots() {
            if (screenshotDir === "")
                skip("no QS_SCREENSHOT_DIR")
            view.card = null
            page.layersView.fitToMarkers()
            tryVerify(function() { return map.tilesReady >= map.tilesWanted }, 10000)
            waitForRendering(root)
            grabImage(root).save(screenshotDir + "/map-tablet-1280x800.png")
            root.width = 800
            root.height = 1280
            page.layersView.fitToMarkers()
            tryVerify(function() { return map.tilesReady >= map.tilesWanted }, 10000)
            tapPoint(111.500, 33.140)
            map.centerOn(111.50, 33.145, 13)
            tryVerify(function() { return map.tilesReady >= map.tilesWanted }, 10000)
            waitForRendering(root)
            grabImage(root).save(screenshotDir + "/map-tablet-800x1280.png")
            root.width = 1280
            root.height = 800
        }

        function test_8_theGpsQuestionShowsItsFix() {
            // The draft household: its form, with its 位置 answered.
            Records.statusFilter = 1 // 草稿
            compare(Records.count, 1)
            verify(Form.open(Records.recordIdAt(0)))
            Records.statusFilter = 0
            stack.push(formPage)
            tryCompare(stack, "busy", false)
            var form = stack.currentItem
            tryVerify(function() { return findChild(form, "gpsMap_location") !== null })
            var fixMap = findChild(form, "gpsMap_location")
            verify(fixMap.visible)
            verify(fixMap.positionValid)
            compare(fixMap.positionLat, 33.132)
            compare(fixMap.positionLon, 111.483)
            compare(fixMap.positionAccuracyM, 3.5)
            var centre = fixMap.viewport.toGeo(fixMap.width / 2, fixMap.height / 2)
            fuzzyCompare(centre.x, 111.483, 0.0001)
            fuzzyCompare(centre.y, 33.132, 0.0001)
            if (screenshotDir !== "") {
                form.reveal(fixMap)
                tryVerify(function() { return fixMap.tilesReady >= fixMap.tilesWanted }, 10000)
                waitForRendering(root)
                grabImage(root).save(screenshotDir + "/map-form-gps-1280x800.png")
            }
            stack.pop()
        }

        // The window's 地图 button opens the map; a record opened from it goes back to it.
        function test_9_theWindowsMapAndBack() {
            var window = createTemporaryObject(inspectorWindow, root)
            window.width = 1280
            window.height = 800
            window.visible = true
            tryVerify(function() { return window.contentItem.width === 1280 })
            var appStack = findChild(window.contentItem, "inspectorStack")
            tryVerify(function() { return appStack.currentItem instanceof RecordListPage })
            mouseClick(findChild(window.header, "mapButton"))
            tryCompare(appStack, "busy", false)
            verify(appStack.currentItem instanceof MapPage)
            var mapPage = appStack.currentItem
            verify(mapPage.basemap.valid)
            var layersMap = mapPage.layersView.map
            layersMap.centerOn(111.530, 33.160, 15)
            waitForRendering(layersMap)
            var p = layersMap.viewport.toScreen(111.530, 33.160)
            mouseClick(layersMap, p.x, p.y)
            verify(mapPage.layersView.card !== null)
            mouseClick(findChild(mapPage, "mapCardOpen"))
            tryCompare(appStack, "busy", false)
            verify(appStack.currentItem instanceof FormPage)
            appStack.currentItem.done()
            tryCompare(appStack, "busy", false)
            verify(appStack.currentItem instanceof MapPage)
            window.visible = false
        }
    }
}
