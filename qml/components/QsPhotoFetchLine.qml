import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// A line above the review queue while the queue's photos arrive ("照片下载中 3/50"), or when
// some did not and why, with the space the fetched photos take of their budget.
Rectangle {
    id: line
    objectName: "photoFetchLine"
    required property PhotoFetchController photos

    visible: photos.statusText !== ""
    implicitHeight: visible ? row.implicitHeight + 12 : 0
    color: photos.problem ? "#fdecea" : "#e8f4ee"

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing
        ProgressBar {
            Layout.preferredWidth: 120
            visible: line.photos.active
            value: line.photos.wanted > 0 ? line.photos.fetched / line.photos.wanted : 0
        }
        Label {
            objectName: "photoFetchText"
            Layout.fillWidth: true
            text: line.photos.statusText
            color: line.photos.problem ? Theme.danger : Theme.textPrimary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "photoBudgetText"
            text: line.photos.budgetText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }
    }
}
