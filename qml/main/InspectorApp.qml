import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Qingshui.Backend
import Qingshui.Ui

// The inspector's tablet: records, GPS and sync state always in view; forms pushed on top.
ApplicationWindow {
    id: window
    title: qsTr("清水巡查 · 巡查员")
    visible: false  // shown by the app once loaded
    Material.primary: Theme.primary
    Material.accent: Theme.primary

    // The basemap the map and the form's GPS question draw (invalid: none installed yet).
    property basemapInfo basemap: Basemaps.current

    header: QsAppHeaderBar {
        title: qsTr("清水巡查")
        subtitle: qsTr("巡查员 · 我的记录 %1 条").arg(Records.count)
        gps: Position
        sync: Sync
        syncErrorText: App.syncErrorText(Sync.lastErrorCode, Sync.lastErrorArgs, Sync.lastError)
        login: Login
        language: Language.language
        ledgerText: Ledger.openCount > 0 ? qsTr("整改 %1").arg(Ledger.openCount) : qsTr("整改")
        ledgerAlert: Ledger.overdueCount > 0
        showsMap: true
        onMapRequested: {
            if (!(stack.currentItem instanceof MapPage))
                stack.push(mapPage)
        }
        onLedgerRequested: {
            if (!(stack.currentItem instanceof ProblemListPage))
                stack.push(problemListPage)
        }
        onLoginRequested: loginDialog.open()
        onSyncRequested: Sync.syncNow()
        onSettingsRequested: {
            if (!(stack.currentItem instanceof SettingsPage))
                stack.push(settingsPage)
        }
        onLanguageRequested: code => Language.language = code
    }

    StackView {
        id: stack
        objectName: "inspectorStack"
        anchors.fill: parent
        // No server yet (and none given with --server): 连接服务器 first.
        initialItem: Enrolment.needed ? connectPage : listPage
    }

    Connections {
        target: Enrolment
        function onEnrolled() { stack.replace(null, listPage) }
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
        id: listPage
        RecordListPage {
            onNewRecordRequested: stack.push(newRecordPage)
            onRecordOpened: (recordId) => {
                if (Form.open(recordId))
                    stack.push(formPage)
            }
        }
    }
    Component {
        id: newRecordPage
        NewRecordPage {
            onCancelled: stack.pop()
            onStarted: stack.replace(formPage)
        }
    }
    Component {
        id: formPage
        FormPage {
            basemap: window.basemap
            onDone: {
                Records.reload()
                // Opened from the map: back to the map; otherwise to the list.
                if (stack.depth > 1 && stack.get(stack.depth - 2) instanceof MapPage)
                    stack.pop()
                else
                    stack.pop(null)
            }
        }
    }

    Component {
        id: problemListPage
        ProblemListPage {
            onClosed: stack.pop()
            onProblemOpened: (problemId) => {
                if (Ledger.open(problemId))
                    stack.push(problemPage)
            }
        }
    }
    Component {
        id: mapPage
        MapPage {
            basemap: window.basemap
            onClosed: stack.pop()
            onRecordOpened: (recordId) => {
                if (Form.open(recordId))
                    stack.push(formPage)
            }
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

    QsLoginDialog { id: loginDialog; login: Login }
}
