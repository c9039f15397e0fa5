import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Qingshui.Backend
import Qingshui.Ui

// The inspector's tablet: records, GPS and sync state always in view.
ApplicationWindow {
    id: window
    title: qsTr("清水巡查 · 巡查员")
    visible: false
    Material.primary: Theme.primary
    Material.accent: Theme.primary  // shown by the app once loaded

    header: QsHeaderBar {
        title: qsTr("清水巡查")
        subtitle: qsTr("巡查员 · 我的记录 %1 条").arg(Services.records.count)
        QsGpsChip { solid: true }
        QsSyncChip { solid: true }
        ToolButton {
            objectName: "syncButton"
            text: qsTr("同步")
            font.pixelSize: Theme.fontBody
            implicitHeight: Theme.touchTarget
            palette.buttonText: "white"
            onClicked: Services.sync.syncNow()
        }
    }

    RecordListPage {
        anchors.fill: parent
    }
}
