#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

#include "domain/record.h"
#include "media/photopresence.h"
#include "photofetchstatus.h"

#include <optional>

class PhotoFetcher;
class PhotoStore;

// What the supervisor's record view shows of one stored record: every answer under the label
// of the template version it was filled with, its photos, its GPS point and its history.
// Photos not on this device yet are fetched at once, before the background's (PhotoFetcher),
// and pinned while shown; each photo's state (photoStates) changes as it arrives.
class RecordViewController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
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
    // What a reviewer needs to trust the record (issue 13). Photos: n of m on this device,
    // while the server says some are pending or not all are here.
    Q_PROPERTY(qint64 serverSeq READ serverSeq NOTIFY changed)
    Q_PROPERTY(bool pastRevision READ pastRevision NOTIFY changed)
    Q_PROPERTY(int photosHere READ photosHere NOTIFY photoCountsChanged)
    Q_PROPERTY(int photosTotal READ photosTotal NOTIFY photoCountsChanged)
    Q_PROPERTY(bool photosIncomplete READ photosIncomplete NOTIFY photoCountsChanged)
    Q_PROPERTY(QString photosText READ photosText NOTIFY photoCountsChanged)
    // Another tablet's revision this one overwrote unseen (0: none), who pushed it and when,
    // and whether this device holds it (for the link to it and the diff).
    Q_PROPERTY(qint64 conflictWith READ conflictWith NOTIFY changed)
    Q_PROPERTY(QString conflictAuthor READ conflictAuthor NOTIFY changed)
    Q_PROPERTY(QString conflictAt READ conflictAt NOTIFY changed)
    Q_PROPERTY(bool conflictAvailable READ conflictAvailable NOTIFY changed)
    // [{kind: "gpsOverride"|"staleFix"|"clockSkew", text}] (ReviewFlagText::lines).
    Q_PROPERTY(QVariantList flags READ flags NOTIFY changed)
public:
    // fetcher may be null (no server): photos not on the device then only say so.
    RecordViewController(QSqlDatabase db, const PhotoStore *photos, PhotoFetcher *fetcher = nullptr,
                         QObject *parent = nullptr);

    // Reads the record; false (with error) when it is not in the store. Its photos that are
    // not on this device are asked for at once.
    Q_INVOKABLE bool open(const QString &recordId);
    // Reads a past revision of a record the store holds (the one a conflict overwrote), to
    // be shown read-only; false (with error) when this device does not hold it.
    Q_INVOKABLE bool openRevision(const QString &recordId, qint64 serverSeq);
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
    // [{decision, comment, reviewer, at, questionComments: [{label, comment}],
    //   photosConfirmation ("" or e.g. "照片未到齐 (1/2) 时确认通过")}], oldest first.
    QVariantList history() const { return m_history; }
    QString error() const { return m_error; }
    // sha256 -> {url ("" until here), state: "here" | "waiting" | "fetching" | "failed" |
    // "notUploaded" (the tablet has not sent it yet: no error), done, total (bytes while
    // fetching), error (why it is not here, in the user's language)}, for every photo this
    // view shows.
    QVariantMap photoStates() const;

    qint64 serverSeq() const { return m_serverSeq; }
    bool pastRevision() const { return m_pastRevision; }
    int photosHere() const { return m_photoPresence.here; }
    int photosTotal() const { return m_photoPresence.total; }
    bool photosIncomplete() const { return m_photosPending || !m_photoPresence.complete(); }
    QString photosText() const;
    qint64 conflictWith() const { return m_conflictWith; }
    QString conflictAuthor() const { return m_conflictAuthor; }
    QString conflictAt() const { return m_conflictAt; }
    bool conflictAvailable() const { return m_conflictAvailable; }
    QVariantList flags() const { return m_flags; }

public slots:
    // A photo arrived on this device: the counts grow if the record refers to it.
    void photoArrived(const QString &sha256);
    // Counts the record's photos on this device again, and reads again whether the server
    // still says some are pending (after a sync).
    void refreshPhotoCounts();

signals:
    void changed();
    void photoStatesChanged();
    void photoCountsChanged();

private:
    struct PhotoState {
        bool here = false;
        qint64 done = 0;
        qint64 total = 0;
        PhotoFetchFailure failure = PhotoFetchFailure::None;
    };
    QString pinOwner() const;
    void track(const QStringList &sha256s);
    void onArrived(const QString &sha256);
    bool show(const std::optional<Record> &record, const QString &recordId);
    void readFlags(const Record &record, const QHash<QString, QString> &labelOf);

    QSqlDatabase m_db;
    const PhotoStore *m_photos;
    QPointer<PhotoFetcher> m_fetcher; // the app may end it first
    QStringList m_shown; // the photos this view shows, pinned while it is open
    QHash<QString, PhotoState> m_photoStates;
    QString m_recordId, m_title, m_place, m_statusText, m_author, m_updatedAt, m_error;
    int m_templateVersion = 0;
    QVariantList m_answers;
    QVariantList m_history;
    qint64 m_serverSeq = 0;
    bool m_pastRevision = false;
    QByteArray m_content;
    bool m_photosPending = false;
    PhotoPresence m_photoPresence;
    qint64 m_conflictWith = 0;
    QString m_conflictAuthor, m_conflictAt;
    bool m_conflictAvailable = false;
    QVariantList m_flags;
};
