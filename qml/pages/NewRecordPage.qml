import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// Starting a record: where (the village) and what (the checklist). The draft is stored the
// moment both are chosen.
Page {
    id: page
    objectName: "newRecordPage"

    property string errorText: ""

    signal cancelled()
    signal started()

    background: Rectangle { color: Theme.background }

    header: ToolBar {
        implicitHeight: 64
        background: Rectangle { color: Theme.surface; border.color: Theme.divider }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            ToolButton {
                text: qsTr("‹ 返回")
                implicitHeight: Theme.touchTarget
                font.pixelSize: Theme.fontBody
                onClicked: page.cancelled()
            }
            Label {
                text: qsTr("新建记录")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                Layout.fillWidth: true
            }
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth - 2 * Theme.spacing
            x: Theme.spacing
            spacing: Theme.spacing * 1.5

            Label { text: qsTr("1. 村庄"); font.pixelSize: Theme.fontTitle; color: Theme.primaryDark; topPadding: Theme.spacing }
            QsVillagePicker {
                id: villagePicker
                objectName: "villagePicker"
                controller: VillagePicker
                language: Language.language
                Layout.fillWidth: true
            }

            Label { text: qsTr("2. 检查表"); font.pixelSize: Theme.fontTitle; color: Theme.primaryDark }
            Repeater {
                model: Inspector.categories()
                delegate: ColumnLayout {
                    id: categoryColumn
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 6
                    Label { text: categoryColumn.modelData.name; font.bold: true; color: Theme.textSecondary }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Repeater {
                            // A property, so that templates a sync brings appear at once.
                            model: Inspector.allTemplates.filter(
                                       t => t.category === categoryColumn.modelData.id)
                            delegate: Button {
                                required property var modelData
                                objectName: "template_" + modelData.id
                                height: Theme.touchTarget
                                text: modelData.title
                                enabled: villagePicker.villageCode !== ""
                                onClicked: {
                                    if (Form.startNew(modelData.id, villagePicker.villageCode))
                                        page.started()
                                    else
                                        page.errorText = Form.lastError
                                }
                            }
                        }
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                visible: villagePicker.villageCode === ""
                text: qsTr("先选择村庄，再选择检查表。")
                color: Theme.textSecondary
            }
            Label {
                Layout.fillWidth: true
                visible: page.errorText !== ""
                text: page.errorText
                color: Theme.danger
            }
            Item { Layout.preferredHeight: Theme.spacing }
        }
    }
}
