import QtQuick
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The dashboard page on a store with known answers (tst_qml_dashboard.cpp): the figures it
// shows, its chart, the queue's filter, and an export into a folder.
Item {
    id: root
    width: 1280
    height: 800

    DashboardPage { id: page }

    TestCase {
        name: "Dashboard"
        when: windowShown

        function init() {
            Records.clearFilters()
            page.open()
            tryCompare(page, "opened", true)
        }

        function cleanup() {
            page.close()
            tryCompare(page, "visible", false)
        }

        function shown(name) {
            const item = findChild(page.contentItem, name)
            verify(item, name + " is on the page")
            return item.text
        }

        function test_indicatorsBesideTheirTargets() {
            compare(shown("indicatorShare_sanitary_toilet"), "71.4%") // 5 of 7
            compare(shown("indicatorCount_sanitary_toilet"), "5 / 7")
            compare(shown("indicatorShare_black_water_treated"), "25.0%") // 1 of 4
            verify(shown("indicatorTarget_black_water_treated").indexOf("40%") >= 0)
            compare(shown("indicatorShare_pond_chief_numbered"), "暂无数据")
            verify(shown("indicatorTarget_pond_chief_numbered").indexOf("2万座") >= 0)
            verify(shown("targetSource").indexOf("宛政办〔2022〕3号") >= 0)
            compare(page.dashboard.total, 12)
        }

        function test_chartStacksCategoriesByWeek() {
            const loader = findChild(page.contentItem, "dashboardChartLoader")
            tryCompare(loader, "status", Loader.Ready)
            const chart = loader.item
            compare(chart.barSetCount, 4) // one bar set per category
            compare(page.dashboard.weekLabels.length, 1) // everything was made this week
            const rows = page.dashboard.weeklyCounts("")
            compare(rows[1][0], 11) // sanitation
            compare(rows[2][0], 1) // ecology
            const unitBox = findChild(page.contentItem, "dashboardUnitBox")
            compare(unitBox.count, 3) // all, 淅川县, 郧西县
            unitBox.currentIndex = 2 // 郧西县
            compare(chart.unitCode, "420322")
            compare(page.dashboard.weeklyCounts(chart.unitCode)[1][0], 2)
        }

        function test_followsTheQueueFilter() {
            Records.unitCode = "411326" // 淅川县: the open page follows by itself
            compare(shown("indicatorShare_sanitary_toilet"), "60.0%")
            compare(shown("indicatorCount_sanitary_toilet"), "3 / 5")
            compare(page.dashboard.total, 9)
        }

        function exported(kind, folder) {
            verify(page.exportInto(kind, folder), kind + " started")
            verify(!page.exportInto(kind, folder), "one export at a time")
            tryCompare(page.dashboard, "exporting", false, 30000)
            return shown("exportMessage")
        }

        function test_exportWritesIntoTheChosenFolder() {
            Records.unitCode = "420322" // 郧西县
            let message = exported("csv", exportFolderUrl)
            verify(message.indexOf("已导出 3 条记录") >= 0, message)
            message = exported("geojson", exportFolderUrl)
            verify(message.indexOf("已导出 3 条记录") >= 0, message)
            message = exported("photos", exportFolderUrl)
            verify(message.indexOf("已导出 0 张照片") >= 0, message)
            message = exported("csv", unwritableFolderUrl)
            verify(message.indexOf("导出失败") >= 0, message)
        }

        // With QS_SCREENSHOT_DIR (scripts/screenshots.sh, under Xvfb): the page as it opens.
        function test_aa_screenshot() {
            if (screenshotDir === "")
                skip("no QS_SCREENSHOT_DIR")
            const loader = findChild(page.contentItem, "dashboardChartLoader")
            tryCompare(loader, "status", Loader.Ready)
            waitForRendering(page.contentItem)
            grabImage(root).save(screenshotDir + "/supervisor-dashboard-1280x800.png")
        }
    }
}
