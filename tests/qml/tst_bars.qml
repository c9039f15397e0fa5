import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The header bar and the filter bar both modes share, each on its own: made with only their
// required properties (the real sync engine and login for the header), tapped like a finger,
// they show what they are given and say what was pressed or picked — and change nothing
// themselves.
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: headerBar
        QsAppHeaderBar {
            width: root.width
            title: "清水巡查"
        }
    }
    Component {
        id: filterBar
        QsRecordFilterBar {
            width: root.width
        }
    }
    Component {
        id: spyOn
        SignalSpy {}
    }

    TestCase {
        name: "SharedBars"
        when: windowShown

        function spy(target, signalName) {
            return createTemporaryObject(spyOn, root, { target: target, signalName: signalName })
        }
        function child(parentItem, name) {
            var item = findChild(parentItem, name)
            verify(item, name)
            return item
        }
        function makeHeader(extra) {
            var properties = {
                sync: Sync,
                syncErrorText: "",
                login: Login,
                language: "zh_CN"
            }
            for (var key in extra)
                properties[key] = extra[key]
            var bar = createTemporaryObject(headerBar, root, properties)
            verify(bar, "the header bar made from its required properties")
            return bar
        }
        function makeFilterBar(extra) {
            var properties = {
                namePrefix: "test",
                searchPlaceholder: "搜索",
                statusLabels: ["全部", "草稿", "待同步"],
                statusFilter: 1,
                units: [{ "code": "411326", "name": "淅川县" }, { "code": "420322", "name": "郧西县" }],
                categories: [{ "id": "sanitation", "name": "人居环境" }]
            }
            for (var key in extra)
                properties[key] = extra[key]
            var bar = createTemporaryObject(filterBar, root, properties)
            verify(bar, "the filter bar made from its required properties")
            return bar
        }

        function test_headerButtonsSayWhatWasPressed() {
            var bar = makeHeader({})
            var syncs = spy(bar, "syncRequested")
            var settings = spy(bar, "settingsRequested")
            var languages = spy(bar, "languageRequested")

            mouseClick(child(bar, "syncButton"))
            compare(syncs.count, 1)
            compare(settings.count, 0)

            mouseClick(child(bar, "settingsButton"))
            compare(settings.count, 1)

            var language = child(bar, "languageButton")
            compare(language.text, "EN")
            mouseClick(language)
            compare(languages.count, 1)
            compare(languages.signalArguments[0][0], "en")
            compare(Language.language, "zh_CN") // the window switches, not the bar
            bar.language = "en" // the window switched: the button offers Chinese back
            compare(language.text, "中文")
            mouseClick(language)
            compare(languages.signalArguments[1][0], "zh_CN")
        }

        function test_headerShowsOnlyWhatTheModeHas() {
            var supervisor = makeHeader({})
            verify(!child(supervisor, "dashboardButton").visible)
            compare(findChild(supervisor, "gpsChip"), null)
            compare(child(supervisor, "loginButton").visible, Login.serverConfigured)

            var withDashboard = makeHeader({ showsDashboard: true })
            var dashboards = spy(withDashboard, "dashboardRequested")
            var dashboardButton = child(withDashboard, "dashboardButton")
            verify(dashboardButton.visible)
            mouseClick(dashboardButton)
            compare(dashboards.count, 1)

            var inspector = makeHeader({ gps: Position })
            verify(child(inspector, "gpsChip").visible)
        }

        function test_filterBarShowsWhatItIsGiven() {
            var bar = makeFilterBar({})
            verify(child(bar, "testStatus_1").checked)
            verify(!child(bar, "testStatus_0").checked)
            compare(child(bar, "testUnit").count, 3) // all, then the two counties
            compare(child(bar, "testCategory").count, 2)
            compare(child(bar, "testSearch").placeholderText, "搜索")
            // The inspector's fields: no places, inspectors, date range or clear.
            for (var hidden of ["testTownship", "testVillage", "testAuthor", "testFrom", "testTo"])
                verify(!child(bar, hidden).visible, hidden)
            verify(child(bar, "testDate").visible)

            var supervisor = makeFilterBar({ showsPlaces: true, showsAuthors: true,
                                             showsDateRange: true, showsClear: true,
                                             authors: ["lina", "zhangwei"] })
            for (var shown of ["testTownship", "testVillage", "testAuthor", "testFrom", "testTo",
                               "clearFilters"])
                verify(child(supervisor, shown).visible, shown)
            verify(!child(supervisor, "testDate").visible)
            supervisor.author = "zhangwei" // the page's list now shows one inspector's records
            compare(child(supervisor, "testAuthor").currentText, "zhangwei")
            verify(!child(supervisor, "testTownship").enabled) // no county chosen yet
        }

        function test_filterChangesAreSaid() {
            var bar = makeFilterBar({})
            var statuses = spy(bar, "statusPicked")
            var units = spy(bar, "unitPicked")
            var searches = spy(bar, "searched")
            var fromDates = spy(bar, "fromDatePicked")

            mouseClick(child(bar, "testStatus_2"))
            compare(statuses.count, 1)
            compare(statuses.signalArguments[0][0], 2)
            verify(child(bar, "testStatus_1").checked) // the page decides, not the chip

            // A county picked from the open list.
            var unit = child(bar, "testUnit")
            mouseClick(unit)
            tryCompare(unit.popup, "opened", true)
            var row = unit.popup.contentItem.itemAtIndex(2)
            verify(row, "the list's third row")
            mouseClick(row)
            compare(units.count, 1)
            compare(units.signalArguments[0][0], "420322")

            // Typing is said once, after a pause.
            var search = child(bar, "testSearch")
            mouseClick(search)
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_B)
            tryCompare(searches, "count", 1)
            compare(searches.signalArguments[0][0], "ab")

            // The last 7 days: from the day 6 days ago; then every day again.
            var dates = child(bar, "testDate")
            dates.currentIndex = 2
            dates.activated(2)
            compare(fromDates.count, 1)
            var from = fromDates.signalArguments[0][0]
            var expected = new Date()
            expected.setDate(expected.getDate() - 6)
            compare(Qt.formatDate(from, "yyyy-MM-dd"), Qt.formatDate(expected, "yyyy-MM-dd"))
            dates.currentIndex = 0
            dates.activated(0)
            verify(isNaN(fromDates.signalArguments[1][0].getTime()))
        }

        function test_clearPutsEveryFieldBack() {
            var bar = makeFilterBar({ showsDateRange: true, showsClear: true })
            var cleared = spy(bar, "cleared")
            var toDates = spy(bar, "toDatePicked")
            var to = child(bar, "testTo")
            mouseClick(to)
            for (var c of "2025-11-28")
                keyClick(c)
            keyClick(Qt.Key_Return)
            compare(toDates.count, 1)
            compare(Qt.formatDate(toDates.signalArguments[0][0], "yyyy-MM-dd"), "2025-11-28")
            var unit = child(bar, "testUnit")
            unit.currentIndex = 1

            mouseClick(child(bar, "clearFilters"))
            compare(cleared.count, 1)
            compare(to.text, "")
            compare(unit.currentIndex, 0)
        }
    }
}
