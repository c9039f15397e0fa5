#include "pulledpagewriter.h"

#include "problemrepository.h"
#include "reviewrepository.h"
#include "sqlproblem.h"
#include "syncmetarepository.h"
#include "transaction.h"

#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

bool PulledPageWriter::apply(const PulledPage &page)
{
    Transaction tx(m_db);
    // The outbox is small (what this device has not sent yet): read it once per page.
    QSet<QString> withLocalEdits;
    QSqlQuery pending(m_db);
    if (!pending.exec(
            QStringLiteral("SELECT DISTINCT record_id FROM outbox WHERE review_id IS NULL "
                           "AND record_id IS NOT NULL"))) {
        m_error = pending.lastError().text();
        return false;
    }
    while (pending.next())
        withLocalEdits.insert(pending.value(0).toString());
    for (Record r : page.records) {
        if (withLocalEdits.contains(r.id))
            continue;
        // (The upsert keeps the op id of a revision this device submitted.)
        r.syncState = SyncState::Synced;
        if (!m_records.upsert(r)) {
            m_error = m_records.lastError();
            return false;
        }
    }
    ReviewRepository reviews(m_db);
    for (const ReviewEvent &e : page.reviews) {
        if (!reviews.storePulled(e)) {
            m_error = reviews.lastError();
            return false;
        }
    }
    for (const auto &[recordId, serverSeq] : page.photosArrived) {
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("UPDATE record SET photos_pending = 0 WHERE id = ? AND server_seq = ?"));
        q.addBindValue(recordId);
        q.addBindValue(serverSeq);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    for (const QString &recordId : page.withdrawn) {
        if (!removeWithdrawn(recordId))
            return false;
    }
    if (!storeLedger(page))
        return false;
    SyncMetaRepository meta(m_db);
    if (!meta.setValue(QLatin1String(SyncMetaRepository::kPullCursor),
                       QString::number(page.nextServerSeq))
        || !meta.setValue(QLatin1String(SyncMetaRepository::kServerEpoch), page.epoch)
        || !meta.advanceHistoryMark({page.nextServerSeq, page.nextFingerprint})) {
        m_error = QStringLiteral("cannot store the pull cursor");
        return false;
    }
    if (!tx.commit()) {
        m_error = QStringLiteral("cannot commit the pulled page");
        return false;
    }
    // A long pull writes without a pause, so the WalCheckpointer's checkpoint on its own
    // connection is always behind the log's end and SQLite never starts the log over (18.7 GB
    // of log for a 3.7 GB store after a million records). Once the log passes
    // kLogBytesBeforeCheckpoint, the writer copies it back itself, between two of its
    // transactions, so that the next one starts it over (and truncates the file to
    // Database::kWalSizeLimitBytes). PASSIVE: it never waits for a reader; the page is
    // committed whatever it says.
    if (QFileInfo(m_db.databaseName() + QLatin1String("-wal")).size() > kLogBytesBeforeCheckpoint)
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    return true;
}

bool PulledPageWriter::removeWithdrawn(const QString &recordId)
{
    // A kiosk's copy of a record that is no longer public: gone with its history and search
    // text (the index follows by trigger). A record this device still has to send stays.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE record_id = ?"));
    q.addBindValue(recordId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    if (q.next())
        return true;
    for (const char *sql :
         {"DELETE FROM record_search WHERE record_id = ?",
          "DELETE FROM record_revision WHERE record_id = ?", "DELETE FROM record WHERE id = ?"}) {
        q.prepare(QLatin1String(sql));
        q.addBindValue(recordId);
        if (!q.exec()) {
            m_error = QStringLiteral("cannot remove withdrawn record %1: %2")
                          .arg(recordId, q.lastError().text());
            return false;
        }
    }
    return true;
}

bool PulledPageWriter::storeLedger(const PulledPage &page)
{
    ProblemRepository problems(m_db);
    QStringList touched; // in the page's order
    QSet<QString> seen;
    for (const ProblemEvent &e : page.problemEvents) {
        if (!problems.storePulled(e)) {
            m_error = problems.lastError();
            return false;
        }
        if (!seen.contains(e.problemId)) {
            seen.insert(e.problemId);
            touched << e.problemId;
        }
    }
    for (const QString &problemId : std::as_const(touched)) {
        if (!problems.refold(problemId)) {
            m_error = problems.lastError();
            return false;
        }
    }
    for (const LedgerSignoff &s : page.signoffs) {
        if (!problems.storePulledSignoff(s)) {
            m_error = problems.lastError();
            return false;
        }
    }
    QSqlQuery q(m_db);
    for (const PublicProblem &p : page.publicProblems) {
        q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO public_problem (problem_id, village_code, category, "
            "raised_at_ms, closed_at_ms, before_photos, after_photos) VALUES (?,?,?,?,?,?,?)"));
        q.addBindValue(p.problemId);
        q.addBindValue(notNullText(p.villageCode));
        q.addBindValue(notNullText(p.category));
        q.addBindValue(p.raisedAtMs);
        q.addBindValue(p.closedAtMs);
        q.addBindValue(joinedList(p.beforePhotos));
        q.addBindValue(joinedList(p.afterPhotos));
        if (!q.exec()) {
            m_error = QStringLiteral("cannot store public problem %1: %2")
                          .arg(p.problemId, q.lastError().text());
            return false;
        }
    }
    if (!page.endsPull)
        return true;
    if (!q.exec(QStringLiteral("DELETE FROM closure_tally"))) {
        m_error = q.lastError().text();
        return false;
    }
    q.prepare(
        QStringLiteral("INSERT INTO closure_tally (unit_code, raised, closed) VALUES (?,?,?)"));
    for (const ClosureTally &t : page.closureTallies) {
        q.addBindValue(t.unitCode);
        q.addBindValue(t.raised);
        q.addBindValue(t.closed);
        if (!q.exec()) {
            m_error = QStringLiteral("cannot store closure tally %1: %2")
                          .arg(t.unitCode, q.lastError().text());
            return false;
        }
    }
    return true;
}
