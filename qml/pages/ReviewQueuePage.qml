import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The supervisor's review queue: the records of their jurisdiction, narrowed by place,
// category, status, inspector and date, searched in full text, newest first, page by page.
Page {
    id: page
    objectName: "reviewQueuePage"

    readonly property RecordListModel records: Records

    signal recordOpened(string recordId)
    readonly property alias setAsideBanner: setAsideBanner

    // Bulk approval: while selecting, a tap on a row ticks it instead of opening it.
    property bool selecting: false
    property var selected: ({}) // record id -> true
    readonly property int selectedCount: Object.keys(selected).length
    property string bulkError: ""

    function toggleSelected(recordId) {
        var next = Object.assign({}, selected)
        if (next[recordId])
            delete next[recordId]
        else
            next[recordId] = true
        selected = next
    }
    // Every row read so far ("this page" of the list), or none when all of them are ticked.
    function selectAllLoaded() {
        var next = {}
        for (var i = 0; i < list.count; ++i)
            next[records.recordIdAt(i)] = true
        selected = Object.keys(next).length === selectedCount ? ({}) : next
    }
    function stopSelecting() {
        selecting = false
        selected = ({})
        bulkError = ""
    }
    // All or none: the store takes every approval in one transaction. Records whose photos
    // are not all on this device are named first, and approved only once confirmed.
    function approveSelected() {
        var ids = Object.keys(selected)
        var missing = Review.incompletePhotos(ids)
        if (missing.length > 0)
            photosConfirm.ask(missing, "approve", function() { page.approve(ids, true) })
        else
            approve(ids, false)
    }
    function approve(ids, confirmMissingPhotos) {
        if (Review.approveMany(ids, confirmMissingPhotos))
            stopSelecting()
        else
            bulkError = Review.lastError !== "" ? Review.lastError
                                                         : qsTr("批量通过未能保存")
    }

    QsPhotosConfirm {
        id: photosConfirm
        objectName: "bulkConfirm"
    }

    // Ticks on rows the new filter hides would approve what the supervisor cannot see.
    Connections {
        target: page.records
        function onFilterChanged() { page.selected = ({}) }
    }

    background: Rectangle { color: Theme.background }

    // "yyyy-MM-dd" → a date; anything else → no date (the filter is off).
    function parseDate(text) {
        var d = Date.fromLocaleString(Qt.locale("C"), text.trim(), "yyyy-MM-dd")
        return isNaN(d.getTime()) ? new Date(NaN) : d
    }

    header: Rectangle {
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
                spacing: Theme.spacing
                TextField {
                    id: searchField
                    objectName: "reviewSearch"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    placeholderText: qsTr("全文搜索：备注、文字回答、村镇名称")
                    onTextChanged: searchPause.restart()
                    Timer {
                        id: searchPause
                        interval: 250
                        onTriggered: page.records.search = searchField.text
                    }
                }
                Label {
                    objectName: "reviewCount"
                    text: qsTr("共 %1 条").arg(page.records.count)
                    font.pixelSize: Theme.fontBody
                    color: Theme.textSecondary
                }
                Button {
                    objectName: "selectMode"
                    Layout.preferredHeight: Theme.touchTarget
                    text: page.selecting ? qsTr("取消选择") : qsTr("选择")
                    onClicked: page.selecting ? page.stopSelecting() : (page.selecting = true)
                }
                Button {
                    objectName: "clearFilters"
                    text: qsTr("清除筛选")
                    onClicked: {
                        searchField.text = ""
                        fromField.text = ""
                        toField.text = ""
                        unitFilter.currentIndex = 0
                        categoryFilter.currentIndex = 0
                        authorFilter.currentIndex = 0
                        page.records.clearFilters()
                    }
                }
            }

            QsStatusFilterBar {
                labels: page.records.statusLabels
                current: page.records.statusFilter
                chipName: "reviewStatus_"
                onPicked: index => page.records.statusFilter = index
            }

            GridLayout {
                Layout.fillWidth: true
                columns: page.width > 900 ? 4 : 2
                columnSpacing: Theme.spacing
                ComboBox {
                    id: unitFilter
                    objectName: "reviewUnit"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    textRole: "name"
                    valueRole: "code"
                    model: [{ "code": "", "name": qsTr("全部县（市、区）") }].concat(VillagePicker.units())
                    onActivated: {
                        page.records.villageCode = ""
                        page.records.townshipCode = ""
                        page.records.unitCode = currentValue
                    }
                }
                ComboBox {
                    id: townshipFilter
                    objectName: "reviewTownship"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    enabled: page.records.unitCode !== ""
                    textRole: "name"
                    valueRole: "code"
                    model: [{ "code": "", "name": qsTr("全部乡镇") }].concat(
                               page.records.unitCode === "" ? [] : VillagePicker.townships(page.records.unitCode))
                    currentIndex: Math.max(0, indexOfValue(page.records.townshipCode))
                    onActivated: {
                        page.records.villageCode = ""
                        page.records.townshipCode = currentValue
                    }
                }
                ComboBox {
                    id: villageFilter
                    objectName: "reviewVillage"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    enabled: page.records.townshipCode !== ""
                    textRole: "name"
                    valueRole: "code"
                    model: [{ "code": "", "name": qsTr("全部村") }].concat(
                               page.records.townshipCode === "" ? [] : VillagePicker.villages(page.records.townshipCode))
                    currentIndex: Math.max(0, indexOfValue(page.records.villageCode))
                    onActivated: page.records.villageCode = currentValue
                }
                ComboBox {
                    id: categoryFilter
                    objectName: "reviewCategory"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    textRole: "name"
                    valueRole: "id"
                    model: [{ "id": "", "name": qsTr("全部类别") }].concat(Inspector.categories())
                    onActivated: page.records.category = currentValue
                }
                ComboBox {
                    id: authorFilter
                    objectName: "reviewAuthor"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    textRole: "name"
                    valueRole: "user"
                    // Refreshed whenever the list is read again (after a sync).
                    model: {
                        page.records.count // dependency
                        var out = [{ "user": "", "name": qsTr("全部巡查员") }]
                        var users = page.records.authors()
                        for (var i = 0; i < users.length; ++i)
                            out.push({ "user": users[i], "name": users[i] })
                        return out
                    }
                    currentIndex: Math.max(0, indexOfValue(page.records.author))
                    onActivated: page.records.author = currentValue
                }
                TextField {
                    id: fromField
                    objectName: "reviewFrom"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    placeholderText: qsTr("起始日期 2026-01-31")
                    inputMethodHints: Qt.ImhDate
                    onEditingFinished: page.records.fromDate = page.parseDate(text)
                }
                TextField {
                    id: toField
                    objectName: "reviewTo"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    placeholderText: qsTr("截止日期（含当天）")
                    inputMethodHints: Qt.ImhDate
                    onEditingFinished: page.records.toDate = page.parseDate(text)
                }
            }
        }
    }

    ColumnLayout {
        id: above
        anchors.left: parent.left
        anchors.right: parent.right
        height: implicitHeight // a layout outside a layout does not size itself
        spacing: 0

        QsSetAsideBanner {
            id: setAsideBanner
            Layout.fillWidth: true
            review: Review
            sync: Sync
            onRecordOpened: (recordId) => page.recordOpened(recordId)
        }

        QsPhotoFetchLine {
            Layout.fillWidth: true
            photos: Photos
        }

        // Selection mode: select the page, approve the ticked rows, or say why not.
        Rectangle {
            objectName: "selectionBar"
            Layout.fillWidth: true
            visible: page.selecting
            implicitHeight: visible ? selectionRow.implicitHeight + Theme.spacing : 0
            color: "#e3f0f6"
            RowLayout {
                id: selectionRow
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: Theme.spacing
                spacing: Theme.spacing
                Button {
                    objectName: "selectAllPage"
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("全选本页")
                    onClicked: page.selectAllLoaded()
                }
                Label {
                    objectName: "bulkError"
                    Layout.fillWidth: true
                    text: page.bulkError
                    color: Theme.danger
                    wrapMode: Text.Wrap
                }
                QsBigButton {
                    objectName: "bulkApprove"
                    text: qsTr("批量通过 (%1)").arg(page.selectedCount)
                    tint: Theme.accent
                    highlighted: true
                    enabled: page.selectedCount > 0
                    onClicked: page.approveSelected()
                }
            }
        }
    }

    ListView {
        id: list
        objectName: "reviewList"
        anchors.top: above.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        clip: true
        model: page.records
        reuseItems: true
        delegate: QsRecordDelegate {
            id: row
            required property string author
            required property string photosText
            required property bool conflict
            required property string flagsText
            readonly property bool ticked: page.selected[recordId] === true
            width: list.width
            byline: author
            photosMark: photosText
            conflictMark: conflict
            flagsMark: flagsText
            leftPadding: page.selecting ? Theme.touchTarget + Theme.spacing : undefined
            onClicked: page.selecting ? page.toggleSelected(recordId) : page.recordOpened(recordId)
            CheckBox {
                objectName: "rowCheck"
                x: Theme.spacing / 2
                anchors.verticalCenter: parent.verticalCenter
                visible: page.selecting
                checkable: false // the row's selection decides, not the box's own state
                checked: row.ticked
                onClicked: page.toggleSelected(row.recordId)
            }
        }
        ScrollIndicator.vertical: ScrollIndicator {}
    }

    QsEmptyState {
        anchors.centerIn: parent
        width: parent.width * 0.7
        visible: list.count === 0
        text: Sync.serverAddress === ""
              ? qsTr("未连接服务器，暂无已同步的记录。")
              : page.records.count === 0 && page.records.search === "" && page.records.unitCode === ""
                ? qsTr("暂无已同步的记录。点击“同步”从服务器获取。")
                : qsTr("没有符合筛选条件的记录。")
    }
}
