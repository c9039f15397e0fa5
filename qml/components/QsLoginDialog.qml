import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// Logs the device in to the sync server; the account's county or township decides what it
// may send and see.
Dialog {
    id: dialog
    required property LoginController login

    objectName: "loginDialog"
    title: qsTr("登录同步服务器")
    modal: true
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.spacing : 480, 480)
    standardButtons: Dialog.Cancel
    closePolicy: Popup.CloseOnEscape

    Connections {
        target: dialog.login
        function onLoggedInNow() { dialog.close() }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        TextField {
            id: user
            objectName: "loginUser"
            Layout.fillWidth: true
            placeholderText: qsTr("用户名")
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
        }
        TextField {
            id: password
            objectName: "loginPassword"
            Layout.fillWidth: true
            placeholderText: qsTr("密码")
            echoMode: TextInput.Password
            onAccepted: loginButton.clicked()
        }
        Label {
            objectName: "loginError"
            Layout.fillWidth: true
            visible: dialog.login.error !== ""
            text: dialog.login.error
            color: Theme.danger
            wrapMode: Text.Wrap
        }
        Button {
            id: loginButton
            objectName: "loginButton"
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget
            highlighted: true
            enabled: !dialog.login.busy
            text: dialog.login.busy ? qsTr("登录中…") : qsTr("登录")
            onClicked: dialog.login.logIn(user.text, password.text)
        }
    }
}
