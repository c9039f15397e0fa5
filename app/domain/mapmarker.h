#pragma once

#include <QString>

// One thing the map shows at a place: a record, a village, a pond or a problem. Positions are
// WGS-84 as the GPS gave them; the map view converts them to its basemap's datum for display.
struct MapMarker {
    enum class Kind : quint8 { Record, Village, Pond, Problem };

    QString id; // the record's, village's (its code) or problem's id; a pond: its record's id
    double lon = 0;
    double lat = 0;
    Kind kind = Kind::Record;
    // What colours it: a record's ListStatus, a problem's ProblemState; 0 for the others.
    int status = 0;
    QString label; // drawn beside it when there is room: a pond's number, a village's name
};
