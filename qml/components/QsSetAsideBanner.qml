import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// Decisions the server refused for good (ReviewController.setAside): a banner with their
// number that opens the list of each record and the server's reason.
Rectangle {
    id: banner
    objectName: "setAsideBanner"

    required property ReviewController review
    required property SyncEngine sync
    // [{reviewId, recordId, title, error}]
    property var items: []
    signal recordOpened(string recordId)

    function refresh() { items = banner.review.setAside() }

    Component.onCompleted: refresh()
    Connections {
        target: banner.review
        function onDecided() { banner.refresh() }
    }
    Connections {
        target: banner.sync
        function onFinished() { banner.refresh() }
    }

    visible: items.length > 0
    implicitHeight: visible ? Theme.touchTarget : 0
    color: "#fdecea"
    border.color: Theme.danger

    ItemDelegate {
        objectName: "setAsideOpen"
        anchors.fill: parent
        contentItem: Label {
            objectName: "setAsideText"
            text: qsTr("%1 条审核未被服务器接受 · 查看原因 ›").arg(banner.items.length)
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            font.bold: true
            verticalAlignment: Text.AlignVCenter
        }
        onClicked: setAsideList.open()
    }

    Popup {
        id: setAsideList
        objectName: "setAsideList"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: parent ? Math.min(parent.width - 2 * Theme.spacing, 720) : 720
        height: parent ? Math.min(parent.height - 2 * Theme.spacing, 560) : 560
        modal: true
        padding: Theme.spacing

        contentItem: ColumnLayout {
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: qsTr("服务器未接受的审核决定")
                font.pixelSize: Theme.fontTitle
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("这些决定没有生效。打开记录重新审核。")
                color: Theme.textSecondary
                wrapMode: Text.Wrap
            }
            ListView {
                objectName: "setAsideRows"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: banner.items
                delegate: ItemDelegate {
                    required property var modelData
                    objectName: "setAside_" + modelData.reviewId
                    width: ListView.view.width
                    contentItem: ColumnLayout {
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: modelData.title
                            font.pixelSize: Theme.fontBody
                            elide: Text.ElideMiddle
                        }
                        Label {
                            objectName: "setAsideReason"
                            Layout.fillWidth: true
                            text: modelData.error
                            color: Theme.danger
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.Wrap
                        }
                    }
                    onClicked: {
                        setAsideList.close()
                        banner.recordOpened(modelData.recordId)
                    }
                }
            }
            Button {
                objectName: "setAsideClose"
                Layout.alignment: Qt.AlignRight
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("关闭")
                onClicked: setAsideList.close()
            }
        }
    }
}
