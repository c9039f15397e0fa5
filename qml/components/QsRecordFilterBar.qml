import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// A record list's filters, shared by the inspector's list and the supervisor's queue: status
// chips, search (after a short pause in typing), county, category and dates (presets), and
// for the supervisor also township and village, inspector, a typed date range and 清除筛选.
// Each mode shows the fields it has. The bar shows what it is given and says what was picked;
// the page narrows its list.
Rectangle {
    id: bar

    // objectName prefix of the fields, for tests: <prefix>Search, <prefix>Unit, <prefix>Status_0…
    required property string namePrefix
    required property string searchPlaceholder
    required property var statusLabels // RecordListModel.statusLabels
    required property int statusFilter // RecordListModel.statusFilter
    required property var units // [{ code, name }]
    required property var categories // [{ id, name }]

    // Township and village under the chosen county.
    property bool showsPlaces: false
    property string unitCode: ""
    property var townships: [] // [{ code, name }] of unitCode
    property string townshipCode: ""
    property var villages: [] // [{ code, name }] of townshipCode
    property string villageCode: ""
    // Who wrote the record.
    property bool showsAuthors: false
    property var authors: [] // user names
    property string author: ""
    // Typed from/to dates instead of the presets (today, 7 days, 30 days).
    property bool showsDateRange: false
    property bool showsClear: false
    // The page's own buttons, beside the search field.
    default property alias actions: actionRow.data

    signal statusPicked(int index)
    signal searched(string text)
    signal unitPicked(string code)
    signal townshipPicked(string code)
    signal villagePicked(string code)
    signal categoryPicked(string id)
    signal authorPicked(string user)
    signal fromDatePicked(var day) // an invalid date: from any day
    signal toDatePicked(var day) // an invalid date: to any day
    signal cleared() // every field is back to "all"

    // With buttons beside it, the search field leads a row of its own; else the grid.
    readonly property bool searchOnTop: showsClear || actions.length > 0

    function clear() {
        searchField.text = ""
        fromField.text = ""
        toField.text = ""
        unitFilter.currentIndex = 0
        categoryFilter.currentIndex = 0
        authorFilter.currentIndex = 0
        dateFilter.currentIndex = 0
        cleared()
    }
    // "yyyy-MM-dd" → a date; anything else → no date (the filter is off).
    function parseDate(text) {
        var d = Date.fromLocaleString(Qt.locale("C"), text.trim(), "yyyy-MM-dd")
        return isNaN(d.getTime()) ? new Date(NaN) : d
    }
    // "All …" first, then the list (a JS array or a list from C++).
    function withAll(all, list) {
        var out = [all]
        for (var i = 0; i < list.length; ++i)
            out.push(list[i])
        return out
    }

    implicitHeight: filters.implicitHeight + 2 * Theme.spacing
    color: Theme.surface
    border.color: Theme.divider

    ColumnLayout {
        id: filters
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            visible: bar.searchOnTop
            spacing: Theme.spacing
            Item {
                id: searchSlotTop
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                implicitWidth: searchField.implicitWidth
            }
            RowLayout {
                id: actionRow
                visible: children.length > 0
                spacing: Theme.spacing
            }
            Button {
                objectName: "clearFilters"
                visible: bar.showsClear
                text: qsTr("清除筛选")
                onClicked: bar.clear()
            }
        }

        QsStatusFilterBar {
            labels: bar.statusLabels
            current: bar.statusFilter
            chipName: bar.namePrefix + "Status_"
            onPicked: index => bar.statusPicked(index)
        }

        GridLayout {
            Layout.fillWidth: true
            columns: bar.width > 900 ? 4 : 2
            columnSpacing: Theme.spacing
            Item {
                id: searchSlotGrid
                visible: !bar.searchOnTop
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                implicitWidth: searchField.implicitWidth
            }
            ComboBox {
                id: unitFilter
                objectName: bar.namePrefix + "Unit"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                textRole: "name"
                valueRole: "code"
                model: bar.withAll({ "code": "", "name": qsTr("全部县（市、区）") }, bar.units)
                onActivated: bar.unitPicked(currentValue)
            }
            ComboBox {
                objectName: bar.namePrefix + "Township"
                visible: bar.showsPlaces
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                enabled: bar.unitCode !== ""
                textRole: "name"
                valueRole: "code"
                model: bar.withAll({ "code": "", "name": qsTr("全部乡镇") }, bar.townships)
                currentIndex: Math.max(0, indexOfValue(bar.townshipCode))
                onActivated: bar.townshipPicked(currentValue)
            }
            ComboBox {
                objectName: bar.namePrefix + "Village"
                visible: bar.showsPlaces
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                enabled: bar.townshipCode !== ""
                textRole: "name"
                valueRole: "code"
                model: bar.withAll({ "code": "", "name": qsTr("全部村") }, bar.villages)
                currentIndex: Math.max(0, indexOfValue(bar.villageCode))
                onActivated: bar.villagePicked(currentValue)
            }
            ComboBox {
                id: categoryFilter
                objectName: bar.namePrefix + "Category"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                textRole: "name"
                valueRole: "id"
                model: bar.withAll({ "id": "", "name": qsTr("全部类别") }, bar.categories)
                onActivated: bar.categoryPicked(currentValue)
            }
            ComboBox {
                id: authorFilter
                objectName: bar.namePrefix + "Author"
                visible: bar.showsAuthors
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                textRole: "name"
                valueRole: "user"
                model: {
                    var out = [{ "user": "", "name": qsTr("全部巡查员") }]
                    for (var i = 0; i < bar.authors.length; ++i)
                        out.push({ "user": bar.authors[i], "name": bar.authors[i] })
                    return out
                }
                currentIndex: Math.max(0, indexOfValue(bar.author))
                onActivated: bar.authorPicked(currentValue)
            }
            ComboBox {
                id: dateFilter
                objectName: bar.namePrefix + "Date"
                visible: !bar.showsDateRange
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                textRole: "name"
                valueRole: "days"
                model: [{ "days": 0, "name": qsTr("全部日期") }, { "days": 1, "name": qsTr("今天") },
                        { "days": 7, "name": qsTr("近 7 天") }, { "days": 30, "name": qsTr("近 30 天") }]
                onActivated: {
                    var from = new Date()
                    from.setDate(from.getDate() - currentValue + 1)
                    bar.fromDatePicked(currentValue > 0 ? from : new Date(NaN))
                }
            }
            TextField {
                id: fromField
                objectName: bar.namePrefix + "From"
                visible: bar.showsDateRange
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("起始日期 2026-01-31")
                inputMethodHints: Qt.ImhDate
                onEditingFinished: bar.fromDatePicked(bar.parseDate(text))
            }
            TextField {
                id: toField
                objectName: bar.namePrefix + "To"
                visible: bar.showsDateRange
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("截止日期（含当天）")
                inputMethodHints: Qt.ImhDate
                onEditingFinished: bar.toDatePicked(bar.parseDate(text))
            }
        }
    }

    // One search field, placed by searchOnTop (a layout places only its own children).
    TextField {
        id: searchField
        objectName: bar.namePrefix + "Search"
        parent: bar.searchOnTop ? searchSlotTop : searchSlotGrid
        anchors.fill: parent
        placeholderText: bar.searchPlaceholder
        onTextChanged: searchPause.restart()
        Timer {
            id: searchPause
            interval: 250
            onTriggered: bar.searched(searchField.text)
        }
    }
}
