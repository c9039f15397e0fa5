#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QVariant>

#include "domain/record.h"
#include "domain/review.h"
#include "recordphotocount.h"
#include "recordrevision.h"
#include "revisiondiff.h"
#include "setasidedecision.h"

class PhotoStore;

// The supervisor's decisions and a record's history, for the review pages. Decisions are
// stored and queued at once (ReviewRepository) and go out with the next sync.
//
// What the review pages read is typed (one Q_GADGET value type per shape, QML reads the same
// field names):
//  revisions(id): RecordRevision per revision the store holds, oldest first; the last is the
//      record as it is now.
//  diffAgainstReturned(id): RevisionDiff since the latest return (returnedSeq, currentSeq set);
//      not valid when the record was never returned or is not back yet.
//  diffBetween(id, fromSeq, toSeq): the same for any two revisions the store holds; not valid
//      when it lacks either (or the template).
//  setAside(): SetAsideDecision per decision the server refused for good.
//  photoPresence(id): RecordPhotoCount of the current revision's photos on this device.
//  incompletePhotos(ids): RecordPhotoCount of those whose photos are not all on this device:
//      what a bulk approval has to confirm.
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

    Q_INVOKABLE QList<RecordRevision> revisions(const QString &recordId) const;
    Q_INVOKABLE RevisionDiff diffAgainstReturned(const QString &recordId) const;
    Q_INVOKABLE RevisionDiff diffBetween(const QString &recordId, qint64 fromSeq,
                                         qint64 toSeq) const;
    Q_INVOKABLE QList<SetAsideDecision> setAside() const;
    Q_INVOKABLE RecordPhotoCount photoPresence(const QString &recordId) const;
    Q_INVOKABLE QList<RecordPhotoCount> incompletePhotos(const QStringList &recordIds) const;

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
