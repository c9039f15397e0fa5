import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The kiosk's home, the pairing map, through the real page and the real reference data.
Item {
    id: root
    width: 1920
    height: 1080

    KioskHomePage {
        id: page
        anchors.fill: parent
    }

    TestCase {
        name: "KioskMapPairing"
        when: windowShown

        readonly property var codes: ["411326", "411323", "411325", "411381", "410324", "411224",
            "420302", "420303", "420304", "420381", "420322", "420323", "420324", "420325",
            "420381450", "429021"]

        function init() {
            page.closeDetail()
            page.attractIndex = -1
        }

        function markerRect(item) {
            var p = item.mapToItem(page, 0, 0)
            return Qt.rect(p.x, p.y, item.width, item.height)
        }

        function detail() {
            return findChild(page, "unitDetail")
        }

        function test_sixteenMarkersAtDistinctPlacesInsideTheCanvas() {
            compare(Units.count, 16)
            var seen = {}
            for (var i = 0; i < codes.length; ++i) {
                var m = findChild(page, "unit_" + codes[i])
                verify(m !== null, "marker for " + codes[i])
                verify(m.visible, codes[i] + " has a map point")
                var r = markerRect(m)
                verify(r.x >= 0 && r.y >= 0 && r.x + r.width <= 1920 && r.y + r.height <= 1080,
                       codes[i] + " inside the canvas")
                verify(r.width >= 96 && r.height >= 96, codes[i] + " touch target ≥ 96 px")
                var key = Math.round(r.x) + "," + Math.round(r.y)
                verify(seen[key] === undefined, codes[i] + " shares its place with " + seen[key])
                seen[key] = codes[i]
            }
        }

        // The check: no touch target covers more than 10 % of another's area (PairingMap's
        // placement aims at none; 10 % leaves a finger's margin on each).
        function test_noMarkerCoversAnothersTouchTarget() {
            var worst = 0
            for (var i = 0; i < codes.length; ++i) {
                var a = markerRect(findChild(page, "unit_" + codes[i]))
                for (var j = 0; j < codes.length; ++j) {
                    if (i === j)
                        continue
                    var b = markerRect(findChild(page, "unit_" + codes[j]))
                    var w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
                    var h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
                    if (w > 0 && h > 0)
                        worst = Math.max(worst, w * h / (a.width * a.height))
                }
            }
            verify(worst <= 0.10, "worst overlap " + worst)
        }

        function test_eachUnitHasALineToItsPartnerDistrict() {
            for (var i = 0; i < codes.length; ++i) {
                var marker = findChild(page, "unit_" + codes[i])
                var line = findChild(page, "partnerLine_" + codes[i])
                verify(line !== null && line.visible, "line for " + codes[i])
                compare(line.partnerDistrict, marker.partnerDistrict)
                var district = findChild(page, "district_" + marker.partnerDistrict)
                verify(district !== null, "district " + marker.partnerDistrict)
                var end = district.mapToItem(page, 0, 0)
                fuzzyCompare(line.to.x, end.x, 0.5)
                fuzzyCompare(line.to.y, end.y, 0.5)
                // The line leaves from the unit's county seat, in the source area (left).
                verify(line.from.x < 1280, codes[i] + " starts in the source area")
                verify(end.x > 1280, marker.partnerDistrict + " is in the Beijing inset")
            }
            compare(findChild(page, "unit_411326").partnerDistrict, "朝阳区")
            compare(findChild(page, "unit_429021").partnerDistrict, "门头沟区")
        }

        function test_touchOpensTheDetailAndHighlightsTheLine() {
            verify(!detail().visible)
            mouseClick(findChild(page, "unit_411326"))
            tryVerify(function() { return detail().visible })
            compare(detail().unitName, "淅川县")
            compare(detail().partnerDistrict, "朝阳区")
            compare(detail().zone, findChild(page, "unit_411326").zone)
            verify(detail().zone !== "")
            compare(findChild(page, "unitRecords").unitCode, "411326")
            verify(findChild(page, "partnerLine_411326").highlighted)
            verify(!findChild(page, "partnerLine_429021").highlighted)

            mouseClick(findChild(page, "unit_429021"))
            compare(detail().unitName, "神农架林区")
            compare(detail().partnerDistrict, "门头沟区")
            compare(findChild(page, "unitRecords").unitCode, "429021")
            verify(findChild(page, "partnerLine_429021").highlighted)
            verify(!findChild(page, "partnerLine_411326").highlighted)
        }

        function test_closingOrTouchingElsewhereReturnsToTheOverview() {
            mouseClick(findChild(page, "unit_411326"))
            verify(detail().visible)
            mouseClick(findChild(page, "closeDetail"))
            verify(!detail().visible)
            verify(findChild(page, "legend").visible)

            mouseClick(findChild(page, "unit_420381"))
            verify(detail().visible)
            // Empty map between the title and the inset: nothing there but water and land.
            mouseClick(page, 1240, 40)
            verify(!detail().visible)
            verify(page.selected === null)
        }

        function test_attractStepWalksAllSixteenThenEnds() {
            var shown = []
            var first = ""
            for (var i = 0; i < 16; ++i) {
                verify(page.attractStep(), "step " + i)
                verify(detail().visible)
                shown.push(page.selectedCode)
                if (i === 0)
                    first = page.selectedCode
                verify(findChild(page, "partnerLine_" + page.selectedCode).highlighted)
            }
            verify(!page.attractStep(), "the show is over after 16")
            verify(!detail().visible)
            shown.sort()
            var expected = codes.slice().sort()
            compare(shown, expected)
            // It starts over from the first unit after the reset.
            verify(page.attractStep())
            compare(page.selectedCode, first)
        }

        function test_nothingTakesKeyboardFocus() {
            mouseClick(findChild(page, "unit_411326"))
            mouseClick(findChild(page, "closeDetail"))
            for (var i = 0; i < codes.length; ++i) {
                var m = findChild(page, "unit_" + codes[i])
                compare(m.focusPolicy, Qt.NoFocus)
                verify(!m.activeFocus)
            }
            compare(findChild(page, "closeDetail").focusPolicy, Qt.NoFocus)
            verify(!findChild(page, "closeDetail").activeFocus)
        }
    }
}
