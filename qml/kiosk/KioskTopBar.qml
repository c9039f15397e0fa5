import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The kiosk's title, its clock and where its content comes from.
Rectangle {
    id: bar
    color: Theme.primaryDark

    property date now: new Date()

    Timer {
        interval: 1000
        repeat: true
        running: true
        onTriggered: bar.now = new Date()
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 48
        anchors.rightMargin: 48
        spacing: 32

        ColumnLayout {
            spacing: 4
            Label {
                text: qsTr("南水北调 · 京豫鄂对口协作")
                color: "white"
                font.pixelSize: 40
                font.bold: true
            }
            Label {
                objectName: "feedStatus"
                text: Sync.lastSuccess.getTime() > 0
                      ? qsTr("离线展示 · 数据更新于 %1")
                            .arg(Qt.formatDateTime(Sync.lastSuccess, "yyyy-MM-dd HH:mm"))
                      : qsTr("离线展示 · 内置展示内容")
                color: "#cfe6f0"
                font.pixelSize: 24
            }
        }
        Item { Layout.fillWidth: true }
        ColumnLayout {
            spacing: 0
            Label {
                objectName: "clock"
                Layout.alignment: Qt.AlignRight
                text: Qt.formatTime(bar.now, "HH:mm")
                color: "white"
                font.pixelSize: 48
                font.bold: true
            }
            Label {
                Layout.alignment: Qt.AlignRight
                text: Qt.formatDate(bar.now, qsTr("yyyy年M月d日"))
                color: "#cfe6f0"
                font.pixelSize: 24
            }
        }
    }
}
