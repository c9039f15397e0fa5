import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// A GPS point: shows the live fix, captures by averaging fixes that pass the template's
// accuracy gate, and lets a poor fix through only with a stated reason. The fix taken shows
// on a small map (the basemap the form page passes), with its accuracy circle.
QsEditorBase {
    id: editor

    property basemapInfo basemap

    readonly property GpsCapture gps: Gps
    readonly property FormController form: Form
    property bool capturing: false   // this question started the running capture

    function describe(point) {
        var text = Math.abs(point.lat).toFixed(5) + "°" + (point.lat >= 0 ? "N" : "S") + "  "
                 + Math.abs(point.lon).toFixed(5) + "°" + (point.lon >= 0 ? "E" : "W")
        if (point.accuracy_m !== undefined && point.accuracy_m !== null)
            text += "  ±" + point.accuracy_m.toFixed(1) + qsTr(" 米")
        text += qsTr("  · %1 次平均").arg(point.fixes_averaged)
        return text
    }

    function progressText() {
        switch (gps.state) {
        case GpsCapture.WaitingForFix:
            return qsTr("等待卫星信号…")
        case GpsCapture.Averaging:
            return qsTr("平均中 %1 / %2（±%3 米）").arg(gps.fixesCollected).arg(gps.fixesToAverage)
                   .arg(isNaN(gps.liveAccuracyM) ? "?" : gps.liveAccuracyM.toFixed(1))
        case GpsCapture.Blocked:
            return isNaN(gps.liveAccuracyM)
                   ? qsTr("精度未知，不能采集（要求 ≤ %1 米）").arg(gps.thresholdM)
                   : qsTr("精度不足：±%1 米，要求 ≤ %2 米").arg(gps.liveAccuracyM.toFixed(0)).arg(gps.thresholdM)
        case GpsCapture.Lost:
            return qsTr("信号丢失，等待恢复…")
        default:
            return ""
        }
    }

    readonly property bool hasPoint: value !== undefined && value !== null
                                     && value.lat !== undefined && value.lon !== undefined
    function showPoint() {
        if (hasPoint && fixMap.width > 0)
            fixMap.centerOn(value.lon, value.lat, 16)
    }
    onValueChanged: showPoint()

    Connections {
        target: editor.gps
        enabled: editor.capturing
        function onCaptured() {
            editor.capturing = false
            editor.form.answerWithCapturedPoint(editor.question.id)
        }
    }

    ColumnLayout {
        width: parent.width
        spacing: 6

        Label {
            objectName: "gpsValue_" + editor.question.id
            Layout.fillWidth: true
            visible: editor.value !== undefined
            text: editor.value !== undefined ? editor.describe(editor.value) : ""
            font.pixelSize: Theme.fontBody
            color: Theme.textPrimary
            wrapMode: Text.WordWrap
        }
        // Where the fix is: still (the form scrolls under the finger), centred on it.
        QsMapView {
            id: fixMap
            objectName: "gpsMap_" + editor.question.id
            Layout.fillWidth: true
            Layout.preferredHeight: 200
            visible: editor.hasPoint
            clip: true
            basemap: editor.basemap
            interactive: false
            positionValid: editor.hasPoint
            positionLon: editor.hasPoint ? editor.value.lon : 0
            positionLat: editor.hasPoint ? editor.value.lat : 0
            positionAccuracyM: editor.hasPoint && editor.value.accuracy_m !== undefined
                               && editor.value.accuracy_m !== null ? editor.value.accuracy_m : NaN
            onWidthChanged: editor.showPoint()
            onVisibleChanged: editor.showPoint()
        }
        Label {
            Layout.fillWidth: true
            visible: editor.value !== undefined && !!editor.value.override_reason
            text: editor.value !== undefined && editor.value.override_reason
                  ? qsTr("精度不足仍采用，原因：%1").arg(editor.value.override_reason) : ""
            color: Theme.warning
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }
        Label {
            objectName: "gpsProgress_" + editor.question.id
            Layout.fillWidth: true
            visible: editor.capturing
            text: editor.progressText()
            color: editor.gps.state === GpsCapture.Blocked ? Theme.danger : Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }
        ProgressBar {
            Layout.fillWidth: true
            visible: editor.capturing && editor.gps.state === GpsCapture.Averaging
            from: 0
            to: editor.gps.fixesToAverage
            value: editor.gps.fixesCollected
        }
        RowLayout {
            spacing: Theme.spacing
            Button {
                objectName: "gpsCapture_" + editor.question.id
                visible: editor.editable && !editor.capturing
                implicitHeight: Theme.touchTarget
                text: editor.value === undefined ? qsTr("采集位置") : qsTr("重新采集")
                highlighted: editor.value === undefined
                onClicked: {
                    editor.capturing = true
                    editor.gps.start(editor.form.gpsAccuracyM, editor.form.gpsAveragingFixes)
                }
            }
            Button {
                objectName: "gpsOverride_" + editor.question.id
                visible: editor.capturing && editor.gps.canOverride
                         && editor.gps.state !== GpsCapture.Averaging
                implicitHeight: Theme.touchTarget
                text: qsTr("仍然使用当前位置…")
                onClicked: overrideDialog.open()
            }
            Button {
                visible: editor.capturing
                implicitHeight: Theme.touchTarget
                flat: true
                text: qsTr("取消")
                onClicked: { editor.capturing = false; editor.gps.cancel() }
            }
        }
    }

    Dialog {
        id: overrideDialog
        objectName: "gpsOverrideDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 520)
        modal: true
        title: qsTr("精度不足，仍然使用？")
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                text: qsTr("请说明原因（例如：山谷中信号弱、已多次尝试）。原因会随记录一起保存。")
                wrapMode: Text.WordWrap
            }
            TextField {
                id: reasonField
                objectName: "gpsOverrideReason"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("原因")
            }
        }
        footer: DialogButtonBox {
            Button { text: qsTr("取消"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button {
                objectName: "gpsOverrideConfirm"
                text: qsTr("使用")
                enabled: reasonField.text.trim() !== ""
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: {
            if (editor.gps.captureWithOverride(reasonField.text.trim()))
                reasonField.text = ""
        }
    }
}
