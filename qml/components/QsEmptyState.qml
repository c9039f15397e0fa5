import QtQuick
import QtQuick.Controls
import Qingshui.Ui

// What a list says when it has nothing to show.
Label {
    horizontalAlignment: Text.AlignHCenter
    wrapMode: Text.WordWrap
    color: Theme.textSecondary
    font.pixelSize: Theme.fontBody
}
