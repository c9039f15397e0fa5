import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Qingshui.Backend
import Qingshui.Ui

// The supervisor's desk: records synced from the inspectors of their jurisdiction.
ApplicationWindow {
    id: window
    title: qsTr("清水巡查 · 督导")
    visible: false
    Material.primary: Theme.primary
    Material.accent: Theme.primary

    header: QsAppHeaderBar {
        title: qsTr("清水巡查 · 督导审核")
        subtitle: qsTr("审核队列 %1 条").arg(Services.records.count)
        showsDashboard: true
        sync: Services.sync
        syncErrorText: Services.syncErrorText(Services.sync.lastErrorCode, Services.sync.lastErrorArgs,
                                              Services.sync.lastError)
        login: Services.login
        language: Services.language.language
        onLoginRequested: loginDialog.open()
        onDashboardRequested: dashboardPage.open()
        onSyncRequested: Services.sync.syncNow()
        onSettingsRequested: {
            if (!(stack.currentItem instanceof SettingsPage))
                stack.push(settingsPage)
        }
        onLanguageRequested: code => Services.language.language = code
    }

    StackView {
        id: stack
        objectName: "supervisorStack"
        anchors.fill: parent
        // No server yet (and none given with --server): 连接服务器 first.
        initialItem: Services.enrolment.needed ? connectPage : queuePage
    }

    Connections {
        target: Services.enrolment
        function onEnrolled() { stack.replace(null, queuePage) }
    }
    Connections {
        target: Services.settings
        function onServerForgotten() { stack.replace(null, connectPage) }
    }

    Component {
        id: connectPage
        ConnectServerPage {}
    }
    Component {
        id: settingsPage
        SettingsPage {
            onClosed: stack.pop()
        }
    }

    Component {
        id: queuePage
        ReviewQueuePage {
            onRecordOpened: (recordId) => {
                if (Services.recordView.open(recordId))
                    stack.push(recordViewPage)
            }
        }
    }
    Component {
        id: recordViewPage
        RecordViewPage {
            onClosed: stack.pop()
        }
    }

    DashboardPage { id: dashboardPage }
    QsLoginDialog { id: loginDialog; login: Services.login }
}
