import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The kiosk's home shows all 16 paired units with their Beijing partners, nothing to type into.
Item {
    id: root
    width: 1920
    height: 1080

    KioskHomePage {
        id: page
        anchors.fill: parent
    }

    TestCase {
        name: "KioskHome"
        when: windowShown

        function test_sixteenUnitsWithPartners() {
            var grid = findChild(page, "unitGrid")
            compare(grid.count, 16)
            tryVerify(function() { return grid.itemAtIndex(15) !== null })
            compare(grid.itemAtIndex(0).name, "淅川县")
            compare(grid.itemAtIndex(0).partnerDistrict, "朝阳区")
            compare(grid.itemAtIndex(15).name, "神农架林区")
            compare(grid.itemAtIndex(15).partnerDistrict, "门头沟区")
        }
    }
}
