#pragma once

#include "domain/geofix.h"

#include <QObject>

// Where fixes come from: the device's GPS, or an NMEA log replayed for demos and tests.
class PositionProvider : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // What went wrong, as a kind the app words in the user's language when it shows it
    // (PositionStatus), so that a change of language rewords an error already on screen.
    enum class Error {
        NoSource, // the device has no position source
        AccessDenied, // the app may not use the location
        SourceClosed, // the source went away (location switched off)
        Timeout, // no position for longer than the source waits
        SourceFailed, // any other failure; the detail is Qt Positioning's error number
        ReplayUnreadable, // the NMEA log to replay cannot be read; the detail is its path
    };
    Q_ENUM(Error)

    virtual void start() = 0;
    virtual void stop() = 0;
    virtual QString sourceName() const = 0;

signals:
    void fixReceived(const GeoFix &fix);
    void errorOccurred(PositionProvider::Error error, const QString &detail);
};
