import QtQuick
import QtCharts
import Qingshui.Backend
import Qingshui.Ui

// Records per ISO week, stacked by category, for one county or all (the dashboard's chart).
// Qt Charts draws through QGraphicsScene: the app runs a QApplication in supervisor mode.
ChartView {
    id: chart
    objectName: "dashboardChart"
    property string unitCode: ""
    readonly property var dashboard: Dashboard
    readonly property int barSetCount: series.count

    antialiasing: true
    legend.alignment: Qt.AlignBottom
    animationOptions: ChartView.NoAnimation

    function rebuild() {
        series.clear()
        const rows = dashboard.weeklyCounts(unitCode)
        let highest = 0
        for (let w = 0; w < dashboard.weekLabels.length; ++w) {
            let sum = 0
            for (let c = 0; c < rows.length; ++c)
                sum += rows[c][w]
            highest = Math.max(highest, sum)
        }
        for (let c = 0; c < rows.length; ++c)
            series.append(dashboard.categoryNames[c], rows[c])
        weeks.categories = dashboard.weekLabels
        counts.max = Math.max(1, highest)
        counts.applyNiceNumbers()
    }

    StackedBarSeries {
        id: series
        axisX: BarCategoryAxis { id: weeks }
        axisY: ValueAxis { id: counts; min: 0; labelFormat: "%d" }
    }

    onUnitCodeChanged: rebuild()
    Component.onCompleted: rebuild()
    Connections {
        target: chart.dashboard
        function onFiguresChanged() { chart.rebuild() }
    }
}
