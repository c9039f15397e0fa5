import QtQuick

// Placeholder until the feed part lands: the feed part's version shows this unit's published
// records and their count by category.
Item {
    property string unitCode
}
