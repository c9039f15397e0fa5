import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The supervisor's first screen: the records synced from inspectors' tablets.
Page {
    id: page
    objectName: "reviewQueuePage"

    background: Rectangle { color: Theme.background }

    ListView {
        id: list
        objectName: "reviewList"
        anchors.fill: parent
        clip: true
        model: Services.records
        delegate: QsRecordDelegate {
            width: list.width
        }
        ScrollIndicator.vertical: ScrollIndicator {}
    }

    QsEmptyState {
        anchors.centerIn: parent
        width: parent.width * 0.7
        visible: list.count === 0
        text: Services.sync.serverAddress === ""
              ? qsTr("未连接服务器，暂无已同步的记录。")
              : qsTr("暂无已同步的记录。点击“同步”从服务器获取。")
    }
}
