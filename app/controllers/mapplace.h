#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A place on the kiosk's pairing map (PairingMap): its dot at x, y on the design canvas and,
// for a unit's seat or a Beijing district, its label's touch target. A canal waypoint has no
// code and no label. found is false for a place the map does not know (unit(), district()).
struct MapPlace {
    Q_GADGET
    QML_VALUE_TYPE(mapPlace)
    Q_PROPERTY(bool found MEMBER found CONSTANT)
    Q_PROPERTY(QString code MEMBER code CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString nameEn MEMBER nameEn CONSTANT)
    Q_PROPERTY(double x MEMBER x CONSTANT)
    Q_PROPERTY(double y MEMBER y CONSTANT)
    Q_PROPERTY(double labelX MEMBER labelX CONSTANT)
    Q_PROPERTY(double labelY MEMBER labelY CONSTANT)
    Q_PROPERTY(double labelWidth MEMBER labelWidth CONSTANT)
    Q_PROPERTY(double labelHeight MEMBER labelHeight CONSTANT)
public:
    bool found = false;
    QString code;
    QString name;
    QString nameEn;
    double x = 0;
    double y = 0;
    double labelX = 0;
    double labelY = 0;
    double labelWidth = 0;
    double labelHeight = 0;
};
