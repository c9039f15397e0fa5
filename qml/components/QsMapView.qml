import QtQuick
import QtQuick.Controls
import Qingshui.Backend
import Qingshui.Ui

// An offline map: the tiles of an MBTiles basemap, north up, panned with inertia, zoomed by
// pinch, wheel or double tap around the finger or the cursor, with a scale bar, the current
// position and its accuracy circle, and follow-me. Layers given as children (MapPointLayer …)
// fill the view over the tiles and receive its taps first (their tapAt); a tap nothing took
// is tappedAt (WGS-84). With no valid basemap it says why on a plain background and the layers
// still work. Reads no singletons: the page passes the basemap and the position.
Item {
    id: map

    required property basemapInfo basemap
    readonly property MapViewport viewport: viewportObject
    property bool positionValid: false
    property real positionLon: 0
    property real positionLat: 0
    property real positionAccuracyM: NaN
    property bool followMe: false
    property bool interactive: true
    default property alias layers: layerHolder.data

    // Tiles the view needs now, and how many of them are drawn (a test, the bench).
    readonly property int tilesWanted: tileRepeater.count
    property int tilesReady: 0

    signal tappedAt(real lon, real lat)

    function centerOn(lon, lat, zoom) {
        viewportObject.centerOn(lon, lat, zoom === undefined ? -1 : zoom)
    }
    function fitBox(west, south, east, north) {
        viewportObject.fitBox(west, south, east, north)
    }

    // Bumped at every viewport change: bindings that call the viewport's functions read it.
    property int viewRevision: 0

    clip: true

    // A new basemap (another file) is shown at its centre; the same one handed again (its
    // controller's property re-read) leaves the view where the user put it.
    property string shownPath: ""
    function showBasemap() {
        if (!basemap.valid || basemap.path === shownPath)
            return
        shownPath = basemap.path
        viewportObject.centerOn(basemap.centerLon, basemap.centerLat,
                                Math.max(basemap.minZoom, basemap.centerZoom))
    }
    onBasemapChanged: showBasemap()
    Component.onCompleted: showBasemap()

    function followPosition() {
        if (followMe && positionValid)
            viewportObject.centerOn(positionLon, positionLat, -1)
    }
    onFollowMeChanged: followPosition()
    onPositionLonChanged: followPosition()
    onPositionLatChanged: followPosition()
    onPositionValidChanged: followPosition()

    MapViewport {
        id: viewportObject
        width: map.width
        height: map.height
        datum: map.basemap.valid ? map.basemap.datum : "WGS-84"
        // Beyond the basemap's last level its tiles are enlarged, up to three levels.
        minZoom: map.basemap.valid ? map.basemap.minZoom : 3
        maxZoom: map.basemap.valid ? map.basemap.maxZoom + 3 : 19
        onChanged: map.viewRevision++
    }

    Rectangle {
        anchors.fill: parent
        color: "#e9eef0"
    }

    // What the basemap has, three levels coarser, under the view's own tiles: shown while they
    // load after a zoom, and where the view's level lacks a tile.
    Item {
        id: coarsePlane
        // At the basemap's first levels it would be the view's own level again.
        visible: coarseGrid.tileZoom < grid.tileZoom
        x: coarseGrid.planeX
        y: coarseGrid.planeY
        scale: coarseGrid.planeScale
        transformOrigin: Item.TopLeft
        Repeater {
            model: MapTileGrid {
                id: coarseGrid
                viewport: viewportObject
                path: map.basemap.valid ? map.basemap.path : ""
                minZoom: map.basemap.minZoom
                maxZoom: map.basemap.maxZoom
                levelsBelow: 3
            }
            delegate: Image {
                required property string tileSource
                required property int tileX
                required property int tileY
                x: tileX
                y: tileY
                width: 256.5
                height: 256.5
                source: tileSource
                asynchronous: true
                cache: false
                smooth: true
            }
        }
    }

    Item {
        id: plane
        x: grid.planeX
        y: grid.planeY
        scale: grid.planeScale
        transformOrigin: Item.TopLeft
        Repeater {
            id: tileRepeater
            model: MapTileGrid {
                id: grid
                viewport: viewportObject
                path: map.basemap.valid ? map.basemap.path : ""
                minZoom: map.basemap.minZoom
                maxZoom: map.basemap.maxZoom
            }
            delegate: Image {
                required property string tileSource
                required property int tileX
                required property int tileY
                x: tileX
                y: tileY
                source: tileSource
                // A hair more than a tile hides the seams of a fractional scale.
                width: 256.5
                height: 256.5
                asynchronous: true
                cache: false // the provider's cache is the one bounded in bytes
                smooth: true
                fillMode: Image.Stretch
                onStatusChanged: {
                    if (status === Image.Ready)
                        map.tilesReady++
                }
                Component.onDestruction: {
                    if (status === Image.Ready)
                        map.tilesReady--
                }
            }
        }
    }

    Label {
        objectName: "basemapError"
        visible: !map.basemap.valid
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, 480)
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: map.basemap.error !== "" ? map.basemap.error : qsTr("没有底图：地图上只画出各点的位置")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontBody
    }

    Item {
        id: layerHolder
        anchors.fill: parent
        onChildrenChanged: {
            for (var i = 0; i < children.length; ++i)
                children[i].anchors.fill = layerHolder
        }
    }

    // The position: its accuracy circle, then the dot.
    Item {
        id: positionMark
        visible: map.positionValid
        readonly property point at: {
            map.viewRevision
            return viewportObject.toScreen(map.positionLon, map.positionLat)
        }
        readonly property real accuracyPx: {
            map.viewRevision
            return map.positionAccuracyM > 0 ? map.positionAccuracyM / viewportObject.metresPerPixel : 0
        }
        x: at.x
        y: at.y
        Rectangle {
            objectName: "accuracyCircle"
            visible: positionMark.accuracyPx > 10
            width: 2 * positionMark.accuracyPx
            height: width
            radius: width / 2
            x: -width / 2
            y: -height / 2
            color: "#330b6e99"
            border.color: "#990b6e99"
            border.width: 1
        }
        Rectangle {
            width: 18
            height: 18
            radius: 9
            x: -9
            y: -9
            color: Theme.primary
            border.color: "white"
            border.width: 3
        }
    }

    // Pan with inertia: the finger's last velocity decays over about a second.
    property vector2d flingVelocity: Qt.vector2d(0, 0)
    Timer {
        id: fling
        interval: 16
        repeat: true
        property double last: 0
        onTriggered: {
            var now = Date.now()
            var dt = Math.min(0.05, (now - last) / 1000)
            last = now
            viewportObject.panBy(map.flingVelocity.x * dt, map.flingVelocity.y * dt)
            map.flingVelocity = map.flingVelocity.times(Math.pow(0.05, dt))
            if (map.flingVelocity.length() < 20)
                stop()
        }
    }

    DragHandler {
        id: drag
        target: null
        enabled: map.interactive
        maximumPointCount: 1 // two fingers pinch
        property vector2d previous: Qt.vector2d(0, 0)
        onActiveChanged: {
            if (active) {
                fling.stop()
                previous = Qt.vector2d(0, 0)
                map.followMe = false
            } else if (centroid.velocity.x !== 0 || centroid.velocity.y !== 0) {
                map.flingVelocity = Qt.vector2d(centroid.velocity.x, centroid.velocity.y)
                fling.last = Date.now()
                fling.start()
            }
        }
        onTranslationChanged: {
            viewportObject.panBy(translation.x - previous.x, translation.y - previous.y)
            previous = translation
        }
    }

    PinchHandler {
        id: pinch
        target: null
        enabled: map.interactive
        property real startZoom: 0
        property real startScale: 1
        onActiveChanged: {
            if (active) {
                fling.stop()
                startZoom = viewportObject.zoom
                startScale = scale
            }
        }
        onScaleChanged: {
            if (active && startScale > 0)
                viewportObject.zoomAround(centroid.position.x, centroid.position.y,
                                          startZoom + Math.log(scale / startScale) / Math.LN2)
        }
    }

    TapHandler {
        enabled: map.interactive
        onTapped: (eventPoint) => {
            var p = eventPoint.position
            for (var i = layerHolder.children.length - 1; i >= 0; --i) {
                var layer = layerHolder.children[i]
                if (layer.visible && typeof layer.tapAt === "function" && layer.tapAt(p.x, p.y))
                    return
            }
            var geo = viewportObject.toGeo(p.x, p.y)
            map.tappedAt(geo.x, geo.y)
        }
        onDoubleTapped: (eventPoint) => {
            viewportObject.zoomAround(eventPoint.position.x, eventPoint.position.y,
                                      Math.round(viewportObject.zoom) + 1)
        }
    }

    MouseArea {
        anchors.fill: parent
        enabled: map.interactive
        acceptedButtons: Qt.NoButton
        onWheel: (wheel) => {
            fling.stop()
            viewportObject.zoomAround(wheel.x, wheel.y,
                                      viewportObject.zoom + wheel.angleDelta.y / 240)
        }
    }

    QsMapScaleBar {
        objectName: "scaleBar"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
        metresPerPixel: viewportObject.metresPerPixel
    }

    Label {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 4
        visible: map.basemap.valid && map.basemap.attribution !== ""
        text: map.basemap.attribution
        font.pixelSize: 11
        color: Theme.textSecondary
        background: Rectangle { color: "#b3ffffff" }
    }

    RoundButton {
        objectName: "followMeButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
        anchors.bottomMargin: Theme.spacing + 24
        width: Theme.touchTarget + 8
        height: width
        // A still map (the form's GPS answer) has nothing to follow.
        visible: map.positionValid && map.interactive
        checkable: true
        checked: map.followMe
        text: "◎"
        font.pixelSize: 22
        Accessible.name: qsTr("跟随我的位置")
        ToolTip.visible: hovered
        ToolTip.text: Accessible.name
        onClicked: map.followMe = checked
    }
}
