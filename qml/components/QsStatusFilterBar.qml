import QtQuick
import QtQuick.Layouts

// A record list's status filter: one chip per label (all, then each status); the chip of
// `current` is checked, a tap says which index was picked. Shared by the inspector's list
// and the supervisor's queue.
Flow {
    id: bar

    required property var labels // RecordListModel.statusLabels
    required property int current // RecordListModel.statusFilter
    required property string chipName // objectName prefix of the chips, for tests

    signal picked(int index)

    Layout.fillWidth: true
    spacing: 6

    Repeater {
        model: bar.labels
        delegate: QsFilterChip {
            required property string modelData
            required property int index
            objectName: bar.chipName + index
            text: modelData
            checked: bar.current === index
            onClicked: bar.picked(index)
        }
    }
}
