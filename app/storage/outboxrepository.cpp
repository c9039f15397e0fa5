#include "outboxrepository.h"

#include "problemrepository.h"
#include "sqlproblem.h"
#include "sqlrecord.h"
#include "sqlreview.h"
#include "syncmetarepository.h"
#include "transaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

QList<OutboxEntry> OutboxRepository::peek(int max, qint64 afterClientSeq) const
{
    QList<OutboxEntry> out;
    // Read straight from SQLite: a push reads its records 2,000 at a time, and QSqlQuery
    // would cache every column of every row as a QVariant first. A decision or a ledger op
    // names no record: its event or sign-off is read on its own (they are few).
    const QByteArray sql
        = QStringLiteral("SELECT o.client_seq, o.op_id, coalesce(o.review_id, ''), "
                         "coalesce(o.problem_event_id, ''), coalesce(o.signoff_id, ''), %1 "
                         "FROM outbox o LEFT JOIN record r ON r.id = o.record_id "
                         "WHERE o.client_seq > ? ORDER BY o.client_seq LIMIT ?")
              .arg(QLatin1String(kRecordColumns))
              .toUtf8();
    SqliteStatement q(m_db, sql.constData());
    q.bind(1, afterClientSeq);
    q.bind(2, max);
    constexpr int kRecordFirst = 5;
    QSqlQuery other(m_db);
    auto readOther = [&](const char *columns, const char *byId, const QString &id) {
        other.prepare(
            QStringLiteral("SELECT %1 FROM %2").arg(QLatin1String(columns), QLatin1String(byId)));
        other.addBindValue(id);
        return other.exec() && other.next();
    };
    while (q.step()) {
        OutboxEntry entry {
            q.columnInt64(0), q.columnText(1), readRecord(q, kRecordFirst), {}, {}, {}};
        const QString reviewId = q.columnText(2);
        const QString problemEventId = q.columnText(3);
        const QString signoffId = q.columnText(4);
        if (!reviewId.isEmpty()) {
            if (!readOther(kReviewColumns, "review_event e WHERE e.id = ?", reviewId)) {
                m_error = QStringLiteral("queued decision %1 is missing").arg(reviewId);
                break; // nothing after it goes out before it
            }
            entry.review = readReview(other);
        } else if (!problemEventId.isEmpty()) {
            if (!readOther(kProblemEventColumns, "problem_event e WHERE e.id = ?",
                           problemEventId)) {
                m_error = QStringLiteral("queued problem event %1 is missing").arg(problemEventId);
                break;
            }
            entry.problem = readProblemEvent(other);
        } else if (!signoffId.isEmpty()) {
            if (!readOther(kSignoffColumns, "ledger_signoff s WHERE s.id = ?", signoffId)) {
                m_error = QStringLiteral("queued sign-off %1 is missing").arg(signoffId);
                break;
            }
            entry.signoff = readSignoff(other);
        }
        out << entry;
    }
    if (q.hasError())
        m_error = q.error();
    return out;
}

int OutboxRepository::pendingCount() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next() ? q.value(0).toInt()
                                                                             : 0;
}

bool OutboxRepository::acknowledge(qint64 ackedClientSeq, const HistoryMark &serverHead)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    // Records whose every queued op is acknowledged are now held by the server.
    q.prepare(QStringLiteral("UPDATE record SET sync_state = ? WHERE id IN "
                             "(SELECT o.record_id FROM outbox o WHERE o.client_seq <= ? "
                             "AND o.review_id IS NULL "
                             "AND NOT EXISTS (SELECT 1 FROM outbox later "
                             "WHERE later.record_id = o.record_id AND later.client_seq > ?))"));
    q.addBindValue(static_cast<int>(SyncState::Synced));
    q.addBindValue(ackedClientSeq);
    q.addBindValue(ackedClientSeq);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE client_seq <= ?"));
    q.addBindValue(ackedClientSeq);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    // What left the outbox is held by the server up to its head: a restore that loses it
    // must be noticed even while this device's pull cursor is behind it.
    if (!SyncMetaRepository(m_db).advanceHistoryMark(serverHead)) {
        m_error = QStringLiteral("cannot store the server's history mark");
        return false;
    }
    return tx.commit();
}

