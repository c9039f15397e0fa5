import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// A quick record: category, county → township → village, and a note. Stored and queued for
// sync in one step; the full checklist forms replace this.
Dialog {
    id: dialog
    objectName: "newRecordDialog"

    property string errorText: ""

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 32, 640)
    modal: true
    title: qsTr("新建记录")

    function submit() {
        if (villageBox.currentIndex < 0) {
            errorText = qsTr("请选择村庄")
            return
        }
        errorText = Services.inspector.submitRecord(
                    categoryBox.currentValue, villageBox.currentValue, noteField.text)
        if (errorText === "") {
            noteField.text = ""
            dialog.close()
        }
    }

    onOpened: errorText = ""

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label { text: qsTr("类别") }
        ComboBox {
            id: categoryBox
            objectName: "categoryBox"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            textRole: "name"
            valueRole: "id"
            model: Services.inspector.categories()
        }
        Label { text: qsTr("县（市、区） / 乡镇 / 村") }
        RowLayout {
            Layout.fillWidth: true
            ComboBox {
                id: unitBox
                objectName: "unitBox"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                textRole: "name"
                valueRole: "code"
                model: Services.villagePicker.units()
            }
            ComboBox {
                id: townshipBox
                objectName: "townshipBox"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                textRole: "name"
                valueRole: "code"
                model: unitBox.currentIndex >= 0 ? Services.villagePicker.townships(unitBox.currentValue) : []
            }
            ComboBox {
                id: villageBox
                objectName: "villageBox"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                textRole: "name"
                valueRole: "code"
                model: townshipBox.currentIndex >= 0 ? Services.villagePicker.villages(townshipBox.currentValue) : []
            }
        }
        Label { text: qsTr("情况说明") }
        TextArea {
            id: noteField
            objectName: "noteField"
            Layout.fillWidth: true
            Layout.preferredHeight: 96
            placeholderText: qsTr("看到了什么，发现了什么问题")
            wrapMode: TextEdit.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.errorText !== ""
            text: dialog.errorText
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacing
            Button {
                objectName: "cancelButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("取消")
                flat: true
                onClicked: dialog.close()
            }
            Button {
                objectName: "submitButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("提交")
                highlighted: true
                onClicked: dialog.submit()
            }
        }
    }
}
