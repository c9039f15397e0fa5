#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QVariantList>

class PhotoStore;

// What the supervisor's record view shows of one stored record: every answer under the label
// of the template version it was filled with, its photos, its GPS point and its history.
class RecordViewController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Services")
    Q_PROPERTY(QString recordId READ recordId NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString place READ place NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString author READ author NOTIFY changed)
    Q_PROPERTY(QString updatedAt READ updatedAt NOTIFY changed)
    Q_PROPERTY(int templateVersion READ templateVersion NOTIFY changed)
    Q_PROPERTY(QVariantList answers READ answers NOTIFY changed)
    Q_PROPERTY(QVariantList history READ history NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
public:
    RecordViewController(QSqlDatabase db, const PhotoStore *photos, QObject *parent = nullptr);

    // Reads the record; false (with error) when it is not in the store.
    Q_INVOKABLE bool open(const QString &recordId);
    // The file URL of a stored photo, "" when it is not on this device (e.g. a photo an
    // older revision had, for the diff).
    Q_INVOKABLE QString photoUrl(const QString &sha256) const;

    QString recordId() const { return m_recordId; }
    QString title() const { return m_title; }
    QString place() const { return m_place; }
    QString statusText() const { return m_statusText; }
    QString author() const { return m_author; }
    QString updatedAt() const { return m_updatedAt; }
    int templateVersion() const { return m_templateVersion; }
    // [{id, section, label, type, text, photos: [{sha256, url}], missingPhotos,
    //   gps: {lat, lon, accuracyM, overrideReason}}] in the template's order, answered only.
    QVariantList answers() const { return m_answers; }
    // [{decision, comment, reviewer, at, questionComments: [{label, comment}]}], oldest first.
    QVariantList history() const { return m_history; }
    QString error() const { return m_error; }

signals:
    void changed();

private:
    QSqlDatabase m_db;
    const PhotoStore *m_photos;
    QString m_recordId, m_title, m_place, m_statusText, m_author, m_updatedAt, m_error;
    int m_templateVersion = 0;
    QVariantList m_answers;
    QVariantList m_history;
};
