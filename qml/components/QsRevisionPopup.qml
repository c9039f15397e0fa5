import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// A past revision of a record, read-only (a RecordViewController of its own): who pushed it, when, and
// every answer as it was. Nothing can be decided here.
Popup {
    id: popup
    objectName: "revisionPopup"

    required property RecordViewController view // the past revision shown

    function show(recordId, serverSeq) {
        view.openRevision(recordId, serverSeq)
        open()
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? Math.min(parent.width - 2 * Theme.spacing, 900) : 900
    height: parent ? parent.height - 2 * Theme.spacing : 700
    modal: true
    padding: Theme.spacing
    // Drawn without a layer effect, so it shows with any scene graph backend.
    background: Rectangle {
        color: Theme.background
        radius: Theme.radius
        border.color: Theme.divider
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "revisionTitle"
                Layout.fillWidth: true
                text: qsTr("被覆盖的版本（只读）：%1").arg(popup.view.title)
                font.pixelSize: Theme.fontTitle
                elide: Text.ElideRight
            }
            Button {
                objectName: "revisionClose"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("关闭")
                onClicked: popup.close()
            }
        }
        Label {
            objectName: "revisionMeta"
            Layout.fillWidth: true
            text: qsTr("巡查员 %1 · 提交于 %2 · 服务器版本 %3")
                  .arg(popup.view.author !== "" ? popup.view.author : qsTr("（未知）"))
                  .arg(popup.view.updatedAt)
                  .arg(popup.view.serverSeq)
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "revisionError"
            Layout.fillWidth: true
            visible: text !== ""
            text: popup.view.error
            color: Theme.danger
            wrapMode: Text.Wrap
        }
        ListView {
            objectName: "revisionAnswers"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: popup.view.answers
            ScrollIndicator.vertical: ScrollIndicator {}
            delegate: ColumnLayout {
                required property var modelData
                objectName: "revisionAnswer_" + modelData.id
                width: ListView.view.width
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: modelData.label
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "revisionAnswerText"
                    Layout.fillWidth: true
                    text: modelData.text
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
