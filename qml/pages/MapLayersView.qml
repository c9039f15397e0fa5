import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// What both faces' maps show over the basemap: the layers of MapLayers (records coloured by
// status, villages, ponds with their numbers, open problems; each can be hidden), a tapped
// point's card with 打开, and for the supervisor a rectangle drawn with the finger or the mouse
// that selects the filtered records inside it. The layers are read while this is shown.
Item {
    id: view

    required property basemapInfo basemap
    // The inspector's live fix (follow-me); none at a desk.
    property bool positionValid: false
    property real positionLon: 0
    property real positionLat: 0
    property real positionAccuracyM: NaN
    // While true a drag draws a selection box instead of panning.
    property bool drawingBox: false

    readonly property alias map: mapView
    readonly property MapLayerController layers: MapLayers
    property alias showRecords: recordsToggle.checked
    property alias showVillages: villagesToggle.checked
    property alias showPonds: pondsToggle.checked
    property alias showProblems: problemsToggle.checked
    // The card shown (a mapCard), or none.
    property var card: null

    signal recordOpened(string recordId)
    signal problemOpened(string problemId)
    // The filtered records inside the box just drawn (WGS-84 corners), newest first.
    signal boxSelected(var recordIds)

    // The last box drawn stays outlined while selecting (the map stands still meanwhile).
    function clearBox() {
        boxArea.hasBox = false
    }
    onDrawingBoxChanged: clearBox()

    function showCard(id, kind) {
        var c = layers.card(id, kind)
        card = c.found ? c : null
    }
    function open(card) {
        if (card.opens === "record")
            recordOpened(card.id)
        else if (card.opens === "problem")
            problemOpened(card.id)
    }
    // The markers in view at once; false (the basemap's own view stays) when there are none.
    function fitToMarkers() {
        var box = layers.markerBox
        if (box.width <= 0 && box.height <= 0 && box.x === 0 && box.y === 0)
            return false
        // A single point (or a row of them) gets a little room around it.
        var pad = Math.max(0.005, Math.max(box.width, box.height) * 0.08)
        mapView.fitBox(box.x - pad, box.y - pad, box.x + box.width + pad, box.y + box.height + pad)
        return true
    }
    // The box drawn between two corners on screen, in WGS-84; the records inside it selected.
    function selectBox(x1, y1, x2, y2) {
        var a = mapView.viewport.toGeo(Math.min(x1, x2), Math.max(y1, y2)) // south-west
        var b = mapView.viewport.toGeo(Math.max(x1, x2), Math.min(y1, y2)) // north-east
        boxSelected(layers.recordsInBox(a.x, a.y, b.x, b.y))
    }

    // Read only while a map is in view: a hidden one (the queue shows its list) costs nothing.
    Component.onCompleted: {
        layers.active = visible
        placeOnce()
    }
    Component.onDestruction: layers.active = false
    onVisibleChanged: {
        layers.active = visible
        placeOnce()
    }
    onWidthChanged: placeOnce()
    onHeightChanged: placeOnce()

    // The first time the map is shown with markers read, it places the view around them.
    property bool placed: false
    function placeOnce() {
        if (!placed && visible && width > 0 && height > 0)
            placed = fitToMarkers()
    }
    Connections {
        target: view.layers
        function onReloaded() {
            view.placeOnce()
            // The card's point may have changed or gone (a sync, a decision).
            if (view.card !== null)
                view.showCard(view.card.id, view.card.kind)
        }
    }

    QsMapView {
        id: mapView
        objectName: "layersMap"
        anchors.fill: parent
        basemap: view.basemap
        positionValid: view.positionValid
        positionLon: view.positionLon
        positionLat: view.positionLat
        positionAccuracyM: view.positionAccuracyM
        interactive: !view.drawingBox
        onTappedAt: view.card = null

        // Bottom to top: the last layer takes a tap first.
        MapPointLayer {
            objectName: "villagesLayer"
            viewport: mapView.viewport
            markers: view.layers.villages
            showLabels: true
            visible: villagesToggle.checked
            onMarkerTapped: (id, kind) => view.showCard(id, kind)
        }
        MapPointLayer {
            objectName: "recordsLayer"
            viewport: mapView.viewport
            markers: view.layers.records
            visible: recordsToggle.checked
            onMarkerTapped: (id, kind) => view.showCard(id, kind)
        }
        MapPointLayer {
            objectName: "pondsLayer"
            viewport: mapView.viewport
            markers: view.layers.ponds
            showLabels: true
            visible: pondsToggle.checked
            onMarkerTapped: (id, kind) => view.showCard(id, kind)
        }
        MapPointLayer {
            objectName: "problemsLayer"
            viewport: mapView.viewport
            markers: view.layers.problems
            visible: problemsToggle.checked
            onMarkerTapped: (id, kind) => view.showCard(id, kind)
        }
    }

    // The selection box: drawn while dragging, then its records selected.
    MouseArea {
        id: boxArea
        objectName: "boxArea"
        anchors.fill: parent
        enabled: view.drawingBox
        visible: enabled
        preventStealing: true
        property point from
        property point to
        property bool dragging: false
        property bool hasBox: false
        onPressed: (mouse) => {
            from = Qt.point(mouse.x, mouse.y)
            to = from
            dragging = true
            hasBox = false
        }
        onPositionChanged: (mouse) => to = Qt.point(mouse.x, mouse.y)
        onReleased: (mouse) => {
            dragging = false
            to = Qt.point(mouse.x, mouse.y)
            hasBox = Math.abs(to.x - from.x) > 4 && Math.abs(to.y - from.y) > 4
            if (hasBox)
                view.selectBox(from.x, from.y, to.x, to.y)
        }
        Rectangle {
            objectName: "selectionBox"
            visible: boxArea.dragging || boxArea.hasBox
            x: Math.min(boxArea.from.x, boxArea.to.x)
            y: Math.min(boxArea.from.y, boxArea.to.y)
            width: Math.abs(boxArea.to.x - boxArea.from.x)
            height: Math.abs(boxArea.to.y - boxArea.from.y)
            color: "#330b6e99"
            border.color: Theme.primary
            border.width: 2
        }
    }

    // Which layers show, and what could not be drawn.
    Rectangle {
        id: toggles
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        width: toggleColumn.implicitWidth + Theme.spacing
        height: toggleColumn.implicitHeight + Theme.spacing / 2
        radius: Theme.radius
        color: "#eeffffff"
        border.color: Theme.divider
        ColumnLayout {
            id: toggleColumn
            anchors.centerIn: parent
            spacing: 0
            CheckBox {
                id: recordsToggle
                objectName: "layerRecords"
                checked: true
                text: qsTr("记录 %1").arg(view.layers.records.count)
                font.pixelSize: Theme.fontSmall
            }
            CheckBox {
                id: villagesToggle
                objectName: "layerVillages"
                checked: true
                text: qsTr("村庄 %1").arg(view.layers.villages.count)
                font.pixelSize: Theme.fontSmall
            }
            CheckBox {
                id: pondsToggle
                objectName: "layerPonds"
                checked: true
                text: qsTr("坑塘 %1").arg(view.layers.ponds.count)
                font.pixelSize: Theme.fontSmall
            }
            CheckBox {
                id: problemsToggle
                objectName: "layerProblems"
                checked: true
                text: qsTr("待整改问题 %1").arg(view.layers.problems.count)
                font.pixelSize: Theme.fontSmall
            }
            Label {
                objectName: "villagesWithoutFix"
                Layout.leftMargin: 12
                Layout.maximumWidth: 220
                visible: villagesToggle.checked && view.layers.villagesWithoutFix > 0
                text: qsTr("另有 %1 个村尚无定位记录，未标出").arg(view.layers.villagesWithoutFix)
                font.pixelSize: 12
                color: Theme.textSecondary
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "layersError"
                Layout.leftMargin: 12
                Layout.maximumWidth: 220
                visible: text !== ""
                text: view.layers.error
                font.pixelSize: 12
                color: Theme.danger
                wrapMode: Text.Wrap
            }
        }
    }

    // A tapped point's card.
    Rectangle {
        id: cardPanel
        objectName: "mapCard"
        visible: view.card !== null
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacing * 3
        width: Math.min(parent.width - 2 * Theme.spacing, 560)
        height: cardRow.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.divider
        RowLayout {
            id: cardRow
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    objectName: "mapCardTitle"
                    Layout.fillWidth: true
                    text: view.card ? view.card.title : ""
                    font.pixelSize: Theme.fontTitle
                    color: Theme.textPrimary
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    text: view.card ? view.card.subtitle : ""
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textSecondary
                    elide: Text.ElideRight
                }
                Label {
                    objectName: "mapCardStatus"
                    Layout.fillWidth: true
                    text: view.card ? [view.card.statusText, view.card.dateText]
                                          .filter(t => t !== "").join(" · ") : ""
                    font.pixelSize: Theme.fontSmall
                    color: Theme.primaryDark
                }
            }
            QsBigButton {
                objectName: "mapCardOpen"
                visible: view.card !== null && view.card.canOpen
                text: qsTr("打开")
                highlighted: true
                onClicked: view.open(view.card)
            }
            ToolButton {
                objectName: "mapCardClose"
                text: "✕"
                implicitHeight: Theme.touchTarget
                implicitWidth: Theme.touchTarget
                onClicked: view.card = null
            }
        }
    }
}
