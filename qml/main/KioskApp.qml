import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Qingshui.Backend
import Qingshui.Ui

// The exhibition screen: full screen, no window chrome, nothing to type into, no way out but
// an admin's PIN. Pages are laid out on a 1920×1080 design canvas that is scaled to the
// screen (2× at 3840×2160) and letterboxed at other aspect ratios.
ApplicationWindow {
    id: window
    title: qsTr("清水巡查 · 展示")
    visible: false
    flags: Qt.FramelessWindowHint
    color: "#0b1a22" // the letterbox bars
    Material.primary: Theme.primary
    Material.accent: Theme.primary

    readonly property int designWidth: 1920
    readonly property int designHeight: 1080
    readonly property real canvasScale: Math.min(width / designWidth, height / designHeight)
    // 0 home (map), 1 achievements, 2 gallery, 3 the ledger (整改销号)
    readonly property int currentPage: pages.currentIndex
    readonly property Item currentPageItem: pages.children[pages.currentIndex] || null
    readonly property bool adminOpen: pinPad.visible || adminPanel.visible

    // Shell API (tests and qingshui-bench drive these).
    function goHome() {
        showPage(0)
    }
    function showPage(index) {
        if (index === pages.currentIndex)
            return
        pages.currentIndex = index
        pageFade.restart()
    }
    // One step of the attract loop: the page's own show first, then the next page.
    function attractStep() {
        var page = currentPageItem
        if (page && typeof page.attractStep === "function" && page.attractStep())
            return
        showPage((pages.currentIndex + 1) % pages.count)
    }

    // Visitors cannot close it; only an admin who entered the PIN and chose to leave.
    onClosing: (close) => { close.accepted = Kiosk.leaving }

    Component.onCompleted: Kiosk.startWatching()

    Connections {
        target: Kiosk
        function onBecameIdle() {
            pinPad.close()
            adminPanel.close()
            window.goHome()
            // The next visitor finds the exhibition in its own language.
            if (Language.language !== "zh_CN")
                Language.language = "zh_CN"
        }
    }

    Timer {
        id: attractTimer
        objectName: "attractTimer"
        interval: Math.max(100, Kiosk.attractStepS * 1000)
        repeat: true
        running: Kiosk.idle && !window.adminOpen
        onTriggered: window.attractStep()
    }

    Item {
        id: canvas
        objectName: "kioskCanvas"
        width: window.designWidth
        height: window.designHeight
        x: (window.width - width * scale) / 2
        y: (window.height - height * scale) / 2
        scale: window.canvasScale
        transformOrigin: Item.TopLeft
        clip: true

        Rectangle {
            anchors.fill: parent
            color: Theme.background
        }

        KioskTopBar {
            id: topBar
            anchors { left: parent.left; right: parent.right; top: parent.top }
            height: 112
        }

        KioskNavRail {
            id: rail
            anchors { left: parent.left; top: topBar.bottom; bottom: parent.bottom }
            width: 208
            currentIndex: pages.currentIndex
            onPageChosen: (index) => window.showPage(index)
        }

        StackLayout {
            id: pages
            objectName: "kioskPages"
            anchors { left: rail.right; right: parent.right; top: topBar.bottom; bottom: parent.bottom }
            currentIndex: 0

            KioskHomePage { }
            KioskAchievementsPage { }
            KioskGalleryPage { }
            KioskLedgerPage { }

            NumberAnimation on opacity {
                id: pageFade
                running: false // only on a page change (restart()), not at start
                from: 0.2
                to: 1
                duration: 300
                easing.type: Easing.OutCubic
            }
        }

        // The admin gesture: an invisible target in the top-left corner, held for 3 s.
        MouseArea {
            id: adminCorner
            objectName: "adminCorner"
            anchors { left: parent.left; top: parent.top }
            width: 120
            height: 112
            pressAndHoldInterval: 3000
            onPressAndHold: pinPad.open()
        }

        KioskPinPad {
            id: pinPad
            anchors.fill: parent
            onAccepted: adminPanel.open()
        }

        KioskAdminPanel {
            id: adminPanel
            anchors.fill: parent
        }
    }
}
