import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Ui

// A number with its unit; stored while typing (after a short pause) and when leaving the field.
QsEditorBase {
    id: editor

    function commit() {
        var text = field.text.trim()
        if (text === "") {
            editor.answer(undefined)
            return
        }
        var n = Number(text)
        // Not a number: keep the text so validation can say what is wrong with it.
        editor.answer(isNaN(n) ? text : n)
    }

    RowLayout {
        width: parent.width
        spacing: Theme.spacing
        TextField {
            id: field
            objectName: "number_" + editor.question.id
            Layout.preferredWidth: 200
            Layout.preferredHeight: Theme.touchTarget
            enabled: editor.editable
            inputMethodHints: editor.question.integer ? Qt.ImhDigitsOnly : Qt.ImhFormattedNumbersOnly
            text: editor.value === undefined ? "" : String(editor.value)
            placeholderText: (editor.question.min !== undefined && editor.question.max !== undefined)
                             ? qsTr("%1 – %2").arg(editor.question.min).arg(editor.question.max) : ""
            onTextEdited: pause.restart()
            onEditingFinished: { pause.stop(); editor.commit() }
        }
        Label {
            text: editor.question.unit
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
        }
    }
    Timer {
        id: pause
        interval: 600
        onTriggered: editor.commit()
    }
}
