import QtQuick
import QtQuick.Controls
import Qingshui.Ui

// Placeholder until the figures part lands: its page replaces this file at merge.
Page {
    objectName: "kioskAchievementsPage"
    Label {
        anchors.centerIn: parent
        text: qsTr("协作成果")
        font.pixelSize: 48
        color: Theme.primaryDark
    }
}
