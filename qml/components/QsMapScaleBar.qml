import QtQuick
import QtQuick.Controls
import Qingshui.Ui

// A scale bar: the longest round distance (1, 2 or 5 × 10ⁿ metres) that fits in maxWidth.
Item {
    id: bar

    required property real metresPerPixel
    property real maxWidth: 120

    readonly property real metres: {
        if (!(metresPerPixel > 0))
            return 0
        var most = metresPerPixel * maxWidth
        var step = Math.pow(10, Math.floor(Math.log(most) / Math.LN10))
        return most >= 5 * step ? 5 * step : most >= 2 * step ? 2 * step : step
    }
    readonly property string label: metres >= 1000 ? qsTr("%1 公里").arg(metres / 1000)
                                                    : qsTr("%1 米").arg(metres)

    implicitWidth: Math.max(line.width, text.implicitWidth)
    implicitHeight: text.implicitHeight + 8
    visible: metres > 0

    Label {
        id: text
        text: bar.label
        font.pixelSize: Theme.fontSmall
        color: Theme.textPrimary
        style: Text.Outline
        styleColor: "white"
    }
    Rectangle {
        id: line
        anchors.top: text.bottom
        anchors.topMargin: 2
        width: bar.metresPerPixel > 0 ? bar.metres / bar.metresPerPixel : 0
        height: 4
        color: Theme.textPrimary
        border.color: "white"
        border.width: 1
    }
}
