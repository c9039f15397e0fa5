#pragma once

#include "domain/review.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

// The column list and row reader shared by the queries that return review events.
inline constexpr const char *kReviewColumns
    = "e.id, e.record_id, e.record_server_seq, e.decision, e.comment, e.question_comments, "
      "e.published_photos, e.created_at_ms, e.reviewer, e.server_seq, "
      "e.photos_incomplete_confirmed, e.photos_seen, e.photos_total, e.record_fingerprint";
// Question comments are stored as a JSON array of {question_id, comment}.
inline QString questionCommentsJson(const QList<QuestionComment> &comments)
{
    QJsonArray array;
    for (const QuestionComment &c : comments)
        array.append(QJsonObject {{QStringLiteral("question_id"), c.questionId},
                                  {QStringLiteral("comment"), c.comment}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// The one writer of review_event rows: a decision made on this device (no reviewer, server_seq
// 0, queued by the caller) and one pulled from the server (or its own coming back numbered,
// which fills in the server's reviewer and server_seq). False with q.lastError() set.
inline bool writeReviewEvent(QSqlQuery &q, const ReviewEvent &e)
{
    // A null QString binds as SQL NULL; these columns are NOT NULL.
    const auto notNull = [](const QString &s) { return s.isNull() ? QStringLiteral("") : s; };
    q.prepare(QStringLiteral(
        "INSERT INTO review_event (id, record_id, record_server_seq, decision, comment, "
        "question_comments, published_photos, created_at_ms, reviewer, server_seq, "
        "photos_incomplete_confirmed, photos_seen, photos_total, record_fingerprint) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
        "server_seq = excluded.server_seq, reviewer = excluded.reviewer"));
    q.addBindValue(e.id);
    q.addBindValue(e.recordId);
    q.addBindValue(e.recordServerSeq);
    q.addBindValue(static_cast<int>(e.decision));
    q.addBindValue(notNull(e.comment));
    q.addBindValue(questionCommentsJson(e.questionComments));
    q.addBindValue(notNull(e.publishedPhotos.join(QLatin1Char(','))));
    q.addBindValue(e.createdAtMs);
    q.addBindValue(notNull(e.reviewer));
    q.addBindValue(e.serverSeq);
    q.addBindValue(e.photosIncompleteConfirmed ? 1 : 0);
    q.addBindValue(e.photosSeen);
    q.addBindValue(e.photosTotal);
    q.addBindValue(e.recordFingerprint);
    return q.exec();
}

inline ReviewEvent readReview(const QSqlQuery &q, int first = 0)
{
    ReviewEvent e;
    e.id = q.value(first + 0).toString();
    e.recordId = q.value(first + 1).toString();
    e.recordServerSeq = q.value(first + 2).toLongLong();
    e.decision = static_cast<ReviewDecision>(q.value(first + 3).toInt());
    e.comment = q.value(first + 4).toString();
    const QJsonArray comments = QJsonDocument::fromJson(q.value(first + 5).toByteArray()).array();
    for (const QJsonValue &v : comments) {
        e.questionComments << QuestionComment {v[QStringLiteral("question_id")].toString(),
                                               v[QStringLiteral("comment")].toString()};
    }
    e.publishedPhotos = q.value(first + 6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    e.createdAtMs = q.value(first + 7).toLongLong();
    e.reviewer = q.value(first + 8).toString();
    e.serverSeq = q.value(first + 9).toLongLong();
    e.photosIncompleteConfirmed = q.value(first + 10).toBool();
    e.photosSeen = q.value(first + 11).toInt();
    e.photosTotal = q.value(first + 12).toInt();
    e.recordFingerprint = q.value(first + 13).toLongLong();
    return e;
}
