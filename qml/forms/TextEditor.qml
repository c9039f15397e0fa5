import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// Free text; stored after a short pause in typing and when leaving the field, so a killed
// app loses at most the last words being typed.
QsEditorBase {
    id: editor

    function commit() {
        var text = editor.question.multiline ? area.text : line.text
        editor.answer(text.trim() === "" ? undefined : text)
    }

    TextField {
        id: line
        objectName: "text_" + editor.question.id
        visible: !editor.question.multiline
        width: parent.width
        height: visible ? Theme.touchTarget : 0
        enabled: editor.editable
        maximumLength: editor.question.maxLength > 0 ? editor.question.maxLength : 32767
        text: typeof editor.value === "string" ? editor.value : ""
        onTextEdited: pause.restart()
        onEditingFinished: { pause.stop(); editor.commit() }
    }
    TextArea {
        id: area
        objectName: "textarea_" + editor.question.id
        visible: editor.question.multiline
        width: parent.width
        height: visible ? Math.max(96, implicitHeight) : 0
        enabled: editor.editable
        wrapMode: TextEdit.Wrap
        text: typeof editor.value === "string" ? editor.value : ""
        onTextChanged: if (activeFocus) pause.restart()
        onEditingFinished: { pause.stop(); editor.commit() }
    }
    Timer {
        id: pause
        interval: 600
        onTriggered: editor.commit()
    }
}
