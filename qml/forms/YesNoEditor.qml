import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// 是 / 否, two large buttons; tapping the chosen one again clears the answer.
QsEditorBase {
    id: editor
    Row {
        spacing: Theme.spacing
        Repeater {
            model: [{ "value": true, "text": qsTr("是") }, { "value": false, "text": qsTr("否") }]
            delegate: Button {
                required property var modelData
                objectName: "yesno_" + editor.question.id + "_" + modelData.value
                width: 120
                height: Theme.touchTarget
                text: modelData.text
                checkable: true
                enabled: editor.editable
                checked: editor.value === modelData.value
                highlighted: checked
                onClicked: editor.answer(editor.value === modelData.value ? undefined : modelData.value)
            }
        }
    }
}
