import QtQuick
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// Picks the editor for a question's type and wires it to the form; hidden while the
// question is not relevant.
Loader {
    id: loader
    required property var modelData
    required property FormController form
    // What the GPS question's small map draws under its fix.
    property basemapInfo basemap

    readonly property var question: modelData
    // The inspector asks to raise a problem on this question (the page opens the dialog).
    signal raiseRequested(string questionId, string failingText)
    visible: form.relevant[question.id] !== false
    active: visible
    objectName: "question_" + question.id

    sourceComponent: {
        switch (question.type) {
        case "yesno": return yesNo
        case "number": return number
        case "single": return single
        case "multi": return multi
        case "gps": return gps
        case "photos": return photos
        default: return text
        }
    }

    Component { id: yesNo; YesNoEditor { question: loader.question; value: loader.form.answers[loader.question.id]; issue: loader.form.issues[loader.question.id] || ""; reviewComment: loader.form.questionComments[loader.question.id] || ""; editable: loader.form.editable; onAnswer: (v) => loader.form.setAnswer(loader.question.id, v) } }
    Component { id: number; NumberEditor { question: loader.question; value: loader.form.answers[loader.question.id]; issue: loader.form.issues[loader.question.id] || ""; reviewComment: loader.form.questionComments[loader.question.id] || ""; editable: loader.form.editable; onAnswer: (v) => loader.form.setAnswer(loader.question.id, v) } }
    Component { id: single; SingleChoiceEditor { question: loader.question; value: loader.form.answers[loader.question.id]; issue: loader.form.issues[loader.question.id] || ""; reviewComment: loader.form.questionComments[loader.question.id] || ""; editable: loader.form.editable; onAnswer: (v) => loader.form.setAnswer(loader.question.id, v) } }
    Component { id: multi; MultiChoiceEditor { question: loader.question; value: loader.form.answers[loader.question.id]; issue: loader.form.issues[loader.question.id] || ""; reviewComment: loader.form.questionComments[loader.question.id] || ""; editable: loader.form.editable; onAnswer: (v) => loader.form.setAnswer(loader.question.id, v) } }
    Component { id: text; TextEditor { question: loader.question; value: loader.form.answers[loader.question.id]; issue: loader.form.issues[loader.question.id] || ""; reviewComment: loader.form.questionComments[loader.question.id] || ""; editable: loader.form.editable; onAnswer: (v) => loader.form.setAnswer(loader.question.id, v) } }
    Component { id: gps; GpsEditor { question: loader.question; value: loader.form.answers[loader.question.id]; issue: loader.form.issues[loader.question.id] || ""; reviewComment: loader.form.questionComments[loader.question.id] || ""; editable: loader.form.editable; onAnswer: (v) => loader.form.setAnswer(loader.question.id, v) } }
    Component { id: photos; PhotosEditor { question: loader.question; value: loader.form.answers[loader.question.id]; issue: loader.form.issues[loader.question.id] || ""; reviewComment: loader.form.questionComments[loader.question.id] || ""; editable: loader.form.editable; onAnswer: (v) => loader.form.setAnswer(loader.question.id, v) } }

    Binding {
        when: loader.item !== null && loader.question.type === "gps"
        target: loader.item
        property: "basemap"
        value: loader.basemap
    }

    // The ledger's marks, the same for every editor.
    Binding {
        when: loader.item !== null
        target: loader.item
        property: "failingText"
        value: loader.form.failing[loader.question.id] || ""
    }
    Binding {
        when: loader.item !== null
        target: loader.item
        property: "problemRaised"
        value: loader.form.raised[loader.question.id] === true
    }
    Connections {
        target: loader.item
        ignoreUnknownSignals: true
        function onRaiseRequested() {
            loader.raiseRequested(loader.question.id, loader.form.failing[loader.question.id] || "")
        }
    }
}
