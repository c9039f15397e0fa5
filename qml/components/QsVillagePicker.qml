import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// County → township → village, or search by name; recently used villages first. Shows the
// Beijing partner district of each county.
ColumnLayout {
    id: picker
    property string villageCode: ""
    required property VillagePickerController controller
    required property string language // the UI language: the names are read again when it changes

    signal picked(string code)

    function choose(code) {
        villageCode = code
        picked(code)
    }

    spacing: Theme.spacing

    TextField {
        id: searchField
        objectName: "villageSearch"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        placeholderText: qsTr("搜索村名，例如“邹庄”", "the example is a village name in Chinese: English leaves it out")
        inputMethodHints: Qt.ImhNoPredictiveText
    }

    // Search results, or the recent villages when nothing is typed.
    ListView {
        id: quickList
        objectName: "villageQuickList"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, 5 * (Theme.touchTarget + 8))
        clip: true
        visible: count > 0
        model: searchField.text.trim() !== ""
               ? picker.controller.search(searchField.text, unitBox.currentIndex >= 0 ? unitBox.currentValue : "")
               : picker.controller.recent()
        header: Label {
            text: searchField.text.trim() !== "" ? qsTr("搜索结果") : qsTr("最近使用")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            bottomPadding: 4
        }
        delegate: ItemDelegate {
            required property var modelData
            width: quickList.width
            height: Theme.touchTarget + 8
            highlighted: modelData.code === picker.villageCode
            contentItem: ColumnLayout {
                spacing: 0
                Label { text: modelData.name; font.pixelSize: Theme.fontBody }
                Label { text: modelData.detail; color: Theme.textSecondary; font.pixelSize: Theme.fontSmall }
            }
            onClicked: picker.choose(modelData.code)
        }
    }
    Label {
        visible: searchField.text.trim() !== "" && quickList.count === 0
        text: qsTr("没有找到名字里含“%1”的村").arg(searchField.text.trim())
        color: Theme.textSecondary
    }

    Label { text: qsTr("或按县 → 乡镇 → 村选择"); color: Theme.textSecondary; font.pixelSize: Theme.fontSmall }
    GridLayout {
        Layout.fillWidth: true
        columns: picker.width > 700 ? 3 : 1
        columnSpacing: Theme.spacing
        ComboBox {
            id: unitBox
            objectName: "unitBox"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            textRole: "name"
            valueRole: "code"
            // County names in the language of the moment: asked again when it changes.
            model: picker.language, picker.controller.units()
            currentIndex: -1
            displayText: currentIndex >= 0 ? model[currentIndex].name + " · " + model[currentIndex].detail
                                           : qsTr("选择县（市、区）")
        }
        ComboBox {
            id: townshipBox
            objectName: "townshipBox"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            textRole: "name"
            valueRole: "code"
            model: unitBox.currentIndex >= 0 ? picker.controller.townships(unitBox.currentValue) : []
            onModelChanged: currentIndex = -1
            displayText: currentIndex >= 0 ? currentText : qsTr("选择乡镇")
        }
        ComboBox {
            id: villageBox
            objectName: "villageBox"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            textRole: "name"
            valueRole: "code"
            model: townshipBox.currentIndex >= 0 ? picker.controller.villages(townshipBox.currentValue) : []
            onModelChanged: currentIndex = -1
            displayText: currentIndex >= 0 ? currentText : qsTr("选择村")
            onActivated: picker.choose(currentValue)
        }
    }
    Label {
        objectName: "chosenVillage"
        Layout.fillWidth: true
        visible: picker.villageCode !== ""
        text: picker.villageCode !== ""
              ? qsTr("已选：%1（%2）").arg(picker.controller.villageName(picker.villageCode))
                                     .arg(picker.controller.describe(picker.villageCode))
              : ""
        color: Theme.primary
        wrapMode: Text.WordWrap
    }
}
