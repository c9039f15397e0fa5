#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QVariant>

#include "domain/review.h"

// The supervisor's decisions and a record's history, for the review pages. Decisions are
// stored and queued at once (ReviewRepository) and go out with the next sync.
//
// QVariant shapes:
//  revisions(id): [{serverSeq, status (RecordStatus as int), updatedAtMs, answers: {...}}],
//      oldest first; the last is the record as it is now.
//  diffAgainstReturned(id): {} when the record was never returned or is not back yet, else
//      {returnedSeq, currentSeq,
//       answers: [{questionId, label, before, after}]   (before/after undefined: no answer),
//       photos:  [{questionId, label, added: [sha], removed: [sha]}],
//       gps:     [{questionId, label, before, after, metres}]   (metres -1: a side lacks a point)}
//      labels in the app's language.
//  setAside(): [{reviewId, recordId, error}]: decisions the server refused for good.
class ReviewController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Services")
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
public:
    explicit ReviewController(QSqlDatabase db, QObject *parent = nullptr);

    // decision: "approve", "return" or "reject"; questionComments: question id -> comment.
    Q_INVOKABLE bool decide(const QString &recordId, const QString &decision,
                            const QString &comment, const QVariantMap &questionComments = {});
    // Approves the current revision of each, in one transaction: all or none.
    Q_INVOKABLE bool approveMany(const QStringList &recordIds);
    // Marks an approved record publishable, with the photos the public may see.
    Q_INVOKABLE bool publish(const QString &recordId, const QStringList &photos);

    Q_INVOKABLE QVariantList revisions(const QString &recordId) const;
    Q_INVOKABLE QVariantMap diffAgainstReturned(const QString &recordId) const;
    Q_INVOKABLE QVariantList setAside() const;

    QString lastError() const { return m_error; }

signals:
    void lastErrorChanged();
    // A decision was stored: lists and the sync chip refresh.
    void decided();

private:
    bool write(const QList<ReviewEvent> &events);
    qint64 currentRevision(const QString &recordId) const;

    QSqlDatabase m_db;
    QString m_error;
};
