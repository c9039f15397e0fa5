import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The kiosk's navigation: four big targets down the left edge, and the language.
Rectangle {
    id: rail
    color: Theme.surface

    property int currentIndex: 0
    signal pageChosen(int index)

    Rectangle {
        anchors { right: parent.right; top: parent.top; bottom: parent.bottom }
        width: 2
        color: Theme.divider
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: 32
        anchors.bottomMargin: 32
        spacing: 24

        Repeater {
            model: [
                { name: "navHome", label: QT_TR_NOOP("地图"), hint: QT_TR_NOOP("结对地图") },
                { name: "navAchievements", label: QT_TR_NOOP("成就"), hint: QT_TR_NOOP("协作成果") },
                { name: "navGallery", label: QT_TR_NOOP("风采"), hint: QT_TR_NOOP("巡查风采") },
                { name: "navLedger", label: QT_TR_NOOP("整改"), hint: QT_TR_NOOP("销号公示") }
            ]
            delegate: KioskButton {
                id: navButton
                required property var modelData
                required property int index
                objectName: modelData.name
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: 168
                Layout.preferredHeight: 168
                highlighted: rail.currentIndex === index
                text: qsTr(modelData.label)
                contentItem: ColumnLayout {
                    spacing: 4
                    Label {
                        Layout.alignment: Qt.AlignHCenter
                        Layout.maximumWidth: 148
                        text: qsTr(modelData.label)
                        fontSizeMode: Text.HorizontalFit // English words are longer
                        minimumPixelSize: 28
                        font.pixelSize: 44
                        font.bold: true
                        color: navButton.highlighted ? "white" : Theme.primaryDark
                    }
                    Label {
                        Layout.alignment: Qt.AlignHCenter
                        Layout.maximumWidth: 148
                        text: qsTr(modelData.hint)
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: 24
                        elide: Text.ElideRight
                        font.pixelSize: 24
                        color: navButton.highlighted ? "#d8eef7" : Theme.textSecondary
                    }
                }
                onClicked: rail.pageChosen(index)
            }
        }

        Item { Layout.fillHeight: true }

        KioskButton {
            objectName: "navLanguage"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 168
            Layout.preferredHeight: 96
            quiet: true
            text: Language.language === "en" ? "中文" : "English"
            font.pixelSize: 28
            onClicked: Language.language
                       = Language.language === "en" ? "zh_CN" : "en"
        }
    }
}
