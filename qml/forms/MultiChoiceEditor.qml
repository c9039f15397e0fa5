import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// Any of several options, as check boxes.
QsEditorBase {
    id: editor

    function toggled(optionValue, on) {
        var chosen = Array.isArray(editor.value) ? editor.value.slice() : []
        var at = chosen.indexOf(optionValue)
        if (on && at < 0)
            chosen.push(optionValue)
        else if (!on && at >= 0)
            chosen.splice(at, 1)
        editor.answer(chosen)
    }

    Flow {
        width: parent.width
        spacing: Theme.spacing
        Repeater {
            model: editor.question.options
            delegate: CheckBox {
                required property var modelData
                objectName: "multi_" + editor.question.id + "_" + modelData.value
                height: Theme.touchTarget
                text: modelData.label
                enabled: editor.editable
                checked: Array.isArray(editor.value) && editor.value.indexOf(modelData.value) >= 0
                onClicked: editor.toggled(modelData.value, checked)
            }
        }
    }
}
