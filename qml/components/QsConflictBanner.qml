import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The server flagged this revision: it overwrote another tablet's edit that its author had
// not seen. Names that edit (who, when), opens it read-only, and shows what differs between
// it and the revision under review.
Rectangle {
    id: banner
    objectName: "conflictBanner"

    property RecordViewController view: null
    required property ReviewController review
    property bool showDiff: false
    // diffBetween(the overwritten revision, this one): read when the diff is opened.
    property var diff: ({})

    signal openRevision()

    function toggleDiff() {
        showDiff = !showDiff
        if (showDiff)
            diff = banner.review.diffBetween(view.recordId, view.conflictWith, view.serverSeq)
    }

    visible: view !== null && view.conflictWith !== 0 && !view.pastRevision
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    color: "#fdecea"
    radius: Theme.radius
    border.color: Theme.danger

    Connections {
        target: banner.view
        function onChanged() {
            banner.showDiff = false
            banner.diff = ({})
        }
    }

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: parent.width - 2 * Theme.spacing
        spacing: 8

        Label {
            objectName: "conflictText"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            font.bold: true
            text: banner.view === null ? ""
                  : banner.view.conflictAvailable
                    ? qsTr("修改冲突：这一版覆盖了另一台平板的修改（%1 · %2），那次修改没有被采用。")
                          .arg(banner.view.conflictAuthor !== "" ? banner.view.conflictAuthor : qsTr("（未知）"))
                          .arg(banner.view.conflictAt)
                    : qsTr("修改冲突：这一版覆盖了另一台平板的修改（服务器版本 %1），本机没有那一版。")
                          .arg(banner.view.conflictWith)
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: banner.view !== null && banner.view.conflictAvailable
            Button {
                objectName: "conflictOpen"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("查看被覆盖的版本")
                onClicked: banner.openRevision()
            }
            Button {
                objectName: "conflictDiffToggle"
                Layout.preferredHeight: Theme.touchTarget
                text: banner.showDiff ? qsTr("收起对比") : qsTr("与被覆盖的版本对比")
                checked: banner.showDiff
                onClicked: banner.toggleDiff()
            }
        }
        // Made only while shown: the page's own diff (against a return) keeps its names.
        Loader {
            Layout.fillWidth: true
            active: banner.showDiff && banner.diff.valid === true
            sourceComponent: QsRevisionDiff {
                objectName: "conflictDiff"
                diff: banner.diff
                title: qsTr("被覆盖的版本 → 当前版本")
                sameText: qsTr("两个版本的回答相同")
                photoUrl: function(sha) { return banner.view.photoUrl(sha) }
            }
        }
    }
}
