import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import Qingshui.Backend
import Qingshui.Ui

// The kiosk's home: a schematic pairing map on the 1920×1080 design canvas. The 16
// water-source units at their county seats (left), the 16 Beijing districts in an inset
// (right), the reservoir, the middle-route canal between them, and each unit's partner line.
// Touch a unit for its detail; touch elsewhere to return to the overview.
Page {
    id: page
    objectName: "kioskHomePage"

    // The selected unit's roles ({code, name, nameEn, zone, ...}), or null for the overview.
    property var selected: null
    readonly property string selectedCode: selected ? selected.code : ""
    property int attractIndex: -1

    readonly property color water: "#5fa8c8"
    readonly property color waterLight: "#cfe7f1"
    readonly property color canalColor: "#1f7fb0"
    readonly property color coreZone: "#3d9fd1"     // 核心区: lighter than 库区 to tell apart

    // Place names come as data in Chinese; in English mode the map data's English names.
    readonly property bool english: Language.language === "en"
    function placeName(name) {
        return english ? mapData.englishName(name) || name : name
    }
    function unitName(unit) {
        return english ? unit.nameEn : unit.name
    }
    // The reference data's zone (库区, 核心区 or 影响区) in the reader's language.
    function zoneName(zone) {
        return zone === "库区" ? qsTr("库区") : zone === "核心区" ? qsTr("核心区")
             : zone === "影响区" ? qsTr("影响区") : zone
    }

    function zoneColor(zone) {
        return zone === "影响区" ? Theme.accent : zone === "库区" ? Theme.primaryDark : page.coreZone
    }

    function closeDetail() {
        selected = null
    }

    // One step of the attract show: the next unit's detail, false once all 16 were shown.
    function attractStep() {
        if (attractIndex + 1 >= markers.count) {
            attractIndex = -1
            closeDetail()
            return false
        }
        attractIndex += 1
        markers.itemAt(attractIndex).choose()
        return true
    }

    PairingMap {
        id: mapData
        // A shorter inset than the default leaves the detail panel room for the records.
        insetArea: Qt.rect(1290, 190, 560, 390)
    }

    background: Rectangle {
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#e6f3f8" }
            GradientStop { position: 1.0; color: "#f7fbfc" }
        }
    }

    // Laid out on a 1920×1080 canvas of its own, scaled to fit the page (the shell's rail and
    // top bar leave it less than the screen), so the map keeps its proportions and spacing.
    Item {
        id: canvas
        objectName: "mapCanvas"
        width: 1920
        height: 1080
        scale: Math.min(page.width / width, page.height / height)
        transformOrigin: Item.TopLeft
        x: (page.width - width * scale) / 2
        y: (page.height - height * scale) / 2

        // Touching anywhere that is not a unit returns to the overview.
        MouseArea {
            objectName: "overviewArea"
            anchors.fill: parent
            onClicked: page.closeDetail()
        }

        Column {
            x: 48
            y: 28
            spacing: 6
            Label {
                text: qsTr("一库清水 永续北送")
                font.pixelSize: 56
                font.bold: true
                color: Theme.primaryDark
            }
            Label {
                // Up to the Beijing inset; a longer translation shrinks rather than runs under it.
                width: insetFrame.x - 48 - 24
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: 20
                text: qsTr("北京市南水北调对口协作 · 丹江口库区及上游地区 %1 个结对县（市、区）")
                      .arg(Units.count)
                font.pixelSize: 28
                color: Theme.textSecondary
            }
        }

        // The Beijing inset's frame (its districts are drawn below, over the lines).
        Rectangle {
            id: insetFrame
            x: mapData.insetArea.x - 24
            y: mapData.insetArea.y - 64
            width: mapData.insetArea.width + 48
            height: mapData.insetArea.height + 88
            radius: 16
            color: "#f4fafc"
            border.color: page.waterLight
            border.width: 2
            Label {
                x: 24
                y: 12
                text: qsTr("北京市 · 16 个结对区")
                font.pixelSize: 28
                font.bold: true
                color: Theme.primaryDark
            }
        }

        // The reservoir: a schematic outline around the dam, 淅川 and 丹江口.
        Shape {
            anchors.fill: parent
            ShapePath {
                strokeColor: page.water
                strokeWidth: 2
                fillColor: page.waterLight
                PathPolyline {
                    path: mapData.reservoir.concat(mapData.reservoir.length ? [mapData.reservoir[0]] : [])
                }
            }
        }
        Label {
            visible: mapData.reservoir.length > 0
            x: mapData.dam.x + 40
            y: mapData.dam.y + 96
            text: qsTr("丹江口水库")
            font.pixelSize: 24
            font.italic: true
            color: page.canalColor
        }

        // Each unit's line to its partner district: faint, the selected one bold.
        Repeater {
            id: partnerLines
            model: Units
            delegate: Shape {
                id: line
                required property string code
                required property string partnerDistrict
                readonly property var from: mapData.units.length, mapData.unit(code)
                readonly property var to: mapData.districts.length, mapData.district(partnerDistrict)
                readonly property bool highlighted: page.selectedCode === code
                objectName: "partnerLine_" + code
                anchors.fill: parent
                visible: from.x !== undefined && to.x !== undefined
                z: highlighted ? 1 : 0
                ShapePath {
                    strokeColor: line.highlighted ? Theme.warning : page.water
                    strokeWidth: line.highlighted ? 5 : 2
                    fillColor: "transparent"
                    strokeStyle: line.highlighted ? ShapePath.SolidLine : ShapePath.DashLine
                    startX: line.from.x || 0
                    startY: line.from.y || 0
                    PathQuad {
                        x: line.to.x || 0
                        y: line.to.y || 0
                        controlX: ((line.from.x || 0) + (line.to.x || 0)) / 2
                        controlY: Math.min(line.from.y || 0, line.to.y || 0) - 80
                    }
                }
                opacity: highlighted ? 1 : page.selected ? 0.15 : 0.35
            }
        }

        // The middle route, 陶岔渠首 to 团城湖, through its waypoints.
        Shape {
            id: canal
            objectName: "canal"
            anchors.fill: parent
            z: 2
            ShapePath {
                strokeColor: page.canalColor
                strokeWidth: 8
                fillColor: "transparent"
                capStyle: ShapePath.RoundCap
                joinStyle: ShapePath.RoundJoin
                PathPolyline {
                    path: mapData.canal.map(function(p) { return Qt.point(p.x, p.y) })
                }
            }
        }
        Repeater {
            model: mapData.canal
            delegate: Item {
                required property var modelData
                required property int index
                x: modelData.x
                y: modelData.y
                z: 2
                Rectangle {
                    width: 16; height: 16; radius: 8
                    x: -8; y: -8
                    color: "white"
                    border.color: page.canalColor
                    border.width: 4
                }
                Label {
                    // The source-area end is labelled below, the rest to the left of the line;
                    // the terminus sits among the districts, so the legend names it instead.
                    visible: index < mapData.canal.length - 1
                    x: index === 0 ? 12 : -implicitWidth - 16
                    y: index === 0 ? 8 : -implicitHeight / 2
                    text: page.english ? modelData.nameEn || modelData.name : modelData.name
                    font.pixelSize: 24
                    color: page.canalColor
                }
            }
        }

        // The 16 districts of Beijing in the inset.
        Repeater {
            model: mapData.districts
            delegate: Item {
                id: districtItem
                required property var modelData
                readonly property bool partnerOfSelected: page.selected !== null
                                                          && page.selected.partnerDistrict === modelData.name
                objectName: "district_" + modelData.name
                x: modelData.x
                y: modelData.y
                z: 3
                Shape {
                    ShapePath {
                        strokeColor: Theme.divider
                        strokeWidth: 1
                        startX: 0; startY: 0
                        PathLine {
                            x: districtItem.modelData.labelX + districtItem.modelData.labelWidth / 2 - districtItem.x
                            y: districtItem.modelData.labelY + districtItem.modelData.labelHeight / 2 - districtItem.y
                        }
                    }
                }
                Rectangle {
                    width: 14; height: 14; radius: 7
                    x: -7; y: -7
                    color: districtItem.partnerOfSelected ? Theme.warning : page.canalColor
                }
                Rectangle {
                    x: districtItem.modelData.labelX - districtItem.x
                    y: districtItem.modelData.labelY - districtItem.y
                    width: districtItem.modelData.labelWidth
                    height: districtItem.modelData.labelHeight
                    radius: height / 2
                    color: districtItem.partnerOfSelected ? Theme.warning : "#ffffffd0"
                    border.color: districtItem.partnerOfSelected ? Theme.warning : Theme.divider
                    Label {
                        anchors.centerIn: parent
                        // The inset is full: the labels keep their size (wider ones would cover
                        // each other) and a longer English name is set smaller to fit.
                        width: parent.width - 6
                        horizontalAlignment: Text.AlignHCenter
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: 14
                        // The inset is titled as Beijing's districts: in English its labels
                        // name each by its own name ("Chaoyang"), as maps do, not "… District".
                        text: page.english
                              ? (districtItem.modelData.nameEn || districtItem.modelData.name)
                                .replace(/ District$/, "")
                              : districtItem.modelData.name
                        font.pixelSize: 24
                        // Not in English: HorizontalFit keeps the size it fitted for the regular face.
                        font.bold: districtItem.partnerOfSelected && !page.english
                        color: districtItem.partnerOfSelected ? "white" : Theme.textPrimary
                    }
                }
            }
        }

        // The 16 units: a dot at the county seat, a leader line and a label that is the touch
        // target (placed apart by PairingMap so fingers do not hit two).
        Repeater {
            id: markers
            model: Units
            delegate: Item {
                id: marker
                required property int index
                required property string code
                required property string name
                required property string nameEn
                required property string province
                required property string prefecture
                required property string zone
                required property string partnerDistrict
                readonly property var place: mapData.units.length, mapData.unit(code)
                readonly property bool isSelected: page.selectedCode === code
                anchors.fill: parent
                z: isSelected ? 5 : 4

                function choose() {
                    page.attractIndex = index
                    page.selected = { code: code, name: name, nameEn: nameEn, province: province,
                                      prefecture: prefecture, zone: zone,
                                      partnerDistrict: partnerDistrict }
                }

                Shape {
                    visible: marker.place.x !== undefined
                    ShapePath {
                        strokeColor: marker.isSelected ? Theme.warning : Theme.textSecondary
                        strokeWidth: 2
                        startX: marker.place.x || 0
                        startY: marker.place.y || 0
                        PathLine {
                            x: (marker.place.labelX || 0) + (marker.place.labelWidth || 0) / 2
                            y: (marker.place.labelY || 0) + (marker.place.labelHeight || 0) / 2
                        }
                    }
                }
                Rectangle {
                    visible: marker.place.x !== undefined
                    x: (marker.place.x || 0) - width / 2
                    y: (marker.place.y || 0) - height / 2
                    width: 18; height: 18; radius: 9
                    color: page.zoneColor(marker.zone)
                    border.color: "white"
                    border.width: 3
                }
                AbstractButton {
                    objectName: "unit_" + marker.code
                    readonly property string zone: marker.zone
                    readonly property string partnerDistrict: marker.partnerDistrict
                    visible: marker.place.x !== undefined
                    focusPolicy: Qt.NoFocus
                    x: marker.place.labelX || 0
                    y: marker.place.labelY || 0
                    width: marker.place.labelWidth || 0
                    height: marker.place.labelHeight || 0
                    onClicked: marker.choose()
                    // The visible pill sits in the middle of the 96 px touch target.
                    contentItem: Item {}
                    background: Rectangle {
                        anchors.centerIn: parent
                        width: parent.width
                        height: 56
                        radius: 28
                        color: marker.isSelected ? page.zoneColor(marker.zone) : "#ffffffe6"
                        border.color: page.zoneColor(marker.zone)
                        border.width: marker.isSelected ? 0 : 3
                        Label {
                            anchors.centerIn: parent
                            width: parent.width - 16
                            horizontalAlignment: Text.AlignHCenter
                            fontSizeMode: Text.HorizontalFit // English names are longer
                            minimumPixelSize: 18
                            text: page.english ? marker.nameEn : marker.name
                            font.pixelSize: 26
                            font.bold: true
                            color: marker.isSelected ? "white" : Theme.textPrimary
                        }
                    }
                }
            }
        }

        // Bottom right: the legend in the overview, the touched unit's detail otherwise.
        Rectangle {
            id: sidePanel
            x: insetFrame.x
            y: insetFrame.y + insetFrame.height + 24
            width: insetFrame.width
            height: canvas.height - y - 32
            radius: 16
            color: Theme.surface
            border.color: page.waterLight
            border.width: 2
            z: 6

            // Swallows touches so the panel does not close itself.
            MouseArea { anchors.fill: parent }

            Column {
                objectName: "legend"
                visible: page.selected === null
                x: 28; y: 20
                spacing: 14
                Label {
                    text: qsTr("图例")
                    font.pixelSize: 28
                    font.bold: true
                    color: Theme.primaryDark
                }
                Repeater {
                    model: ["库区", "核心区", "影响区"]
                    delegate: Row {
                        required property string modelData
                        spacing: 16
                        Rectangle {
                            width: 24; height: 24; radius: 12
                            anchors.verticalCenter: parent.verticalCenter
                            color: page.zoneColor(modelData)
                        }
                        Label {
                            text: modelData === "库区" ? qsTr("库区（水源区）")
                                  : modelData === "核心区" ? qsTr("核心水源区") : qsTr("影响区")
                            font.pixelSize: 24
                            color: Theme.textPrimary
                        }
                    }
                }
                Row {
                    spacing: 16
                    Rectangle {
                        width: 48; height: 8; radius: 4
                        anchors.verticalCenter: parent.verticalCenter
                        color: page.canalColor
                    }
                    Label {
                        width: sidePanel.width - 120
                        wrapMode: Text.WordWrap
                        text: qsTr("南水北调中线干渠（陶岔渠首—北京团城湖，示意）")
                        font.pixelSize: 24
                        color: Theme.textPrimary
                    }
                }
                Label {
                    text: qsTr("触摸县（市、区）名称，查看结对详情")
                    font.pixelSize: 24
                    color: Theme.textSecondary
                }
            }

            Item {
                objectName: "unitDetail"
                visible: page.selected !== null
                anchors.fill: parent
                anchors.margins: 24
                readonly property string unitName: page.selected ? page.unitName(page.selected) : ""
                readonly property string zone: page.selected ? page.selected.zone : ""
                readonly property string partnerDistrict: page.selected ? page.selected.partnerDistrict : ""

                Column {
                    id: detailText
                    width: parent.width - closeButton.width
                    spacing: 8
                    Row {
                        id: nameRow
                        spacing: 16
                        Label {
                            // The zone beside it: a long English name shrinks to leave it room.
                            width: Math.min(implicitWidth, detailText.width - zonePill.width
                                                           - nameRow.spacing)
                            fontSizeMode: Text.HorizontalFit
                            minimumPixelSize: 28
                            text: page.selected ? page.unitName(page.selected) : ""
                            font.pixelSize: 40
                            font.bold: true
                            color: Theme.primaryDark
                        }
                        Rectangle {
                            id: zonePill
                            anchors.verticalCenter: parent.verticalCenter
                            width: zoneLabel.implicitWidth + 28
                            height: 40
                            radius: 20
                            color: page.selected ? page.zoneColor(page.selected.zone) : "transparent"
                            Label {
                                id: zoneLabel
                                anchors.centerIn: parent
                                text: page.selected ? page.zoneName(page.selected.zone) : ""
                                font.pixelSize: 24
                                color: "white"
                            }
                        }
                    }
                    Label {
                        objectName: "unitRegion"
                        // Province, then prefecture (none for 神农架林区, under the province).
                        text: !page.selected ? ""
                              : page.selected.prefecture === "" ? page.placeName(page.selected.province)
                              : qsTr("%1 · %2").arg(page.placeName(page.selected.province))
                                               .arg(page.placeName(page.selected.prefecture))
                        font.pixelSize: 24
                        color: Theme.textSecondary
                    }
                    Label {
                        objectName: "unitPartner"
                        width: parent.width
                        wrapMode: Text.WordWrap // "Paired with Mentougou District, Beijing"
                        maximumLineCount: 2
                        text: page.selected
                              ? qsTr("结对：北京市%1").arg(page.placeName(page.selected.partnerDistrict)) : ""
                        font.pixelSize: 30
                        font.bold: true
                        color: Theme.warning
                    }
                }
                AbstractButton {
                    id: closeButton
                    objectName: "closeDetail"
                    focusPolicy: Qt.NoFocus
                    anchors.right: parent.right
                    anchors.top: parent.top
                    width: 96
                    height: 96
                    onClicked: page.closeDetail()
                    contentItem: Item {}
                    background: Rectangle {
                        radius: 48
                        color: Theme.background
                        Label {
                            anchors.centerIn: parent
                            text: "✕"
                            font.pixelSize: 40
                            color: Theme.textSecondary
                        }
                    }
                }
                KioskUnitRecords {
                    objectName: "unitRecords"
                    anchors.top: detailText.bottom
                    anchors.topMargin: 16
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    unitCode: page.selectedCode
                }
            }
        }

        // A map that could not be read says so, small, instead of showing nothing.
        Label {
            visible: mapData.error !== ""
            x: 48
            y: canvas.height - 48
            text: qsTr("地图数据有误，部分地点未显示")
            font.pixelSize: 24
            color: Theme.danger
        }
    }
}
