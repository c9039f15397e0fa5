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

    header: QsAppHeaderBar {
        title: qsTr("清水巡查")
        subtitle: qsTr("巡查员 · 我的记录 %1 条").arg(Services.records.count)
        gps: Services.position
        sync: Services.sync
        syncErrorText: Services.syncErrorText(Services.sync.lastErrorCode, Services.sync.lastErrorArgs,
                                              Services.sync.lastError)
        login: Services.login
        language: Services.language.language
        onLoginRequested: loginDialog.open()
        onSyncRequested: Services.sync.syncNow()
        onSettingsRequested: {
            if (!(stack.currentItem instanceof SettingsPage))
                stack.push(settingsPage)
        }
        onLanguageRequested: code => Services.language.language = code
    }

    StackView {
        id: stack
        objectName: "inspectorStack"
        anchors.fill: parent
        // No server yet (and none given with --server): 连接服务器 first.
        initialItem: Services.enrolment.needed ? connectPage : listPage
    }

    Connections {
        target: Services.enrolment
        function onEnrolled() { stack.replace(null, listPage) }
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
        id: listPage
        RecordListPage {
            onNewRecordRequested: stack.push(newRecordPage)
            onRecordOpened: (recordId) => {
                if (Services.form.open(recordId))
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
            onDone: {
                Services.records.reload()
                stack.pop(null)
            }
        }
    }

    QsLoginDialog { id: loginDialog; login: Services.login }
}