bool OutboxRepository::setAside(qint64 clientSeq, const QString &error, const QString &errorCode,
                                const QStringList &errorArgs)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(problem_event_id, ''), coalesce(signoff_id, '') "
                             "FROM outbox WHERE client_seq = ?"));
    q.addBindValue(clientSeq);
    if (!q.exec() || !q.next()) {
        m_error = QStringLiteral("no op %1 in the outbox").arg(clientSeq);
        return false;
    }
    const QString problemEventId = q.value(0).toString();
    const QString signoffId = q.value(1).toString();
    if (!problemEventId.isEmpty() || !signoffId.isEmpty()) {
        if (!setAsideLedgerOp(problemEventId, signoffId, errorCode, errorArgs))
            return false;
        q.prepare(QStringLiteral("DELETE FROM outbox WHERE client_seq = ?"));
        q.addBindValue(clientSeq);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
        return tx.commit();
    }
    q.prepare(QStringLiteral("INSERT INTO outbox_set_aside (op_id, review_id, record_id, error, "
                             "error_code, error_args, set_aside_at_ms) "
                             "SELECT op_id, review_id, record_id, ?, ?, ?, ? "
                             "FROM outbox WHERE client_seq = ? AND review_id IS NOT NULL"));
    q.addBindValue(error);
    q.addBindValue(errorCode.isEmpty() ? QStringLiteral("") : errorCode); // never NULL
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(errorArgs)).toJson(QJsonDocument::Compact)));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(clientSeq);
    if (!q.exec() || q.numRowsAffected() != 1) {
        m_error
            = QStringLiteral("cannot set op %1 aside: %2").arg(clientSeq).arg(q.lastError().text());
        return false;
    }
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE client_seq = ?"));
    q.addBindValue(clientSeq);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return tx.commit();
}

bool OutboxRepository::setAsideLedgerOp(const QString &problemEventId, const QString &signoffId,
                                        const QString &errorCode, const QStringList &errorArgs)
{
    // The row stays where it is, marked: never lost, no longer folded or listed as pending.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE %1 SET refusal_code = ?, refusal_args = ?, "
                             "set_aside_at_ms = ? WHERE id = ?")
                  .arg(problemEventId.isEmpty() ? QLatin1String("ledger_signoff")
                                                : QLatin1String("problem_event")));
    q.addBindValue(errorCode.isEmpty() ? QStringLiteral("") : errorCode);
    q.addBindValue(argsJson(errorArgs));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(problemEventId.isEmpty() ? signoffId : problemEventId);
    if (!q.exec() || q.numRowsAffected() != 1) {
        m_error = QStringLiteral("cannot set ledger op aside: %1").arg(q.lastError().text());
        return false;
    }
    if (problemEventId.isEmpty())
        return true;
    q.prepare(QStringLiteral("SELECT problem_id FROM problem_event WHERE id = ?"));
    q.addBindValue(problemEventId);
    if (!q.exec() || !q.next()) {
        m_error = q.lastError().text();
        return false;
    }
    ProblemRepository problems(m_db);
    if (!problems.refold(q.value(0).toString())) {
        m_error = problems.lastError();
        return false;
    }
    return true;
}

QList<SetAsideReview> OutboxRepository::setAsideReviews() const
{
    QList<SetAsideReview> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT op_id, review_id, record_id, error, error_code, error_args "
                               "FROM outbox_set_aside ORDER BY set_aside_at_ms, op_id"))) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        QStringList args;
        for (const QJsonValue &arg :
             QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array())
            args << arg.toString();
        out << SetAsideReview {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               q.value(3).toString(), q.value(4).toString(), args};
    }
    return out;
}
