import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The supervisor's review queue: the records of their jurisdiction, narrowed by place,
// category, status, inspector and date, searched in full text, newest first, page by page —
// or the same filter on a map (地图), where a box drawn while selecting ticks the records inside
// it for 批量通过 or an export of just those.
Page {
    id: page
    objectName: "reviewQueuePage"

    readonly property RecordListModel records: Records
    // The basemap the map draws (the window passes the one installed; invalid: none yet).
    property basemapInfo basemap
    // The map instead of the list (the filter, the selection and its actions are the same).
    property bool showingMap: false

    signal recordOpened(string recordId)
    signal problemOpened(string problemId)
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
    // A box drawn on the map: its records join the ticked ones.
    function selectRecords(ids) {
        var next = Object.assign({}, selected)
        for (var i = 0; i < ids.length; ++i)
            next[ids[i]] = true
        selected = next
    }
    // What the export buttons of the selection call once a folder is chosen (tests call it).
    function exportSelectedInto(kind, folder) {
        return Dashboard.exportRecordsTo(kind, folder, Object.keys(selected))
    }
    property string pendingExport: ""
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

    FolderDialog {
        id: folderDialog
        title: qsTr("选择导出文件夹")
        onAccepted: page.exportSelectedInto(page.pendingExport, selectedFolder)
    }

    // Ticks on rows the new filter hides would approve what the supervisor cannot see.
    Connections {
        target: page.records
        function onFilterChanged() {
            page.selected = ({})
            queueMap.clearBox()
        }
    }

    background: Rectangle { color: Theme.background }

    header: QsRecordFilterBar {
        namePrefix: "review"
        searchPlaceholder: qsTr("全文搜索：备注、文字回答、村镇名称")
        statusLabels: page.records.statusLabels
        statusFilter: page.records.statusFilter
        units: VillagePicker.units()
        categories: Inspector.categories()
        showsPlaces: true
        unitCode: page.records.unitCode
        townships: page.records.unitCode === "" ? [] : VillagePicker.townships(page.records.unitCode)
        townshipCode: page.records.townshipCode
        villages: page.records.townshipCode === "" ? [] : VillagePicker.villages(page.records.townshipCode)
        villageCode: page.records.villageCode
        showsAuthors: true
        // Read again whenever the list is (after a sync).
        authors: {
            page.records.count // dependency
            return page.records.authors()
        }
        author: page.records.author
        showsDateRange: true
        showsClear: true

        onStatusPicked: index => page.records.statusFilter = index
        onSearched: text => page.records.search = text
        onUnitPicked: code => {
            page.records.villageCode = ""
            page.records.townshipCode = ""
            page.records.unitCode = code
        }
        onTownshipPicked: code => {
            page.records.villageCode = ""
            page.records.townshipCode = code
        }
        onVillagePicked: code => page.records.villageCode = code
        onCategoryPicked: id => page.records.category = id
        onAuthorPicked: user => page.records.author = user
        onFromDatePicked: day => page.records.fromDate = day
        onToDatePicked: day => page.records.toDate = day
        onCleared: page.records.clearFilters()

        Label {
            objectName: "reviewCount"
            text: qsTr("共 %1 条").arg(page.records.count)
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
        }
        Button {
            objectName: "mapMode"
            Layout.preferredHeight: Theme.touchTarget
            text: page.showingMap ? qsTr("列表") : qsTr("地图")
            onClicked: page.showingMap = !page.showingMap
        }
        Button {
            objectName: "selectMode"
            Layout.preferredHeight: Theme.touchTarget
            text: page.selecting ? qsTr("取消选择") : qsTr("选择")
            onClicked: page.selecting ? page.stopSelecting() : (page.selecting = true)
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
                    visible: !page.showingMap
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("全选本页")
                    onClicked: page.selectAllLoaded()
                }
                Button {
                    objectName: "clearSelection"
                    visible: page.showingMap
                    enabled: page.selectedCount > 0
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("清空所选")
                    onClicked: {
                        page.selected = ({})
                        queueMap.clearBox()
                    }
                }
                Label {
                    objectName: "bulkError"
                    Layout.fillWidth: true
                    text: page.bulkError !== "" ? page.bulkError
                          : Dashboard.exporting ? qsTr("正在导出…")
                          : Dashboard.exportMessage !== "" ? Dashboard.exportMessage
                          : page.showingMap ? qsTr("在地图上拖动，框选其中的记录") : ""
                    color: page.bulkError !== "" ? Theme.danger : Theme.textSecondary
                    wrapMode: Text.Wrap
                }
                Repeater {
                    model: [
                        { kind: "csv", text: qsTr("导出所选 CSV") },
                        { kind: "geojson", text: qsTr("GeoJSON") },
                        { kind: "photos", text: qsTr("照片 ZIP") }
                    ]
                    delegate: Button {
                        required property var modelData
                        objectName: "exportSelected_" + modelData.kind
                        Layout.preferredHeight: Theme.touchTarget
                        text: modelData.text
                        font.capitalization: Font.MixedCase
                        enabled: page.selectedCount > 0 && !Dashboard.exporting
                        onClicked: {
                            page.pendingExport = modelData.kind
                            folderDialog.open()
                        }
                    }
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

    MapLayersView {
        id: queueMap
        objectName: "reviewMap"
        anchors.top: above.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        visible: page.showingMap
        basemap: page.basemap
        drawingBox: page.selecting
        onRecordOpened: (recordId) => page.recordOpened(recordId)
        onProblemOpened: (problemId) => page.problemOpened(problemId)
        onBoxSelected: (ids) => page.selectRecords(ids)
    }

    ListView {
        id: list
        objectName: "reviewList"
        visible: !page.showingMap
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
        visible: list.count === 0 && !page.showingMap
        text: Sync.serverAddress === ""
              ? qsTr("未连接服务器，暂无已同步的记录。")
              : page.records.count === 0 && page.records.search === "" && page.records.unitCode === ""
                ? qsTr("暂无已同步的记录。点击“同步”从服务器获取。")
                : qsTr("没有符合筛选条件的记录。")
    }
}
