import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// 设置: the server and how it is trusted, the account, this device, the basemaps (packages by
// sync, their downloads, metered networks, importing a file), the last successful sync and
// the last sync attempts; logging out and changing server. Neither deletes anything:
// what waits to be sent is counted in the warning and stays queued.
Page {
    id: page
    objectName: "settingsPage"

    readonly property SettingsController settings: Settings
    readonly property int waiting: settings.pendingRecords + settings.pendingDecisions
                                   + settings.pendingPhotos

    signal closed()

    function waitingText() {
        return qsTr("本机还有 %1 条记录、%2 条审核决定、%3 张照片尚未发送。")
            .arg(settings.pendingRecords).arg(settings.pendingDecisions).arg(settings.pendingPhotos)
    }

    Component.onCompleted: settings.pageOpen = true
    Component.onDestruction: settings.pageOpen = false
    background: Rectangle { color: Theme.background }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                objectName: "settingsBack"
                text: qsTr("‹ 返回")
                font.pixelSize: Theme.fontBody
                onClicked: page.closed()
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("设置")
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }
    }

    // A label and its value; the value wraps under itself (a positioner, not a layout: a
    // wrapped text's height follows its width there).
    component Row2: Row {
        property alias label: labelText.text
        property alias value: valueText.text
        property alias valueName: valueText.objectName
        property bool mono: false
        width: parent ? parent.width : 0
        spacing: Theme.spacing
        Label {
            id: labelText
            width: 160
            color: Theme.textSecondary
            font.pixelSize: Theme.fontBody
        }
        Label {
            id: valueText
            width: parent.width - labelText.width - parent.spacing
            wrapMode: Text.WrapAnywhere
            color: Theme.textPrimary
            font.pixelSize: parent.mono ? Theme.fontSmall : Theme.fontBody
            font.family: parent.mono ? "monospace" : labelText.font.family
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 4 * Theme.spacing
        clip: true

        ColumnLayout {
            id: column
            width: Math.min(parent.width - 4 * Theme.spacing, 900)
            x: (parent.width - width) / 2
            y: 2 * Theme.spacing
            spacing: Theme.spacing

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("服务器")
                Column {
                    width: parent.width
                    spacing: Theme.spacing / 2
                    Row2 {
                        label: qsTr("地址")
                        valueName: "settingsServer"
                        value: page.settings.serverAddress !== "" ? page.settings.serverAddress
                                                                  : qsTr("未连接")
                    }
                    Row2 {
                        label: qsTr("连接")
                        valueName: "settingsTls"
                        visible: page.settings.serverAddress !== ""
                        value: page.settings.usesTls ? qsTr("TLS 加密")
                                                     : qsTr("不加密（仅限本机上的测试服务器）")
                    }
                    Row2 {
                        label: qsTr("证书指纹")
                        valueName: "settingsFingerprint"
                        mono: true
                        visible: page.settings.certificateFingerprint !== ""
                        value: page.settings.certificateFingerprint
                    }
                    Label {
                        visible: page.settings.serverOverridden
                        text: qsTr("此地址由命令行 --server 指定（开发和测试用）")
                        color: Theme.warning
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("账号")
                Column {
                    width: parent.width
                    spacing: Theme.spacing / 2
                    Row2 {
                        label: qsTr("用户")
                        valueName: "settingsUser"
                        value: page.settings.username !== "" ? page.settings.username
                                                             : qsTr("未登录")
                    }
                    Row2 {
                        label: qsTr("角色")
                        valueName: "settingsRole"
                        visible: page.settings.roleText !== ""
                        value: page.settings.roleText
                    }
                    Row2 {
                        label: qsTr("辖区代码")
                        visible: page.settings.scopes !== ""
                        value: page.settings.scopes
                    }
                }
            }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("本设备")
                Column {
                    width: parent.width
                    spacing: Theme.spacing / 2
                    Row2 {
                        label: qsTr("设备编号")
                        valueName: "settingsDeviceId"
                        mono: true
                        value: page.settings.deviceId
                    }
                    Row2 {
                        label: qsTr("上次成功同步")
                        valueName: "settingsLastSync"
                        value: isNaN(page.settings.lastSuccess.getTime())
                               ? qsTr("尚未同步")
                               : Qt.formatDateTime(page.settings.lastSuccess, "yyyy-MM-dd HH:mm:ss")
                    }
                    Row2 {
                        label: qsTr("等待发送")
                        valueName: "settingsWaiting"
                        value: qsTr("%1 条记录 · %2 条审核决定 · %3 张照片")
                               .arg(page.settings.pendingRecords)
                               .arg(page.settings.pendingDecisions)
                               .arg(page.settings.pendingPhotos)
                    }
                }
            }

            RowLayout {
                spacing: Theme.spacing
                Button {
                    objectName: "settingsSyncButton"
                    text: qsTr("立即同步")
                    implicitHeight: Theme.touchTarget
                    enabled: page.settings.serverAddress !== ""
                    onClicked: Sync.syncNow()
                }
                Button {
                    objectName: "logOutButton"
                    text: qsTr("退出登录")
                    implicitHeight: Theme.touchTarget
                    enabled: page.settings.username !== ""
                    onClicked: logOutDialog.open()
                }
                Button {
                    objectName: "changeServerButton"
                    text: qsTr("更换服务器")
                    implicitHeight: Theme.touchTarget
                    enabled: page.settings.serverAddress !== "" && !page.settings.serverOverridden
                    onClicked: changeServerDialog.open()
                }
            }
            Label {
                objectName: "settingsError"
                Layout.fillWidth: true
                visible: text !== ""
                text: page.settings.error
                color: Theme.danger
                wrapMode: Text.WordWrap
            }

            GroupBox {
                id: basemapBox
                objectName: "settingsBasemaps"
                Layout.fillWidth: true
                title: qsTr("底图")
                readonly property BasemapController basemaps: Basemaps
                Column {
                    width: parent.width
                    spacing: Theme.spacing / 2
                    Row2 {
                        label: qsTr("地图显示")
                        valueName: "basemapCurrent"
                        value: basemapBox.basemaps.current.valid
                               ? basemapBox.basemaps.current.name + " · "
                                 + basemapBox.basemaps.current.datum
                               : basemapBox.basemaps.current.error
                    }
                    Repeater {
                        model: basemapBox.basemaps.packages
                        delegate: Column {
                            required property basemapPackageLine modelData
                            width: parent.width
                            spacing: 2
                            Row2 {
                                label: modelData.name
                                valueName: "basemapPackage_" + modelData.sha256.substring(0, 8)
                                value: modelData.scopeText + " · " + modelData.sizeText + " · "
                                       + modelData.stateText
                            }
                            ProgressBar {
                                width: parent.width
                                visible: !modelData.installed && modelData.progress > 0
                                value: modelData.progress
                            }
                        }
                    }
                    Label {
                        visible: basemapBox.basemaps.packages.length === 0
                        width: parent.width
                        wrapMode: Text.Wrap
                        text: qsTr("服务器尚未为本辖区提供底图。管理员用 qingshui-server basemap add 添加后，下次同步时自动下载。")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                    }
                    Switch {
                        objectName: "basemapAllowMetered"
                        text: qsTr("允许用移动数据下载底图")
                        checked: basemapBox.basemaps.allowMetered
                        onToggled: basemapBox.basemaps.allowMetered = checked
                    }
                    Button {
                        objectName: "basemapImportButton"
                        text: qsTr("导入底图文件…")
                        implicitHeight: Theme.touchTarget
                        onClicked: basemapDialog.open()
                    }
                    Label {
                        objectName: "basemapError"
                        visible: text !== ""
                        width: parent.width
                        wrapMode: Text.Wrap
                        text: basemapBox.basemaps.lastError
                        color: Theme.danger
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }

            Label {
                text: qsTr("同步记录（最近 50 次）")
                font.pixelSize: Theme.fontTitle
                color: Theme.textPrimary
            }
            QsEmptyState {
                Layout.fillWidth: true
                visible: syncLog.count === 0
                text: qsTr("还没有同步过。")
            }
            Repeater {
                id: syncLog
                objectName: "syncLog"
                model: page.settings.log
                delegate: Frame {
                    id: entry
                    required property var startedAt
                    required property int durationMs
                    required property int outcome
                    required property string outcomeText
                    required property string server
                    required property int pushed
                    required property int pulled
                    required property int photosSent
                    required property int photosReceived
                    required property string errorText
                    objectName: "syncLogEntry"
                    Layout.fillWidth: true
                    background: Rectangle {
                        color: Theme.surface
                        radius: Theme.radius
                        border.color: Theme.divider
                    }
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 2
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            Label {
                                objectName: "syncLogOutcome"
                                text: entry.outcomeText
                                font.bold: true
                                color: entry.outcome === 0 ? Theme.accent
                                     : entry.outcome === 1 ? Theme.warning : Theme.danger
                            }
                            Label {
                                text: Qt.formatDateTime(entry.startedAt, "yyyy-MM-dd HH:mm:ss")
                                color: Theme.textPrimary
                            }
                            Label {
                                text: qsTr("%1 秒").arg((entry.durationMs / 1000).toFixed(1))
                                color: Theme.textSecondary
                            }
                            Item { Layout.fillWidth: true }
                            Label {
                                text: entry.server
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                        Label {
                            objectName: "syncLogCounts"
                            text: qsTr("上传 %1 条 · 接收 %2 条 · 照片上传 %3 张 · 照片下载 %4 张")
                                  .arg(entry.pushed).arg(entry.pulled)
                                  .arg(entry.photosSent).arg(entry.photosReceived)
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                        }
                        Label {
                            objectName: "syncLogError"
                            Layout.fillWidth: true
                            visible: text !== ""
                            text: entry.errorText
                            color: Theme.danger
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: logOutDialog
        objectName: "logOutDialog"
        title: qsTr("退出登录")
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.spacing, 520)
        standardButtons: Dialog.Ok | Dialog.Cancel
        Label {
            objectName: "logOutWarning"
            width: parent.width
            wrapMode: Text.WordWrap
            text: page.waiting > 0
                  ? page.waitingText()
                    + qsTr("它们会留在本机，不会删除；以 %2 重新登录后会发送到 %1（在此之前其他账号不能登录本机）。")
                        .arg(page.settings.serverAddress).arg(page.settings.username)
                  : qsTr("退出后需要重新登录才能同步。")
        }
        onAccepted: page.settings.logOut()
    }

    Dialog {
        id: changeServerDialog
        objectName: "changeServerDialog"
        title: qsTr("更换服务器")
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.spacing, 520)
        standardButtons: Dialog.Ok | Dialog.Cancel
        Label {
            objectName: "changeServerWarning"
            width: parent.width
            wrapMode: Text.WordWrap
            text: page.waiting > 0
                  ? page.waitingText()
                    + qsTr("它们会留在本机，不会删除，只会发送到 %1（换了地址的同一台服务器也可以）；在它们发出之前，本机不能连接另一台服务器。").arg(page.settings.serverAddress)
                  : qsTr("本机将忘记服务器 %1 和登录信息，记录都留在本机。接下来请输入新的连接码。")
                        .arg(page.settings.serverAddress)
        }
        onAccepted: page.settings.changeServer()
    }

    FileDialog {
        id: basemapDialog
        objectName: "basemapFileDialog"
        title: qsTr("选择底图文件")
        nameFilters: [qsTr("MBTiles 底图 (*.mbtiles)")]
        onAccepted: Basemaps.importFile(selectedFile)
    }
}
