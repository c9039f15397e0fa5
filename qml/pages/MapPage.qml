import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// 地图: where the inspector's records, the villages of their townships, the ponds and the
// problems to fix or re-check are, over the offline basemap, with the tablet's own position
// and follow-me. A tapped point shows its card; 打开 opens the record or the problem.
Page {
    id: page
    objectName: "mapPage"

    // The basemap to draw (the window passes the one installed; invalid: none yet).
    property basemapInfo basemap
    readonly property alias layersView: layersView

    signal recordOpened(string recordId)
    signal problemOpened(string problemId)
    signal closed()

    background: Rectangle { color: Theme.background }

    header: ToolBar {
        implicitHeight: 64
        background: Rectangle { color: Theme.surface; border.color: Theme.divider }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            ToolButton {
                objectName: "mapBack"
                text: qsTr("‹ 返回")
                implicitHeight: Theme.touchTarget
                font.pixelSize: Theme.fontBody
                onClicked: page.closed()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    text: qsTr("地图")
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                }
                Label {
                    objectName: "mapBasemapName"
                    Layout.fillWidth: true
                    text: page.basemap.valid ? qsTr("底图：%1").arg(page.basemap.name)
                                             : qsTr("尚无底图（同步后自动下载）")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textSecondary
                    elide: Text.ElideRight
                }
            }
            Button {
                objectName: "mapFitAll"
                text: qsTr("全部")
                implicitHeight: Theme.touchTarget
                font.pixelSize: Theme.fontBody
                onClicked: layersView.fitToMarkers()
            }
        }
    }

    MapLayersView {
        id: layersView
        anchors.fill: parent
        basemap: page.basemap
        positionValid: Position.hasFix
        positionLon: Position.longitude
        positionLat: Position.latitude
        positionAccuracyM: Position.accuracyM
        onRecordOpened: (recordId) => page.recordOpened(recordId)
        onProblemOpened: (problemId) => page.problemOpened(problemId)
    }
}
