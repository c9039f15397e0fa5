import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// 连接服务器: a tablet joins its server from its own screen. The administrator's invite
// (`qingshui-server invite`) is a QR code and the same thing as a typeable code; either
// brings the server's address, the certificate to trust there and the account. Then the
// account's password. The advanced way takes an address, a CA file and a user name.
Page {
    id: page
    objectName: "connectServerPage"

    readonly property EnrolmentController enrolment: Enrolment
    property bool advanced: false

    background: Rectangle { color: Theme.background }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 4 * Theme.spacing
        clip: true

        ColumnLayout {
            id: column
            width: Math.min(parent.width - 4 * Theme.spacing, 720)
            x: (parent.width - width) / 2
            y: 2 * Theme.spacing
            spacing: Theme.spacing

            Label {
                text: qsTr("连接服务器")
                font.pixelSize: Theme.fontHeadline
                font.bold: true
                color: Theme.textPrimary
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.textSecondary
                font.pixelSize: Theme.fontBody
                text: qsTr("向管理员索取连接码：一张二维码，或一串以 QS1- 开头的字符。它告诉本机服务器的地址、要信任的证书和您的账号；之后输入账号的密码。")
            }

            // Step 1: the code, scanned or typed.
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                visible: !page.enrolment.codeAccepted && !page.advanced

                Label {
                    text: qsTr("扫描二维码")
                    font.pixelSize: Theme.fontTitle
                    color: Theme.textPrimary
                }
                RowLayout {
                    spacing: Theme.spacing
                    Button {
                        objectName: "scanButton"
                        text: qsTr("用相机扫描")
                        implicitHeight: Theme.touchTarget
                        enabled: page.enrolment.cameraAvailable && !page.enrolment.busy
                        onClicked: scanLoader.active = true
                    }
                    Button {
                        objectName: "imageButton"
                        text: qsTr("从图片读取")
                        implicitHeight: Theme.touchTarget
                        enabled: !page.enrolment.busy
                        onClicked: imageDialog.open()
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: !page.enrolment.cameraAvailable
                    text: page.enrolment.cameraUnavailableReason
                    wrapMode: Text.WordWrap
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }

                Label {
                    text: qsTr("或输入连接码")
                    font.pixelSize: Theme.fontTitle
                    color: Theme.textPrimary
                }
                TextField {
                    id: codeField
                    objectName: "codeField"
                    Layout.fillWidth: true
                    placeholderText: "QS1-XXXX-XXXX-…"
                    font.family: "monospace"
                    font.pixelSize: Theme.fontBody
                    inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
                    onAccepted: codeNext.clicked()
                }
                Button {
                    id: codeNext
                    objectName: "codeNextButton"
                    text: qsTr("下一步")
                    highlighted: true
                    implicitHeight: Theme.touchTarget
                    enabled: codeField.text.trim() !== "" && !page.enrolment.busy
                    onClicked: page.enrolment.acceptCode(codeField.text)
                }
                ToolButton {
                    objectName: "advancedButton"
                    text: qsTr("高级：输入服务器地址和证书文件")
                    font.pixelSize: Theme.fontSmall
                    onClicked: page.advanced = true
                }
            }

            // Step 2: what the code names, then the password.
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                visible: page.enrolment.codeAccepted

                GridLayout {
                    columns: 2
                    columnSpacing: Theme.spacing * 2
                    rowSpacing: Theme.spacing / 2
                    Label { text: qsTr("账号"); color: Theme.textSecondary }
                    Label {
                        objectName: "codeUser"
                        text: page.enrolment.codeUsername
                        font.bold: true
                    }
                    Label { text: qsTr("服务器"); color: Theme.textSecondary }
                    Label {
                        objectName: "codeAddress"
                        text: page.enrolment.codeAddress
                    }
                    Label { text: qsTr("证书指纹"); color: Theme.textSecondary }
                    Label {
                        objectName: "codeFingerprint"
                        Layout.fillWidth: true
                        wrapMode: Text.WrapAnywhere
                        font.family: "monospace"
                        font.pixelSize: Theme.fontSmall
                        text: page.enrolment.codeUsesTls ? page.enrolment.codeFingerprint
                                                         : qsTr("不加密（仅限本机上的测试服务器）")
                    }
                }
                TextField {
                    id: password
                    objectName: "enrolPassword"
                    Layout.fillWidth: true
                    placeholderText: qsTr("密码")
                    echoMode: TextInput.Password
                    enabled: !page.enrolment.busy
                    onAccepted: enrolButton.clicked()
                }
                RowLayout {
                    spacing: Theme.spacing
                    Button {
                        id: enrolButton
                        objectName: "enrolButton"
                        highlighted: true
                        implicitHeight: Theme.touchTarget
                        enabled: !page.enrolment.busy
                        text: page.enrolment.busy ? qsTr("连接中…") : qsTr("连接")
                        onClicked: page.enrolment.enrol(password.text)
                    }
                    Button {
                        objectName: "otherCodeButton"
                        flat: true
                        implicitHeight: Theme.touchTarget
                        enabled: !page.enrolment.busy
                        text: qsTr("换一个连接码")
                        onClicked: {
                            password.text = ""
                            page.enrolment.clearCode()
                        }
                    }
                }
            }

            // The advanced way: address, CA file, user name, password.
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                visible: page.advanced && !page.enrolment.codeAccepted

                Label {
                    text: qsTr("服务器地址和证书")
                    font.pixelSize: Theme.fontTitle
                    color: Theme.textPrimary
                }
                TextField {
                    id: addressField
                    objectName: "advancedAddress"
                    Layout.fillWidth: true
                    placeholderText: qsTr("地址:端口，例如 qingshui.example.org:50051")
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhUrlCharactersOnly
                }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: caField
                        objectName: "advancedCaFile"
                        Layout.fillWidth: true
                        placeholderText: qsTr("CA 证书文件（PEM；本机测试服务器可留空）")
                    }
                    Button {
                        text: qsTr("选择…")
                        onClicked: caDialog.open()
                    }
                }
                TextField {
                    id: userField
                    objectName: "advancedUser"
                    Layout.fillWidth: true
                    placeholderText: qsTr("用户名")
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                }
                TextField {
                    id: advancedPassword
                    objectName: "advancedPassword"
                    Layout.fillWidth: true
                    placeholderText: qsTr("密码")
                    echoMode: TextInput.Password
                    onAccepted: advancedConnect.clicked()
                }
                RowLayout {
                    spacing: Theme.spacing
                    Button {
                        id: advancedConnect
                        objectName: "advancedConnectButton"
                        highlighted: true
                        implicitHeight: Theme.touchTarget
                        enabled: !page.enrolment.busy
                        text: page.enrolment.busy ? qsTr("连接中…") : qsTr("连接")
                        onClicked: page.enrolment.connectTo(addressField.text, caField.text,
                                                            userField.text, advancedPassword.text)
                    }
                    Button {
                        objectName: "advancedBackButton"
                        flat: true
                        implicitHeight: Theme.touchTarget
                        text: qsTr("返回")
                        onClicked: page.advanced = false
                    }
                }
            }

            BusyIndicator {
                objectName: "enrolBusy"
                running: page.enrolment.busy
                visible: running
            }
            Label {
                objectName: "enrolError"
                Layout.fillWidth: true
                visible: text !== ""
                text: page.enrolment.error
                color: Theme.danger
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
            }
        }
    }

    FileDialog {
        id: imageDialog
        objectName: "qrImageDialog"
        title: qsTr("选择二维码图片")
        nameFilters: [qsTr("图片 (*.png *.jpg *.jpeg *.webp)")]
        onAccepted: page.enrolment.readCodeFromImage(selectedFile.toString())
    }
    FileDialog {
        id: caDialog
        objectName: "caFileDialog"
        title: qsTr("选择服务器的 CA 证书")
        nameFilters: [qsTr("证书 (*.pem *.crt)")]
        onAccepted: caField.text = selectedFile.toString()
    }

    // The viewfinder exists only while scanning: no camera is opened otherwise.
    Loader {
        id: scanLoader
        active: false
        sourceComponent: QsQrScanner {
            enrolment: Enrolment
            onClosed: scanLoader.active = false
            Component.onCompleted: open()
        }
    }
}
