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

    // The basemap the queue's map draws (invalid: none installed yet).
    property basemapInfo basemap: Basemaps.current

    // The queue's filter (the dashboard's selection) on the map.
    function showQueueMap() {
        dashboardPage.close()
        stack.pop(null)
        if (stack.currentItem instanceof ReviewQueuePage)
            stack.currentItem.showingMap = true
    }

    header: QsAppHeaderBar {
        title: qsTr("清水巡查 · 督导审核")
        subtitle: qsTr("审核队列 %1 条").arg(Records.count)
        showsDashboard: true
        sync: Sync
        syncErrorText: App.syncErrorText(Sync.lastErrorCode, Sync.lastErrorArgs, Sync.lastError)
        login: Login
        language: Language.language
        ledgerText: qsTr("整改台账")
        ledgerAlert: LedgerBoard.summary.overdue > 0
        onLedgerRequested: {
            if (!(stack.currentItem instanceof LedgerPage))
                stack.push(ledgerPage)
        }
        onLoginRequested: loginDialog.open()
        onDashboardRequested: dashboardPage.open()
        onSyncRequested: Sync.syncNow()
        onSettingsRequested: {
            if (!(stack.currentItem instanceof SettingsPage))
                stack.push(settingsPage)
        }
        onLanguageRequested: code => Language.language = code
    }

    StackView {
        id: stack
        objectName: "supervisorStack"
        anchors.fill: parent
        // No server yet (and none given with --server): 连接服务器 first.
        initialItem: Enrolment.needed ? connectPage : queuePage
    }

    Connections {
        target: Enrolment
        function onEnrolled() { stack.replace(null, queuePage) }
    }
    Connections {
        target: Settings
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
            basemap: window.basemap
            onRecordOpened: (recordId) => {
                if (RecordView.open(recordId))
                    stack.push(recordViewPage)
            }
            onProblemOpened: (problemId) => {
                if (Ledger.open(problemId))
                    stack.push(problemPage)
            }
        }
    }
    Component {
        id: recordViewPage
        RecordViewPage {
            onClosed: stack.pop()
        }
    }

    Component {
        id: ledgerPage
        LedgerPage {
            onClosed: stack.pop()
            onProblemOpened: (problemId) => {
                if (Ledger.open(problemId))
                    stack.push(problemPage)
            }
        }
    }
    Component {
        id: problemPage
        ProblemPage {
            onClosed: stack.pop()
        }
    }

    DashboardPage {
        id: dashboardPage
        onMapRequested: window.showQueueMap()
    }
    QsLoginDialog { id: loginDialog; login: Login }
}
