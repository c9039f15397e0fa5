pragma Singleton
import QtQuick

// Colours, spacing and touch-target sizes shared by every face of the app.
QtObject {
    readonly property color primary: "#0b6e99"      // reservoir blue
    readonly property color primaryDark: "#084f6e"
    readonly property color accent: "#2e9d5b"       // clear-water green
    readonly property color warning: "#c77700"
    readonly property color danger: "#b3261e"
    readonly property color background: "#f4f7f9"
    readonly property color surface: "#ffffff"
    readonly property color textPrimary: "#1b2a33"
    readonly property color textSecondary: "#5a6b75"
    readonly property color divider: "#dde4e8"
    readonly property color review: "#7b3fa0"       // a supervisor's words on the tablet
    readonly property color reviewBackground: "#f5eefa"

    readonly property int touchTarget: 48           // dp: the smallest thing a finger must hit
    readonly property int spacing: 12
    readonly property int radius: 8

    readonly property int fontSmall: 14
    readonly property int fontBody: 16
    readonly property int fontTitle: 20
    readonly property int fontHeadline: 28
}
