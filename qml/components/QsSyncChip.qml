import QtQuick
import QtQuick.Controls
import Qingshui.Backend
import Qingshui.Ui

// Where sync stands, always visible: what waits (records and photo bytes), the last success
// or the last error, when the next attempt is due, and during a sync how far it has got
// (records, and photo bytes when there are any to send).
QsChip {
    id: chip
    objectName: "syncChip"
    required property SyncEngine engine
    // The last error in the user's words (App.syncErrorText of the engine's code).
    required property string errorText
    readonly property bool syncing: engine.state === SyncEngine.Syncing

    function bytesText(bytes) {
        if (bytes < 1024 * 1024)
            return qsTr("%1 KB").arg(Math.max(1, Math.round(bytes / 1024)))
        return qsTr("%1 MB").arg((bytes / (1024 * 1024)).toFixed(1))
    }

    readonly property string pendingText: {
        var parts = []
        if (engine.pendingCount > 0)
            parts.push(qsTr("待同步 %1 条").arg(engine.pendingCount))
        if (engine.pendingPhotoBytes > 0)
            parts.push(qsTr("照片 %1").arg(bytesText(engine.pendingPhotoBytes)))
        return parts.join(" · ")
    }
    readonly property string retryText: isNaN(engine.nextAttempt.getTime()) ? ""
        : qsTr("%1 重试").arg(Qt.formatTime(engine.nextAttempt, "HH:mm"))

    function joined(parts) {
        return parts.filter(function(p) { return p !== "" }).join(" · ")
    }

    tint: engine.state === SyncEngine.Error ? Theme.danger
        : engine.pendingCount > 0 || engine.pendingPhotoBytes > 0
          || engine.state === SyncEngine.Offline ? Theme.warning
        : Theme.accent
    text: {
        if (syncing) {
            if (engine.stage === SyncEngine.Pushing && engine.recordsTotal > 0)
                return qsTr("同步中 · 上传 %1/%2 条").arg(engine.recordsDone).arg(engine.recordsTotal)
            if (engine.stage === SyncEngine.Pulling)
                return qsTr("同步中 · 已接收 %1 条").arg(engine.recordsDone)
            if (engine.stage === SyncEngine.SendingPhotos)
                return qsTr("同步中 · 照片 %1/%2").arg(bytesText(engine.bytesDone))
                                                 .arg(bytesText(engine.bytesTotal))
            return qsTr("同步中…")
        }
        if (engine.state === SyncEngine.Error)
            return joined([qsTr("同步失败：%1").arg(errorText), retryText])
        if (engine.state === SyncEngine.Offline)
            return joined([qsTr("离线"), pendingText, retryText])
        if (isNaN(engine.lastSuccess.getTime()))
            return pendingText !== "" ? pendingText : qsTr("尚未同步")
        return joined([pendingText, qsTr("已同步 %1").arg(Qt.formatTime(engine.lastSuccess, "HH:mm"))])
    }

    // Records pushed of those queued (a pull does not know its total: it just moves).
    ProgressBar {
        objectName: "syncRecordsProgress"
        visible: chip.syncing
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.leftMargin: chip.radius
        anchors.rightMargin: chip.radius
        anchors.bottomMargin: 2
        height: 3
        indeterminate: chip.engine.recordsTotal <= 0
        value: chip.engine.recordsTotal > 0 ? chip.engine.recordsDone / chip.engine.recordsTotal : 0
    }
    // Photo bytes sent of those the server needs, while there are any.
    ProgressBar {
        objectName: "syncBytesProgress"
        visible: chip.syncing && chip.engine.bytesTotal > 0
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.leftMargin: chip.radius
        anchors.rightMargin: chip.radius
        anchors.topMargin: 2
        height: 3
        value: chip.engine.bytesTotal > 0 ? chip.engine.bytesDone / chip.engine.bytesTotal : 0
    }
}
