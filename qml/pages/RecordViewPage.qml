import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// One record as the supervisor reviews it: every answer under its template's label, the
// photos (full screen on a tap, with the caption stamped into them), the GPS point and the
// record's history. Open it with Services.recordView.open(id) before pushing it.
Page {
    id: page
    objectName: "recordViewPage"

    readonly property RecordViewController view: Services.recordView

    signal closed()

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

            // Reserved for the review decisions (ReviewController): nothing here until then.
            RowLayout {
                id: actions
                objectName: "recordViewActions"
                Layout.fillWidth: true
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
                            visible: answer.modelData.gps !== undefined && answer.modelData.gps.overrideReason !== ""
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
                                delegate: Image {
                                    required property var modelData
                                    objectName: "photo_" + modelData.sha256
                                    width: 160
                                    height: 120
                                    fillMode: Image.PreserveAspectCrop
                                    asynchronous: true
                                    sourceSize.width: 320
                                    source: modelData.url
                                    TapHandler { onTapped: photoViewer.show(parent.modelData.url) }
                                }
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: (answer.modelData.missingPhotos || 0) > 0
                            text: qsTr("%1 张照片尚未下载到本机").arg(answer.modelData.missingPhotos || 0)
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
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
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: {
                        var lines = [modelData.at + " · " + modelData.reviewer + " · " + modelData.decision]
                        if (modelData.comment !== "")
                            lines.push(modelData.comment)
                        for (var i = 0; i < modelData.questionComments.length; ++i)
                            lines.push(modelData.questionComments[i].label + "：" + modelData.questionComments[i].comment)
                        return lines.join("\n")
                    }
                }
            }
        }
    }

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
}
