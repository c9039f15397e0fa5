import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// One problem of the rectification ledger: what was found, where and by whom, its photos
// before and after, its history, and the steps this account may take now — a fix or a
// re-check with photos and the tablet's position (inspector); assigning with a deadline,
// 销号, sending back or publishing (supervisor). Each step is stored at once and goes with
// the next sync; a step the ledger's rules refuse says why.
Page {
    id: page
    objectName: "problemPage"

    readonly property problemDetail detail: Ledger.current
    readonly property var actions: detail.actions
    function can(action) { return page.actions.indexOf(action) >= 0 }
    property string photoError: ""

    signal closed()

    background: Rectangle { color: Theme.background }

    header: ToolBar {
        implicitHeight: 64
        background: Rectangle { color: Theme.surface; border.color: Theme.divider }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            ToolButton {
                objectName: "problemBack"
                text: qsTr("‹ 返回")
                implicitHeight: Theme.touchTarget
                font.pixelSize: Theme.fontBody
                onClicked: page.closed()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    text: page.detail.line.description
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    text: page.detail.line.categoryText + " · " + page.detail.line.villageName
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
            }
            QsChip {
                objectName: "problemState"
                text: page.detail.line.stateText
                tint: page.detail.line.state === 4 ? Theme.accent : Theme.primary
            }
        }
    }

    // A strip of photos by SHA-256 (those on this device; the others are on their way).
    component PhotoStrip: Flow {
        id: strip
        property var photos: []
        property var ticked: null // an object sha -> bool, when photos may be ticked
        spacing: 8
        Repeater {
            model: strip.photos
            delegate: Item {
                required property string modelData
                width: 120
                height: 120
                Image {
                    objectName: "problemPhoto_" + modelData
                    anchors.fill: parent
                    fillMode: Image.PreserveAspectCrop
                    asynchronous: true
                    sourceSize.width: 240
                    // Read again when the problem changes (a photo arrived by sync).
                    source: page.detail.valid ? Ledger.thumbnailUrl(modelData) : ""
                }
                Label {
                    anchors.centerIn: parent
                    visible: Ledger.thumbnailUrl(modelData) === ""
                    text: qsTr("照片未到")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
                CheckBox {
                    objectName: "tick_" + modelData
                    visible: strip.ticked !== null
                    anchors.top: parent.top
                    anchors.left: parent.left
                    onToggled: strip.ticked[modelData] = checked
                }
            }
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: scroll.availableWidth - 2 * Theme.spacing
            x: Theme.spacing
            spacing: Theme.spacing

            Flow {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                spacing: 6
                QsChip { text: qsTr("严重程度：%1").arg(page.detail.line.severityText); tint: Theme.warning }
                QsChip { text: qsTr("责任单位：%1").arg(page.detail.line.responsibleText) }
                QsChip {
                    objectName: "problemDeadlineChip"
                    visible: page.detail.line.deadlineText !== ""
                    text: page.detail.line.deadlineText
                    tint: page.detail.line.overdue ? Theme.danger : Theme.accent
                }
                QsChip {
                    objectName: "problemWayChip"
                    visible: Ledger.wayToCurrent !== ""
                    text: qsTr("➤ %1").arg(Ledger.wayToCurrent)
                }
            }
            Label {
                text: page.detail.raisedText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
            }

            Label { text: qsTr("整改前"); font.bold: true; visible: page.detail.beforePhotos.length > 0 }
            PhotoStrip { Layout.fillWidth: true; photos: page.detail.beforePhotos }
            Label { text: qsTr("整改后"); font.bold: true; visible: page.detail.afterPhotos.length > 0 }
            PhotoStrip { Layout.fillWidth: true; photos: page.detail.afterPhotos }

            // The responsible side: the work started, then the fix with photos and position.
            Frame {
                objectName: "fixPanel"
                Layout.fillWidth: true
                visible: page.can("report_fix")
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacing
                    Label { text: qsTr("整改情况"); font.pixelSize: Theme.fontTitle; color: Theme.primaryDark }
                    TextArea {
                        id: fixComment
                        objectName: "fixComment"
                        Layout.fillWidth: true
                        wrapMode: TextEdit.Wrap
                        placeholderText: qsTr("做了什么，谁做的")
                    }
                    PhotoStrip { Layout.fillWidth: true; photos: Ledger.evidencePhotos }
                    RowLayout {
                        spacing: Theme.spacing
                        Button {
                            objectName: "evidenceCamera"
                            implicitHeight: Theme.touchTarget
                            enabled: page.can("report_fix") && CameraControl.available
                            highlighted: enabled
                            text: qsTr("拍照")
                            onClicked: cameraLoader.active = true
                        }
                        Button {
                            objectName: "evidenceImport"
                            text: qsTr("从文件导入")
                            implicitHeight: Theme.touchTarget
                            onClicked: fileDialog.open()
                        }
                        // Only a tablet has a GPS (the supervisor's face builds none).
                        Loader {
                            active: page.can("report_fix")
                            sourceComponent: QsGpsChip { position: Position }
                        }
                    }
                    Label {
                        objectName: "evidenceError"
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: page.photoError
                        color: Theme.danger
                        wrapMode: Text.WordWrap
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Button {
                            objectName: "progressButton"
                            visible: page.can("progress") && page.detail.line.state !== 2
                            text: qsTr("开始整改")
                            implicitHeight: Theme.touchTarget
                            onClicked: if (Ledger.reportProgress(fixComment.text)) fixComment.text = ""
                        }
                        Button {
                            objectName: "reportFixButton"
                            text: qsTr("报告整改完成")
                            highlighted: true
                            implicitHeight: Theme.touchTarget
                            onClicked: if (Ledger.reportFix(fixComment.text)) fixComment.text = ""
                        }
                    }
                }
            }

            // A re-check visit: on site (within the radius of where it was found) or why not.
            Frame {
                id: recheckPanel
                objectName: "recheckPanel"
                Layout.fillWidth: true
                visible: page.can("recheck")
                readonly property bool offSite: Ledger.distanceToCurrent < 0
                                                || Ledger.distanceToCurrent > Ledger.recheckRadiusM
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacing
                    Label { text: qsTr("复查"); font.pixelSize: Theme.fontTitle; color: Theme.primaryDark }
                    Label {
                        objectName: "recheckDistance"
                        Layout.fillWidth: true
                        text: Ledger.distanceToCurrent < 0
                              ? qsTr("没有定位，无法确认是否在现场")
                              : qsTr("距问题位置 %1 米（%2 米内为现场复查）")
                                    .arg(Math.round(Ledger.distanceToCurrent)).arg(Ledger.recheckRadiusM)
                        color: recheckPanel.offSite ? Theme.warning : Theme.accent
                        wrapMode: Text.WordWrap
                    }
                    TextField {
                        id: offSiteReason
                        objectName: "offSiteReason"
                        Layout.fillWidth: true
                        visible: recheckPanel.offSite
                        placeholderText: qsTr("不在现场复查的原因（必填）")
                    }
                    TextArea {
                        id: recheckComment
                        objectName: "recheckComment"
                        Layout.fillWidth: true
                        wrapMode: TextEdit.Wrap
                        placeholderText: qsTr("复查意见")
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Button {
                            objectName: "recheckPassButton"
                            text: qsTr("复查通过")
                            highlighted: true
                            implicitHeight: Theme.touchTarget
                            onClicked: Ledger.recheck(true, recheckComment.text, offSiteReason.text)
                        }
                        Button {
                            objectName: "recheckFailButton"
                            text: qsTr("复查未通过")
                            implicitHeight: Theme.touchTarget
                            onClicked: Ledger.recheck(false, recheckComment.text, offSiteReason.text)
                        }
                    }
                }
            }

            // The supervisor: who fixes it by when.
            Frame {
                objectName: "assignPanel"
                Layout.fillWidth: true
                visible: page.can("assign")
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacing
                    Label { text: qsTr("交办"); font.pixelSize: Theme.fontTitle; color: Theme.primaryDark }
                    ComboBox {
                        id: unitKind
                        objectName: "assignKind"
                        Layout.fillWidth: true
                        model: [qsTr("乡镇人民政府"), qsTr("村民委员会"), qsTr("职能部门")]
                    }
                    TextField {
                        id: unitName
                        objectName: "assignName"
                        Layout.fillWidth: true
                        placeholderText: unitKind.currentIndex === 2 ? qsTr("部门名称（必填），如 生态环境分局")
                                                                     : qsTr("责任单位名称（可不填）")
                    }
                    TextField {
                        id: deadline
                        objectName: "assignDeadline"
                        Layout.fillWidth: true
                        placeholderText: qsTr("整改期限，如 2027-01-15")
                    }
                    Button {
                        objectName: "assignButton"
                        text: qsTr("交办")
                        highlighted: true
                        implicitHeight: Theme.touchTarget
                        // A township or village committee is the problem's own (its code
                        // is filled in by the ledger); a department is named.
                        onClicked: Ledger.assign(unitKind.currentIndex + 1, "", unitName.text,
                                                 deadline.text)
                    }
                }
            }

            // The supervisor: 销号 after a passed re-check, or back for rework.
            Frame {
                objectName: "closePanel"
                Layout.fillWidth: true
                visible: page.can("close") || page.can("return")
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacing
                    TextArea {
                        id: decisionComment
                        objectName: "closeComment"
                        Layout.fillWidth: true
                        wrapMode: TextEdit.Wrap
                        placeholderText: qsTr("意见（退回时必填）")
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Button {
                            objectName: "closeButton"
                            visible: page.can("close")
                            text: qsTr("销号")
                            highlighted: true
                            implicitHeight: Theme.touchTarget
                            onClicked: Ledger.close(decisionComment.text)
                        }
                        Button {
                            objectName: "sendBackButton"
                            visible: page.can("return")
                            text: qsTr("退回重改")
                            implicitHeight: Theme.touchTarget
                            onClicked: Ledger.sendBack(decisionComment.text)
                        }
                    }
                }
            }

            // The supervisor: the before/after pair the exhibition screens may show.
            Frame {
                objectName: "publishProblemPanel"
                Layout.fillWidth: true
                visible: page.can("publish")
                ColumnLayout {
                    id: publishColumn
                    width: parent.width
                    spacing: Theme.spacing
                    Label {
                        text: qsTr("公开整改前后对比（展示屏只显示勾选的照片，去除文字说明和坐标）")
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    property var before: ({})
                    property var after: ({})
                    PhotoStrip { Layout.fillWidth: true; photos: page.detail.beforePhotos; ticked: publishColumn.before }
                    PhotoStrip { Layout.fillWidth: true; photos: page.detail.afterPhotos; ticked: publishColumn.after }
                    Button {
                        objectName: "publishProblemButton"
                        text: qsTr("公开")
                        implicitHeight: Theme.touchTarget
                        onClicked: {
                            var pick = o => Object.keys(o).filter(k => o[k])
                            Ledger.publish(pick(publishColumn.before), pick(publishColumn.after))
                        }
                    }
                }
            }

            Label {
                objectName: "ledgerError"
                Layout.fillWidth: true
                visible: text !== ""
                text: Ledger.lastError
                color: Theme.danger
                wrapMode: Text.WordWrap
            }

            Label { text: qsTr("处理记录"); font.pixelSize: Theme.fontTitle; color: Theme.primaryDark }
            Repeater {
                model: page.detail.history
                delegate: ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: modelData.actionText + " · " + modelData.author + " · " + modelData.whenText
                              + (modelData.pending ? qsTr(" · 待同步") : "")
                        font.bold: true
                        color: modelData.conflicted ? Theme.danger : Theme.textPrimary
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: modelData.comment
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: modelData.detail
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                    }
                }
            }
            Item { Layout.preferredHeight: Theme.spacing }
        }
    }

    // The viewfinder exists only while taking photos: no camera is opened otherwise.
    Loader {
        id: cameraLoader
        active: false
        sourceComponent: CameraDialog {
            questionId: "ledger.evidence" // CameraController::kLedgerEvidence
            onClosed: cameraLoader.active = false
            Component.onCompleted: open()
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("选择照片")
        nameFilters: [qsTr("图片 (*.jpg *.jpeg *.png *.heic *.webp)")]
        onAccepted: page.photoError = Ledger.addEvidencePhotoFromFile(selectedFile.toString())
    }
}
