import QtQuick
import QtQuick.Controls
import Qingshui.Backend
import Qingshui.Ui

// Where sync stands, always visible: pending count, last success or the last error.
QsChip {
    readonly property SyncEngine engine: Services.sync

    tint: engine.state === SyncEngine.Error ? Theme.danger
        : engine.pendingCount > 0 || engine.state === SyncEngine.Offline ? Theme.warning
        : Theme.accent
    text: {
        if (engine.state === SyncEngine.Syncing)
            return qsTr("同步中…")
        if (engine.state === SyncEngine.Error)
            return qsTr("同步失败：%1").arg(engine.lastError)
        var pending = engine.pendingCount > 0 ? qsTr("待同步 %1 条").arg(engine.pendingCount) : ""
        if (engine.state === SyncEngine.Offline)
            return pending !== "" ? qsTr("离线 · %1").arg(pending) : qsTr("离线")
        if (isNaN(engine.lastSuccess.getTime()))
            return pending !== "" ? pending : qsTr("尚未同步")
        var when = qsTr("已同步 %1").arg(Qt.formatTime(engine.lastSuccess, "HH:mm"))
        return pending !== "" ? pending + " · " + when : when
    }
}
