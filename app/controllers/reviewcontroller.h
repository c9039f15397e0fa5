#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QVariant>

#include "domain/record.h"
#include "domain/review.h"

class PhotoStore;

// The supervisor's decisions and a record's history, for the review pages. Decisions are
// stored and queued at once (ReviewRepository) and go out with the next sync.
//
// QVariant shapes:
//  revisions(id): [{serverSeq, status (RecordStatus as int), updatedAtMs, answers: {...}}],
//      oldest first; the last is the record as it is now.
//  diffAgainstReturned(id): {} when the record was never returned or is not back yet, else
//      {returnedSeq, currentSeq (also as fromSeq, toSeq),
//       answers: [{questionId, label, before, after}]   (before/after undefined: no answer),
//       photos:  [{questionId, label, added: [sha], removed: [sha]}],
//       gps:     [{questionId, label, before, after, metres}]   (metres -1: a side lacks a point)}
//      labels in the app's language.
//  diffBetween(id, fromSeq, toSeq): the same shape for any two revisions the store holds
//      ({fromSeq, toSeq, answers, photos, gps}); {} when it lacks either (or the template).
//  setAside(): [{reviewId, recordId, error}]: decisions the server refused for good.
//  photoPresence(id): {here, total, pending, complete, text}: the current revision's photos
//      on this device (n/m), whether the server says some are still on their way, and
//      "照片未到齐 (n/m)".
//  incompletePhotos(ids): [{recordId, title, here, total, text}] for those whose photos are
//      not all on this device: what a bulk approval has to confirm.
//
// Approving or publishing a revision whose photos are not all on this device needs
// confirmMissingPhotos: without it nothing is stored and lastError says n/m; with it the
// decision carries the confirmation and the counts (ReviewEvent::photosIncompleteConfirmed).
class ReviewController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
public:
    explicit ReviewController(QSqlDatabase db, QObject *parent = nullptr);

    // Where the photos on this device are (none without one).
    void setPhotoStore(const PhotoStore *photos) { m_photos = photos; }

    // decision: "approve", "return" or "reject"; questionComments: question id -> comment.
    Q_INVOKABLE bool decide(const QString &recordId, const QString &decision,
                            const QString &comment, const QVariantMap &questionComments = {},
                            bool confirmMissingPhotos = false);
    // Approves the current revision of each, in one transaction: all or none.
    Q_INVOKABLE bool approveMany(const QStringList &recordIds, bool confirmMissingPhotos = false);
    // Marks an approved record publishable, with the photos the public may see.
    Q_INVOKABLE bool publish(const QString &recordId, const QStringList &photos,
                             bool confirmMissingPhotos = false);

    Q_INVOKABLE QVariantList revisions(const QString &recordId) const;
    Q_INVOKABLE QVariantMap diffAgainstReturned(const QString &recordId) const;
    Q_INVOKABLE QVariantMap diffBetween(const QString &recordId, qint64 fromSeq,
                                        qint64 toSeq) const;
    Q_INVOKABLE QVariantList setAside() const;
    Q_INVOKABLE QVariantMap photoPresence(const QString &recordId) const;
    Q_INVOKABLE QVariantList incompletePhotos(const QStringList &recordIds) const;

    QString lastError() const { return m_error; }

signals:
    void lastErrorChanged();
    // A decision was stored: lists and the sync chip refresh.
    void decided();

private:
    bool write(const QList<ReviewEvent> &events);
    qint64 currentRevision(const QString &recordId) const;
    // Puts the confirmation of missing photos on an approval or publication, or refuses it
    // (lastError set) when photos are missing and the reviewer did not confirm.
    bool confirmPhotos(ReviewEvent *event, bool confirmed);
    QString titleOf(const Record &record) const;

    QSqlDatabase m_db;
    const PhotoStore *m_photos = nullptr;
    QString m_error;
};
