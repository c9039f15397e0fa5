import QtQuick
import QtQuick.Controls
import Qingshui.Backend
import Qingshui.Ui

// The live fix in plain words: accuracy and age, or that there is none.
QsChip {
    required property PositionStatus position

    tint: !position.hasFix ? Theme.danger
        : position.ageSeconds > 10 || !(position.accuracyM <= 10) ? Theme.warning
        : Theme.accent
    text: {
        if (!position.hasFix) {
            if (position.error !== "")
                return qsTr("无定位：%1").arg(position.error)
            return position.satellitesInUse >= 0 ? qsTr("无定位 · %1 颗卫星").arg(position.satellitesInUse)
                                                 : qsTr("无定位")
        }
        var accuracy = isNaN(position.accuracyM) ? qsTr("精度未知")
                                                 : qsTr("±%1 米").arg(Math.round(position.accuracyM))
        var satellites = position.satellitesInUse >= 0 ? qsTr(" · %1 颗卫星").arg(position.satellitesInUse) : ""
        return qsTr("GPS %1%2 · %3 秒前").arg(accuracy).arg(satellites).arg(position.ageSeconds)
    }
}
