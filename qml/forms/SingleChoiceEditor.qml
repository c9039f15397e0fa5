import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// One of a few options, as large radio buttons that wrap on narrow screens.
QsEditorBase {
    id: editor
    Flow {
        width: parent.width
        spacing: Theme.spacing
        Repeater {
            model: editor.question.options
            delegate: RadioButton {
                required property var modelData
                objectName: "single_" + editor.question.id + "_" + modelData.value
                height: Theme.touchTarget
                text: modelData.label
                enabled: editor.editable
                checked: editor.value === modelData.value
                onClicked: editor.answer(modelData.value)
            }
        }
    }
}
