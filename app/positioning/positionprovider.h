#pragma once

#include "domain/geofix.h"

#include <QObject>

// Where fixes come from: the device's GPS, or an NMEA log replayed for demos and tests.
class PositionProvider : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start() = 0;
    virtual void stop() = 0;
    virtual QString sourceName() const = 0;

signals:
    void fixReceived(const GeoFix &fix);
    void errorOccurred(const QString &message);
};
