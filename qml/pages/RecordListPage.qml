import QtQuick
import QtQuick.Controls
import Qingshui.Backend
import Qingshui.Ui

// The inspector's first screen: their records by status, filtered and searched, newest first;
// "new record" starts one.
Page {
    id: page
    objectName: "recordListPage"

    readonly property RecordListModel records: Records

    signal newRecordRequested()
    signal recordOpened(string recordId)

    background: Rectangle { color: Theme.background }

    header: QsRecordFilterBar {
        namePrefix: "record"
        searchPlaceholder: qsTr("搜索村名或记录内容")
        statusLabels: page.records.statusLabels
        statusFilter: page.records.statusFilter
        units: VillagePicker.units()
        categories: Inspector.categories()
        onStatusPicked: index => page.records.statusFilter = index
        onSearched: text => page.records.search = text
        onUnitPicked: code => page.records.unitCode = code
        onCategoryPicked: id => page.records.category = id
        onFromDatePicked: day => page.records.fromDate = day
    }

    ListView {
        id: list
        objectName: "recordList"
        anchors.fill: parent
        clip: true
        model: page.records
        reuseItems: true
        delegate: QsRecordDelegate {
            width: list.width
            onClicked: page.recordOpened(recordId)
        }
        ScrollIndicator.vertical: ScrollIndicator {}
    }

    QsEmptyState {
        anchors.centerIn: parent
        width: parent.width * 0.7
        visible: list.count === 0
        text: page.records.statusFilter === 0 && page.records.search === "" && page.records.unitCode === ""
              && page.records.category === ""
              ? qsTr("还没有记录。点击“新建记录”开始一次巡查。")
              : qsTr("没有符合筛选条件的记录。")
    }

    RoundButton {
        id: newButton
        objectName: "newRecordButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing * 2
        width: implicitWidth + 24
        height: Theme.touchTarget + 8
        radius: height / 2
        text: qsTr("＋ 新建记录")
        font.pixelSize: Theme.fontBody
        onClicked: page.newRecordRequested()
        contentItem: Label {
            text: newButton.text
            font: newButton.font
            color: "white"
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: newButton.radius
            color: newButton.down ? Theme.primaryDark : Theme.primary
        }
    }
}
