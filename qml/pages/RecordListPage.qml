import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The inspector's first screen: their records, newest first, and the "new record" action.
Page {
    id: page
    objectName: "recordListPage"

    background: Rectangle { color: Theme.background }

    ListView {
        id: list
        objectName: "recordList"
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
        text: qsTr("还没有记录。点击“新建记录”开始一次巡查。")
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
        onClicked: newRecordDialog.open()
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

    NewRecordDialog {
        id: newRecordDialog
    }
}
