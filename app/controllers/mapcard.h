#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// What a tapped point on the map says of itself before it is opened: a record, a village, a
// pond or a problem (kind: MapMarker::Kind). found is false when the store no longer holds it
// (a sync removed it between the drawing and the tap).
struct MapCard {
    Q_GADGET
    QML_VALUE_TYPE(mapCard)
    Q_PROPERTY(bool found MEMBER found CONSTANT)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    Q_PROPERTY(int kind MEMBER kind CONSTANT)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QString subtitle MEMBER subtitle CONSTANT)
    Q_PROPERTY(QString statusText MEMBER statusText CONSTANT)
    Q_PROPERTY(QString dateText MEMBER dateText CONSTANT)
    // What opening it opens: a record's or a pond's record ("record"), a problem ("problem");
    // a village opens nothing.
    Q_PROPERTY(bool canOpen MEMBER canOpen CONSTANT)
    Q_PROPERTY(QString opens MEMBER opens CONSTANT)
public:
    bool found = false;
    QString id;
    int kind = 0;
    QString title;
    QString subtitle;
    QString statusText;
    QString dateText;
    bool canOpen = false;
    QString opens;
};
