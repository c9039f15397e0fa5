#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>

class PositionStatus;

// The inspector's actions on records: submit a new one (stored and queued for sync at once).
class InspectorController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Services")
public:
    InspectorController(QSqlDatabase db, const QString &deviceId, PositionStatus *position,
                        QObject *parent = nullptr);

    // Returns an empty string on success, else a message for the inspector.
    Q_INVOKABLE QString submitRecord(const QString &category, const QString &villageCode,
                                     const QString &note);

    Q_INVOKABLE QVariantList categories() const;

signals:
    void recordSubmitted(const QString &recordId);

private:
    QSqlDatabase m_db;
    QString m_deviceId;
    PositionStatus *m_position;
};
