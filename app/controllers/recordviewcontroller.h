#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

#include "photofetchstatus.h"

class PhotoFetcher;
class PhotoStore;

// What the supervisor's record view shows of one stored record: every answer under the label
// of the template version it was filled with, its photos, its GPS point and its history.
// Photos not on this device yet are fetched at once, before the background's (PhotoFetcher),
// and pinned while shown; each photo's state (photoStates) changes as it arrives.
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
    Q_PROPERTY(QVariantMap photoStates READ photoStates NOTIFY photoStatesChanged)
public:
    // fetcher may be null (no server): photos not on the device then only say so.
    RecordViewController(QSqlDatabase db, const PhotoStore *photos, PhotoFetcher *fetcher = nullptr,
                         QObject *parent = nullptr);

    // Reads the record; false (with error) when it is not in the store. Its photos that are
    // not on this device are asked for at once.
    Q_INVOKABLE bool open(const QString &recordId);
    // The file URL of a stored photo, "" when it is not on this device (e.g. a photo an
    // older revision had, for the diff).
    Q_INVOKABLE QString photoUrl(const QString &sha256) const;
    // More photos this view shows (the diff's): fetched now and pinned with the record's.
    Q_INVOKABLE void fetchPhotos(const QStringList &sha256s);
    // Asks again for a photo that failed.
    Q_INVOKABLE void retryPhoto(const QString &sha256);
    // The page showing recordId closed: its photos may be evicted again.
    Q_INVOKABLE void release(const QString &recordId);
    // The language changed: failure texts are worded again.
    void retranslate() { emit photoStatesChanged(); }

    QString recordId() const { return m_recordId; }
    QString title() const { return m_title; }
    QString place() const { return m_place; }
    QString statusText() const { return m_statusText; }
    QString author() const { return m_author; }
    QString updatedAt() const { return m_updatedAt; }
    int templateVersion() const { return m_templateVersion; }
    // [{id, section, label, type, text, photos: [{sha256, url}], missingPhotos,
    //   gps: {lat, lon, accuracyM, overrideReason}}] in the template's order, answered only.
    // Every photo is listed; url is "" for one not on this device when the record opened
    // (photoStates has it as it arrives).
    QVariantList answers() const { return m_answers; }
    // [{decision, comment, reviewer, at, questionComments: [{label, comment}]}], oldest first.
    QVariantList history() const { return m_history; }
    QString error() const { return m_error; }
    // sha256 -> {url ("" until here), state: "here" | "waiting" | "fetching" | "failed",
    // done, total (bytes while fetching), error (why it failed, in the user's language)},
    // for every photo this view shows.
    QVariantMap photoStates() const;

signals:
    void changed();
    void photoStatesChanged();

private:
    struct PhotoState {
        bool here = false;
        qint64 done = 0;
        qint64 total = 0;
        PhotoFetchFailure failure = PhotoFetchFailure::None;
    };
    void track(const QStringList &sha256s);
    void onArrived(const QString &sha256);

    QSqlDatabase m_db;
    const PhotoStore *m_photos;
    QPointer<PhotoFetcher> m_fetcher; // the app may end it first
    QStringList m_shown; // the photos this view shows, pinned while it is open
    QHash<QString, PhotoState> m_photoStates;
    QString m_recordId, m_title, m_place, m_statusText, m_author, m_updatedAt, m_error;
    int m_templateVersion = 0;
    QVariantList m_answers;
    QVariantList m_history;
};
