import QtQuick
import QtQuick.Controls
import Qingshui.Ui

// Placeholder until the feed part lands: its page replaces this file at merge.
Page {
    objectName: "kioskGalleryPage"
    Label {
        anchors.centerIn: parent
        text: qsTr("巡查风采")
        font.pixelSize: 48
        color: Theme.primaryDark
    }
}
