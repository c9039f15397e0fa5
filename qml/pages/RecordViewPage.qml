import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// One record as the supervisor reviews it: every answer under its template's label, the
// photos (full screen on a tap, with the caption stamped into them), the GPS point and the
// record's history. Open it with RecordView.open(id) before pushing it.
Page {
    id: page
    objectName: "recordViewPage"

    readonly property RecordViewController view: RecordView
    // RecordStatus of the record as it is now (Submitted 2, Returned 3, Approved 4, Rejected 5).
    property int status: 0
    // diffAgainstReturned: non-empty for a record resubmitted after a return.
    property var diff: ({})
    // [{sha256, url}]: every photo of the current revision, for publishing.
    property var currentPhotos: []
    readonly property bool canDecide: status === 2 || status === 3

    signal closed()

    // The record this page opened with: its photos are released when the page goes.
    property string openedId: ""
    // The file URL of a photo as soon as it is on this device ("" until then).
    function photoUrl(sha) {
        var state = view.photoStates[sha]
        return state !== undefined ? state.url : view.photoUrl(sha)
    }

    // Reads what the record view does not carry: status, diff and photos of this revision.
    function refresh() {
        var id = view.recordId
        var revisions = id !== "" ? Review.revisions(id) : []
        var current = revisions.length > 0 ? revisions[revisions.length - 1] : null
        status = current ? current.status : 0
        diff = id !== "" ? Review.diffAgainstReturned(id) : ({})
        // The diff's photos (the returned revision's too) are fetched with the record's.
        var diffPhotos = []
        var changed = diff.photos || []
        for (var k = 0; k < changed.length; ++k)
            diffPhotos = diffPhotos.concat(changed[k].added, changed[k].removed)
        if (diffPhotos.length > 0)
            view.fetchPhotos(diffPhotos)
        var photos = []
        for (var i = 0; i < view.answers.length; ++i) {
            var a = view.answers[i]
            var stored = current ? current.answers[a.id] : undefined
            if (a.type !== "photos" || !Array.isArray(stored))
                continue
            for (var j = 0; j < stored.length; ++j)
                photos.push({ "sha256": stored[j], "url": view.photoUrl(stored[j]) })
        }
        currentPhotos = photos
    }

    Connections {
        target: page.view
        function onChanged() { page.refresh() }
    }
    Component.onCompleted: {
        openedId = view.recordId
        refresh()
    }
    Component.onDestruction: view.release(openedId)

    background: Rectangle { color: Theme.background }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                objectName: "recordViewBack"
                text: qsTr("‹ 返回")
                font.pixelSize: Theme.fontBody
                onClicked: page.closed()
            }
            Label {
                Layout.fillWidth: true
                text: page.view.title
                font.pixelSize: Theme.fontTitle
                elide: Text.ElideRight
            }
            QsChip {
                objectName: "recordViewStatus"
                Layout.rightMargin: Theme.spacing
                visible: page.view.statusText !== ""
                text: page.view.statusText
                solid: true
                tint: page.status === 4 ? Theme.accent
                    : page.status === 3 || page.status === 5 ? Theme.danger : Theme.primary
            }
        }
    }

    // While returning, the confirmation stays in reach of the comments under the answers.
    footer: ToolBar {
        visible: decisionBar.visible && decisionBar.mode === "return"
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: qsTr("写好退回意见后确认；每个回答下都可以单独写意见。")
                color: "white"
                font.pixelSize: Theme.fontBody
                elide: Text.ElideRight
            }
            QsBigButton {
                objectName: "confirmReturnFooter"
                text: qsTr("确认退回")
                tint: Theme.warning
                highlighted: true
                onClicked: decisionBar.confirmReturn()
            }
        }
    }

    Flickable {
        id: flick
        objectName: "recordViewFlick"
        anchors.fill: parent
        contentHeight: body.implicitHeight + 2 * Theme.spacing
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: body
            x: Theme.spacing
            y: Theme.spacing
            width: flick.width - 2 * Theme.spacing
            spacing: Theme.spacing

            Label {
                objectName: "recordViewPlace"
                Layout.fillWidth: true
                text: page.view.place
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "recordViewMeta"
                Layout.fillWidth: true
                text: qsTr("%1 · 巡查员 %2 · 更新于 %3 · 模板第 %4 版")
                      .arg(page.view.statusText)
                      .arg(page.view.author !== "" ? page.view.author : qsTr("（未知）"))
                      .arg(page.view.updatedAt)
                      .arg(page.view.templateVersion)
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "recordViewError"
                Layout.fillWidth: true
                visible: text !== ""
                text: page.view.error
                color: Theme.danger
                wrapMode: Text.Wrap
            }

            // What a reviewer should know before trusting the record: photos not all here,
            // a concurrent edit it overwrote, GPS and clock flags.
            Label {
                objectName: "recordViewPhotos"
                Layout.fillWidth: true
                visible: page.view.photosIncomplete
                text: qsTr("%1 · 通过或发布前须确认").arg(page.view.photosText)
                color: Theme.warning
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
            }
            QsConflictBanner {
                Layout.fillWidth: true
                view: page.view
                review: Review
                onOpenRevision: revisionPopup.show(page.view.recordId, page.view.conflictWith)
            }
            Repeater {
                objectName: "recordViewFlags"
                model: page.view.flags
                delegate: Label {
                    required property var modelData
                    objectName: "flag_" + modelData.kind
                    Layout.fillWidth: true
                    text: "⚑ " + modelData.text
                    color: Theme.warning
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                }
            }

            // The supervisor's decisions, or publishing once the record is approved.
            ColumnLayout {
                id: actions
                objectName: "recordViewActions"
                Layout.fillWidth: true
                spacing: Theme.spacing
                QsDecisionBar {
                    id: decisionBar
                    Layout.fillWidth: true
                    visible: page.canDecide
                    review: Review
                    recordId: page.view.recordId
                    onDecided: page.view.open(page.view.recordId)
                }
                Label {
                    Layout.fillWidth: true
                    visible: page.status === 4
                    text: qsTr("发布到展示屏")
                    font.pixelSize: Theme.fontTitle
                }
                QsPublishPanel {
                    Layout.fillWidth: true
                    visible: page.status === 4
                    review: Review
                    recordId: page.view.recordId
                    photos: page.currentPhotos
                    photoUrl: function(sha) { return page.photoUrl(sha) }
                }
            }

            QsRevisionDiff {
                Layout.fillWidth: true
                visible: page.diff.valid === true
                diff: page.diff
                photoUrl: function(sha) { return page.photoUrl(sha) }
            }

            Repeater {
                objectName: "recordViewAnswers"
                model: page.view.answers
                delegate: Rectangle {
                    id: answer
                    required property var modelData
                    required property int index
                    objectName: "answer_" + modelData.id
                    Layout.fillWidth: true
                    implicitHeight: answerColumn.implicitHeight + 2 * Theme.spacing
                    color: Theme.surface
                    radius: Theme.radius
                    border.color: Theme.divider

                    ColumnLayout {
                        id: answerColumn
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        spacing: 6
                        Label {
                            Layout.fillWidth: true
                            visible: answer.modelData.section !== ""
                                     && (answer.index === 0
                                         || page.view.answers[answer.index - 1].section !== answer.modelData.section)
                            text: answer.modelData.section
                            color: Theme.primary
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                        }
                        Label {
                            objectName: "answerLabel"
                            Layout.fillWidth: true
                            text: answer.modelData.label
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.Wrap
                        }
                        Label {
                            objectName: "answerText"
                            Layout.fillWidth: true
                            text: answer.modelData.text
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.Wrap
                        }
                        Label {
                            objectName: "answerOverride"
                            Layout.fillWidth: true
                            visible: answer.modelData.hasGps && answer.modelData.gps.overrideReason !== ""
                            text: visible ? qsTr("精度未达标，巡查员说明：%1").arg(answer.modelData.gps.overrideReason) : ""
                            color: Theme.warning
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.Wrap
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 6
                            visible: answer.modelData.photos !== undefined
                            Repeater {
                                model: answer.modelData.photos !== undefined ? answer.modelData.photos : []
                                // Not here yet: fetched at once, shown the moment it is complete.
                                delegate: QsPhotoTile {
                                    required property var modelData
                                    sha: modelData.sha256
                                    info: page.view.photoStates[modelData.sha256] !== undefined
                                          ? page.view.photoStates[modelData.sha256]
                                          : { "url": modelData.url, "state": modelData.url !== "" ? "here" : "waiting" }
                                    onTapped: (url) => photoViewer.show(url)
                                    onRetry: page.view.retryPhoto(sha)
                                }
                            }
                        }
                        // A problem found in this answer goes into the rectification ledger.
                        Button {
                            objectName: "raiseProblem_" + answer.modelData.id
                            Layout.alignment: Qt.AlignRight
                            text: qsTr("发现问题")
                            flat: true
                            font.pixelSize: Theme.fontSmall
                            onClicked: raiseDialog.openFor(answer.modelData.id,
                                                           answer.modelData.label + "：" + answer.modelData.text)
                        }
                        // Return mode: what the inspector should change in this answer.
                        TextField {
                            objectName: "questionComment"
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.touchTarget
                            visible: decisionBar.visible && decisionBar.mode === "return"
                            placeholderText: qsTr("对这一项的退回意见（可选）")
                            font.pixelSize: Theme.fontBody
                            onTextChanged: decisionBar.questionComments[answer.modelData.id] = text
                        }
                    }
                }
            }

            Label {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                text: qsTr("审核记录")
                font.pixelSize: Theme.fontTitle
            }
            Label {
                objectName: "historyEmpty"
                visible: page.view.history.length === 0
                text: qsTr("尚无审核记录")
                color: Theme.textSecondary
            }
            Repeater {
                objectName: "recordViewHistory"
                model: page.view.history
                delegate: Label {
                    required property var modelData
                    objectName: "historyEntry"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: {
                        var who = modelData.reviewer !== "" ? modelData.reviewer : qsTr("本机（待同步）")
                        var lines = [modelData.at + " · " + who + " · " + modelData.decision]
                        if (modelData.photosConfirmation !== "")
                            lines.push(modelData.photosConfirmation)
                        if (modelData.comment !== "")
                            lines.push(modelData.comment)
                        for (var i = 0; i < modelData.questionComments.length; ++i)
                            lines.push(qsTr("%1：%2").arg(modelData.questionComments[i].label)
                                                         .arg(modelData.questionComments[i].comment))
                        return lines.join("\n")
                    }
                }
            }
        }
    }

    QsRevisionPopup { id: revisionPopup; view: RevisionView }

    // A photo over the whole window, its stamped caption (time, coordinates, village) included.
    Popup {
        id: photoViewer
        objectName: "photoViewer"
        parent: Overlay.overlay
        x: 0
        y: 0
        width: parent ? parent.width : 0
        height: parent ? parent.height : 0
        modal: true
        padding: 0
        property string url: ""
        function show(u) {
            url = u
            open()
        }
        background: Rectangle { color: "black" }
        Image {
            objectName: "photoViewerImage"
            anchors.fill: parent
            fillMode: Image.PreserveAspectFit
            source: photoViewer.url
            asynchronous: true
        }
        TapHandler { onTapped: photoViewer.close() }
    }

    QsRaiseProblemDialog {
        id: raiseDialog
        onRaise: (questionId, description, severity) => {
            if (!Ledger.raiseOnRecord(page.view.recordId, questionId, description, severity)) {
                raiseDialog.error = Ledger.lastError
                raiseDialog.open()
            }
        }
    }
}
