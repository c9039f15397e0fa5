#pragma once

#include "domain/geofix.h"
#include "positioning/positionprovider.h"

#include <QObject>
#include <QQmlEngine>

#include <optional>

class QTimer;

// The latest fix and how fresh it is, shown plainly in the app's header.
class PositionStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(bool hasFix READ hasFix NOTIFY changed)
    Q_PROPERTY(double latitude READ latitude NOTIFY changed)
    Q_PROPERTY(double longitude READ longitude NOTIFY changed)
    Q_PROPERTY(double accuracyM READ accuracyM NOTIFY changed)
    Q_PROPERTY(int ageSeconds READ ageSeconds NOTIFY changed)
    Q_PROPERTY(int satellitesInUse READ satellitesInUse NOTIFY changed)
    Q_PROPERTY(QString sourceName READ sourceName CONSTANT)
    // The source's last error in the app's language (worded when read), empty after a fix.
    Q_PROPERTY(QString error READ error NOTIFY changed)
public:
    explicit PositionStatus(PositionProvider *provider, QObject *parent = nullptr);

    bool hasFix() const { return m_fix.isValid(); }
    double latitude() const { return m_fix.latitude; }
    double longitude() const { return m_fix.longitude; }
    double accuracyM() const { return m_fix.horizontalAccuracyM; }
    int ageSeconds() const;
    // -1 when the receiver does not say (and when there is no fix).
    int satellitesInUse() const { return m_lastSatellites; }
    QString sourceName() const;
    QString error() const;
    GeoFix lastFix() const { return m_fix; }

signals:
    void changed();

private:
    PositionProvider *m_provider;
    GeoFix m_fix;
    qint64 m_receivedAtMs = 0;
    int m_lastSatellites = -1;
    std::optional<PositionProvider::Error> m_error;
    QString m_errorDetail;
    QTimer *m_ageTimer;
};
