#pragma once

#include "domain/problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

// The column lists, row readers and writers shared by the ledger's queries (problem_event,
// problem, ledger_signoff; schema 16). Photo lists are stored comma-joined (SHA-256 hex has
// no comma), refusal args as a JSON array.

inline QString joinedList(const QStringList &list)
{
    return list.isEmpty() ? QStringLiteral("") : list.join(QLatin1Char(','));
}

inline QStringList splitList(const QVariant &value)
{
    return value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
}

inline QString argsJson(const QStringList &args)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(args)).toJson(QJsonDocument::Compact));
}

inline QStringList argsFromJson(const QVariant &value)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(value.toString().toUtf8()).array())
        out << v.toString();
    return out;
}

// NaN (no point) binds as SQL NULL.
inline QVariant coordinate(double value)
{
    return std::isnan(value) ? QVariant() : QVariant(value);
}

inline double coordinateOf(const QVariant &value)
{
    return value.isNull() ? NAN : value.toDouble();
}

// A null QString binds as SQL NULL; the text columns are NOT NULL.
inline QString notNullText(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

inline constexpr const char *kProblemEventColumns
    = "e.id, e.problem_id, e.action, e.base_server_seq, e.created_at_ms, e.author, e.comment, "
      "e.photos, e.latitude, e.longitude, e.accuracy_m, e.fixed_at_ms, e.village_code, "
      "e.category, e.severity, e.record_id, e.question_id, e.responsible_kind, "
      "e.responsible_code, e.responsible_name, e.deadline_ms, e.recheck_passed, "
      "e.off_site_reason, e.published_before, e.published_after, e.ledger_month, "
      "e.conflict_with_server_seq, e.received_at_ms, e.server_seq";
inline constexpr int kProblemEventColumnCount = 29;

// The one writer of problem_event rows: made here (server_seq 0, local_order its place among
// the pending) or pulled (numbered by the server; this device's own coming back numbered
// fills in what the server set). False with q.lastError() set.
inline bool writeProblemEvent(QSqlQuery &q, const ProblemEvent &e, qint64 localOrder = 0)
{
    q.prepare(QStringLiteral(
        "INSERT INTO problem_event (id, problem_id, action, base_server_seq, created_at_ms, "
        "author, comment, photos, latitude, longitude, accuracy_m, fixed_at_ms, village_code, "
        "category, severity, record_id, question_id, responsible_kind, responsible_code, "
        "responsible_name, deadline_ms, recheck_passed, off_site_reason, published_before, "
        "published_after, ledger_month, conflict_with_server_seq, received_at_ms, server_seq, "
        "local_order) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET author = excluded.author, "
        "ledger_month = excluded.ledger_month, "
        "conflict_with_server_seq = excluded.conflict_with_server_seq, "
        "received_at_ms = excluded.received_at_ms, server_seq = excluded.server_seq"));
    q.addBindValue(e.id);
    q.addBindValue(e.problemId);
    q.addBindValue(static_cast<int>(e.action));
    q.addBindValue(e.baseServerSeq);
    q.addBindValue(e.createdAtMs);
    q.addBindValue(notNullText(e.author));
    q.addBindValue(notNullText(e.comment));
    q.addBindValue(joinedList(e.photos));
    q.addBindValue(coordinate(e.point.latitude));
    q.addBindValue(coordinate(e.point.longitude));
    q.addBindValue(coordinate(e.point.horizontalAccuracyM));
    q.addBindValue(e.point.fixTimeMs);
    q.addBindValue(notNullText(e.villageCode));
    q.addBindValue(notNullText(e.category));
    q.addBindValue(e.severity);
    q.addBindValue(notNullText(e.recordId));
    q.addBindValue(notNullText(e.questionId));
    q.addBindValue(static_cast<int>(e.responsibleKind));
    q.addBindValue(notNullText(e.responsibleCode));
    q.addBindValue(notNullText(e.responsibleName));
    q.addBindValue(e.deadlineMs);
    q.addBindValue(e.recheckPassed ? 1 : 0);
    q.addBindValue(notNullText(e.offSiteReason));
    q.addBindValue(joinedList(e.publishedBefore));
    q.addBindValue(joinedList(e.publishedAfter));
    q.addBindValue(notNullText(e.ledgerMonth));
    q.addBindValue(e.conflictWithServerSeq);
    q.addBindValue(e.receivedAtMs);
    q.addBindValue(e.serverSeq);
    q.addBindValue(localOrder);
    return q.exec();
}

inline ProblemEvent readProblemEvent(const QSqlQuery &q, int first = 0)
{
    ProblemEvent e;
    e.id = q.value(first + 0).toString();
    e.problemId = q.value(first + 1).toString();
    e.action = static_cast<ProblemAction>(q.value(first + 2).toInt());
    e.baseServerSeq = q.value(first + 3).toLongLong();
    e.createdAtMs = q.value(first + 4).toLongLong();
    e.author = q.value(first + 5).toString();
    e.comment = q.value(first + 6).toString();
    e.photos = splitList(q.value(first + 7));
    e.point.latitude = coordinateOf(q.value(first + 8));
    e.point.longitude = coordinateOf(q.value(first + 9));
    e.point.horizontalAccuracyM = coordinateOf(q.value(first + 10));
    e.point.fixTimeMs = q.value(first + 11).toLongLong();
    e.villageCode = q.value(first + 12).toString();
    e.category = q.value(first + 13).toString();
    e.severity = q.value(first + 14).toInt();
    e.recordId = q.value(first + 15).toString();
    e.questionId = q.value(first + 16).toString();
    e.responsibleKind = static_cast<ResponsibleKind>(q.value(first + 17).toInt());
    e.responsibleCode = q.value(first + 18).toString();
    e.responsibleName = q.value(first + 19).toString();
    e.deadlineMs = q.value(first + 20).toLongLong();
    e.recheckPassed = q.value(first + 21).toBool();
    e.offSiteReason = q.value(first + 22).toString();
    e.publishedBefore = splitList(q.value(first + 23));
    e.publishedAfter = splitList(q.value(first + 24));
    e.ledgerMonth = q.value(first + 25).toString();
    e.conflictWithServerSeq = q.value(first + 26).toLongLong();
    e.receivedAtMs = q.value(first + 27).toLongLong();
    e.serverSeq = q.value(first + 28).toLongLong();
    return e;
}

inline constexpr const char *kProblemColumns
    = "p.id, p.village_code, p.category, p.severity, p.description, p.state, p.recheck_passed, "
      "p.responsible_kind, p.responsible_code, p.responsible_name, p.deadline_ms, p.raised_by, "
      "p.raised_at_ms, p.closed_at_ms, p.latitude, p.longitude, p.ledger_month, "
      "p.last_server_seq, p.conflicts, p.published, p.record_id, p.question_id, "
      "p.before_photos, p.after_photos";

// The problem as stored (without its history).
inline Problem readProblem(const QSqlQuery &q, int first = 0)
{
    Problem p;
    p.id = q.value(first + 0).toString();
    p.villageCode = q.value(first + 1).toString();
    p.category = q.value(first + 2).toString();
    p.severity = q.value(first + 3).toInt();
    p.description = q.value(first + 4).toString();
    p.state = static_cast<ProblemState>(q.value(first + 5).toInt());
    p.recheckPassed = q.value(first + 6).toBool();
    p.responsibleKind = static_cast<ResponsibleKind>(q.value(first + 7).toInt());
    p.responsibleCode = q.value(first + 8).toString();
    p.responsibleName = q.value(first + 9).toString();
    p.deadlineMs = q.value(first + 10).toLongLong();
    p.raisedBy = q.value(first + 11).toString();
    p.raisedAtMs = q.value(first + 12).toLongLong();
    p.closedAtMs = q.value(first + 13).toLongLong();
    p.point.latitude = coordinateOf(q.value(first + 14));
    p.point.longitude = coordinateOf(q.value(first + 15));
    p.ledgerMonth = q.value(first + 16).toString();
    p.lastServerSeq = q.value(first + 17).toLongLong();
    p.conflicts = q.value(first + 18).toInt();
    p.published = q.value(first + 19).toBool();
    p.recordId = q.value(first + 20).toString();
    p.questionId = q.value(first + 21).toString();
    p.beforePhotos = splitList(q.value(first + 22));
    p.afterPhotos = splitList(q.value(first + 23));
    return p;
}

inline bool writeProblem(QSqlQuery &q, const Problem &p)
{
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO problem (id, village_code, township_code, county_code, category, "
        "severity, description, state, recheck_passed, responsible_kind, responsible_code, "
        "responsible_name, deadline_ms, raised_by, raised_at_ms, closed_at_ms, latitude, "
        "longitude, ledger_month, last_server_seq, conflicts, published, record_id, "
        "question_id, before_photos, after_photos) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(p.id);
    q.addBindValue(notNullText(p.villageCode));
    q.addBindValue(notNullText(p.villageCode.left(9)));
    q.addBindValue(notNullText(p.villageCode.left(6)));
    q.addBindValue(notNullText(p.category));
    q.addBindValue(p.severity);
    q.addBindValue(notNullText(p.description));
    q.addBindValue(static_cast<int>(p.state));
    q.addBindValue(p.recheckPassed ? 1 : 0);
    q.addBindValue(static_cast<int>(p.responsibleKind));
    q.addBindValue(notNullText(p.responsibleCode));
    q.addBindValue(notNullText(p.responsibleName));
    q.addBindValue(p.deadlineMs);
    q.addBindValue(notNullText(p.raisedBy));
    q.addBindValue(p.raisedAtMs);
    q.addBindValue(p.closedAtMs);
    q.addBindValue(coordinate(p.point.latitude));
    q.addBindValue(coordinate(p.point.longitude));
    q.addBindValue(notNullText(p.ledgerMonth));
    q.addBindValue(p.lastServerSeq);
    q.addBindValue(p.conflicts);
    q.addBindValue(p.published ? 1 : 0);
    q.addBindValue(notNullText(p.recordId));
    q.addBindValue(notNullText(p.questionId));
    q.addBindValue(joinedList(p.beforePhotos));
    q.addBindValue(joinedList(p.afterPhotos));
    return q.exec();
}

inline constexpr const char *kSignoffColumns
    = "s.id, s.township_code, s.month, s.level, s.acknowledged, s.comment, s.created_at_ms, "
      "s.signer, s.received_at_ms, s.server_seq";

inline bool writeSignoff(QSqlQuery &q, const LedgerSignoff &s)
{
    q.prepare(QStringLiteral(
        "INSERT INTO ledger_signoff (id, township_code, month, level, acknowledged, comment, "
        "created_at_ms, signer, received_at_ms, server_seq) VALUES (?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET signer = excluded.signer, "
        "received_at_ms = excluded.received_at_ms, server_seq = excluded.server_seq"));
    q.addBindValue(s.id);
    q.addBindValue(notNullText(s.townshipCode));
    q.addBindValue(notNullText(s.month));
    q.addBindValue(static_cast<int>(s.level));
    q.addBindValue(joinedList(s.acknowledgedOpenProblemIds));
    q.addBindValue(notNullText(s.comment));
    q.addBindValue(s.createdAtMs);
    q.addBindValue(notNullText(s.signer));
    q.addBindValue(s.receivedAtMs);
    q.addBindValue(s.serverSeq);
    return q.exec();
}

inline LedgerSignoff readSignoff(const QSqlQuery &q, int first = 0)
{
    LedgerSignoff s;
    s.id = q.value(first + 0).toString();
    s.townshipCode = q.value(first + 1).toString();
    s.month = q.value(first + 2).toString();
    s.level = static_cast<SignoffLevel>(q.value(first + 3).toInt());
    s.acknowledgedOpenProblemIds = splitList(q.value(first + 4));
    s.comment = q.value(first + 5).toString();
    s.createdAtMs = q.value(first + 6).toLongLong();
    s.signer = q.value(first + 7).toString();
    s.receivedAtMs = q.value(first + 8).toLongLong();
    s.serverSeq = q.value(first + 9).toLongLong();
    return s;
}
