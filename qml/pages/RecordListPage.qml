import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
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

    header: Rectangle {
        implicitHeight: filters.implicitHeight + 2 * Theme.spacing
        color: Theme.surface
        border.color: Theme.divider

        ColumnLayout {
            id: filters
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing

            QsStatusFilterBar {
                labels: page.records.statusLabels
                current: page.records.statusFilter
                chipName: "statusFilter_"
                onPicked: index => page.records.statusFilter = index
            }
            GridLayout {
                Layout.fillWidth: true
                columns: page.width > 900 ? 4 : 2
                columnSpacing: Theme.spacing
                TextField {
                    id: searchField
                    objectName: "recordSearch"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    placeholderText: qsTr("搜索村名或记录内容")
                    onTextChanged: searchPause.restart()
                    Timer {
                        id: searchPause
                        interval: 250
                        onTriggered: page.records.search = searchField.text
                    }
                }
                ComboBox {
                    objectName: "unitFilter"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    textRole: "name"
                    valueRole: "code"
                    model: [{ "code": "", "name": qsTr("全部县（市、区）") }].concat(VillagePicker.units())
                    onActivated: page.records.unitCode = currentValue
                }
                ComboBox {
                    objectName: "categoryFilter"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    textRole: "name"
                    valueRole: "id"
                    model: [{ "id": "", "name": qsTr("全部类别") }].concat(Inspector.categories())
                    onActivated: page.records.category = currentValue
                }
                ComboBox {
                    objectName: "dateFilter"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    textRole: "name"
                    valueRole: "days"
                    model: [{ "days": 0, "name": qsTr("全部日期") }, { "days": 1, "name": qsTr("今天") },
                            { "days": 7, "name": qsTr("近 7 天") }, { "days": 30, "name": qsTr("近 30 天") }]
                    onActivated: {
                        var from = new Date()
                        from.setDate(from.getDate() - currentValue + 1)
                        page.records.fromDate = currentValue > 0 ? from : new Date(NaN)
                    }
                }
            }
        }
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
