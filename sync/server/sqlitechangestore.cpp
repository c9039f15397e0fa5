#include "sqlitechangestore.h"

#include "changefingerprint.h"
#include "common/sqlitestatement.h"
#include "ledgerfeed.h"
#include "ledgerops.h"
#include "publication.h"
#include "publicwithdrawal.h"
#include "scopecondition.h"
#include "serverdatabase.h"
#include "sqlitesession.h"

#include "qingshui/v1/sync.pb.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

#include <algorithm>

namespace v1 = qingshui::v1;

namespace {

QByteArray bytes(const std::string &s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

QString text(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

std::string utf8(const QVariant &v)
{
    return v.toString().toStdString();
}

struct Head {
    qint64 serverSeq = 0;
    QString deviceId;
    QString villageCode;
    std::string firstDeviceId; // the device whose push made the record's first revision
};

// The newest stored revision of a record, if any.
bool headOf(SqliteStatement &q, const std::string &recordId, Head *out, QString *error)
{
    q.bindText(1, recordId);
    *out = Head {};
    if (q.step())
        *out = {q.columnInt64(0), q.columnText(1), q.columnText(2), q.columnText(3).toStdString()};
    const bool ok = !q.hasError();
    if (!ok)
        *error = q.error();
    q.reset();
    return ok;
}

// The fingerprint of the change numbered seq, whichever kind it is (0 at 0); *found false
// when nothing is numbered so. A public copy shares its decision's number (review_event);
// only the withdrawals schema 9 numbered have none and keep their own.
bool fingerprintAt(QSqlDatabase &db, qint64 seq, qint64 *fingerprint, QString *error,
                   bool *found = nullptr)
{
    *fingerprint = 0;
    if (found)
        *found = seq == 0;
    if (seq == 0)
        return true;
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT coalesce((SELECT fingerprint FROM record_revision WHERE server_seq = ?), "
        "(SELECT fingerprint FROM review_event WHERE server_seq = ?), "
        "(SELECT fingerprint FROM photos_arrived WHERE server_seq = ?), "
        "(SELECT fingerprint FROM public_withdrawal WHERE server_seq = ?), "
        "(SELECT fingerprint FROM problem_event WHERE server_seq = ?), "
        "(SELECT fingerprint FROM ledger_signoff WHERE server_seq = ?))"));
    for (int i = 0; i < 6; ++i)
        q.addBindValue(seq);
    if (!q.exec() || !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    if (found)
        *found = !q.value(0).isNull();
    *fingerprint = q.value(0).toLongLong();
    return true;
}

struct ChangeRow {
    qint64 seq;
    v1::Change change;
};

// The revisions of a pull page: most of its rows, so read straight from SQLite
// (SqliteStatement) rather than through QSqlQuery, which caches each of the 18 columns of
// every row as a QVariant (UTF-16 text converted back to UTF-8 for the reply).
bool readRevisions(QSqlDatabase &db, const QString &scope, const QVariantList &scopeBinds,
                   qint64 sinceSeq, int limit, std::vector<ChangeRow> *rows, QString *error)
{
    const QByteArray sql
        = QStringLiteral(
              "SELECT r.server_seq, r.record_id, r.template_id, r.template_version, r.category, "
              "r.village_code, r.status, r.created_at_ms, r.updated_at_ms, r.content, "
              "r.author_device_id, r.base_server_seq, r.conflict_with, "
              "EXISTS (SELECT 1 FROM record_photo p WHERE p.server_seq = r.server_seq "
              "AND p.proved = 0), "
              "(SELECT group_concat(p.sha256) FROM record_photo p "
              "WHERE p.server_seq = r.server_seq), r.author, r.device_clock_skew_ms, "
              "r.fingerprint "
              "FROM record_revision r WHERE r.server_seq > ? AND %1 "
              "ORDER BY r.server_seq LIMIT ?")
              .arg(scope)
              .toUtf8();
    SqliteStatement q(db, sql.constData());
    q.bind(1, sinceSeq);
    int pos = 2;
    for (const QVariant &code : scopeBinds) // scope codes (scopecondition.h)
        q.bindText(pos++, code.toString());
    q.bind(pos, limit);
    const auto text = [&q](int col) { return q.columnText(col).toStdString(); };
    while (q.step()) {
        ChangeRow row {q.columnInt64(0), {}};
        v1::Change &c = row.change;
        c.set_server_seq(row.seq);
        v1::Record *r = c.mutable_record();
        r->set_id(text(1));
        r->set_template_id(text(2));
        r->set_template_version(int(q.columnInt64(3)));
        r->set_category(text(4));
        r->set_village_code(text(5));
        r->set_status(static_cast<v1::RecordStatus>(q.columnInt64(6)));
        r->set_created_at_ms(q.columnInt64(7));
        r->set_updated_at_ms(q.columnInt64(8));
        const QByteArray content = q.columnBlob(9);
        r->set_content(content.constData(), static_cast<size_t>(content.size()));
        r->set_author_device_id(text(10));
        r->set_base_server_seq(q.columnInt64(11));
        c.set_conflict_with_server_seq(q.columnInt64(12));
        c.set_photos_pending(q.columnInt64(13) != 0);
        const QString photos = q.columnText(14);
        if (!photos.isEmpty()) {
            for (const QString &sha : photos.split(QLatin1Char(',')))
                r->add_photo_sha256(sha.toStdString());
        }
        r->set_author(text(15));
        c.set_device_clock_skew_ms(q.columnInt64(16));
        c.set_fingerprint(static_cast<quint64>(q.columnInt64(17)));
        rows->push_back(std::move(row));
    }
    if (q.hasError()) {
        *error = q.error();
        return false;
    }
    return true;
}

} // namespace

ChangeStore::HistoryCheck SqliteChangeStore::checkHistory(const HistoryMark &mark, QString *error)
{
    if (mark.serverSeq == 0 || mark.fingerprint == 0)
        return HistoryCheck::Same; // a device that knows nothing (or an older server's cursor)
    QSqlDatabase db = m_db.connection();
    qint64 fingerprint = 0;
    bool found = false;
    if (!fingerprintAt(db, mark.serverSeq, &fingerprint, error, &found))
        return HistoryCheck::Failed;
    return found && fingerprint == mark.fingerprint ? HistoryCheck::Same : HistoryCheck::Other;
}

bool SqliteChangeStore::head(HistoryMark *out, QString *error)
{
    // Read under the write lock: the number and its change are committed together.
    std::lock_guard lock(m_db.writeMutex());
    QSqlDatabase db = m_db.connection();
    out->serverSeq = m_db.lastSeq();
    return fingerprintAt(db, out->serverSeq, &out->fingerprint, error);
}

QString SqliteChangeStore::epoch() const
{
    return m_db.epoch();
}

qint64 SqliteChangeStore::lastSeq()
{
    std::lock_guard lock(m_db.writeMutex());
    return m_db.lastSeq();
}

ChangeStore::ApplyResult SqliteChangeStore::applyBatch(const Caller &caller,
                                                       const std::vector<const v1::Op *> &ops,
                                                       qint64 deviceClockSkewMs, qint64 *acked,
                                                       QString *why, Refusal *refusal)
{
    *refusal = {};
    std::lock_guard lock(m_db.writeMutex());
    QSqlDatabase db = m_db.connection();
    if (!db.transaction()) {
        *why = db.lastError().text();
        return ApplyResult::Failed;
    }
    const qint64 seqBefore = m_db.lastSeq();
    qint64 seq = seqBefore;
    auto fail = [&](ApplyResult result, const QString &message) {
        db.rollback();
        m_db.setLastSeq(seqBefore);
        *why = message;
        return result;
    };

    SqliteStatement head(db,
                         "SELECT r.server_seq, r.device_id, r.village_code, "
                         "(SELECT f.device_id FROM record_revision f WHERE f.record_id = "
                         "r.record_id ORDER BY f.server_seq LIMIT 1) "
                         "FROM record_revision r WHERE r.record_id = ? "
                         "ORDER BY r.server_seq DESC LIMIT 1");
    // A (device, op_id) already stored is acknowledged again, never stored twice.
    SqliteStatement insertRevision(
        db,
        "INSERT INTO record_revision (server_seq, record_id, template_id, template_version, "
        "category, village_code, status, created_at_ms, updated_at_ms, content, "
        "author_device_id, device_id, op_id, base_server_seq, conflict_with, author, "
        "device_clock_skew_ms, fingerprint) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (device_id, op_id) DO NOTHING");
    // A photo counts at once if this account has proved it holds the bytes or may see them
    // already; else when the account uploads them (blobProved).
    SqliteStatement insertPhoto(db,
                                "INSERT OR IGNORE INTO record_photo (server_seq, sha256, "
                                "account_id, proved) VALUES (?, ?, ?, ?)");
    QSqlQuery revisionOfRecord(db);
    QSqlQuery insertReview(db);

    const std::string deviceId = caller.deviceId.toStdString();
    const std::string author = caller.username.toStdString(); // whoever the token names
    const LedgerContext ledger {
        QDateTime::currentMSecsSinceEpoch(), recheckRadiusM(),
        [&](const QString &sha) { return blobHeldBy(caller, sha) || blobVisibleTo(caller, sha); }};
    qint64 highest = 0;
    for (size_t i = 0; i < ops.size(); ++i) {
        const v1::Op &op = *ops[i];
        highest = std::max<qint64>(highest, op.client_seq());
        if (op.has_problem() || op.has_signoff()) {
            QString error;
            SqliteSession session(db);
            const ApplyResult applied
                = applyLedgerOp(session, m_blobs, caller, op, ledger, &seq, &error, refusal);
            if (applied != ApplyResult::Applied)
                return fail(applied, QStringLiteral("op %1: ").arg(i) + error);
            continue;
        }
        const std::string &recordId
            = op.has_upsert_record() ? op.upsert_record().id() : op.review().record_id();
        Head current;
        QString error;
        if (!headOf(head, recordId, &current, &error))
            return fail(ApplyResult::Failed, error);
        const auto where
            = [&] { return QStringLiteral("op %1 (record %2): ").arg(i).arg(text(recordId)); };
        // A refusal the device words: its code and args, beside the English for the log.
        const auto refuseOp = [&](ApplyResult result, const char *code, const QStringList &args,
                                  const QString &message) {
            *refusal = {QLatin1String(code), args};
            return fail(result, where() + message);
        };
        // Whoever may change a record must cover where it is now, not only where it goes.
        if (current.serverSeq > 0 && !caller.covers(current.villageCode))
            return refuseOp(ApplyResult::Forbidden, "record_outside_scope", {text(recordId)},
                            QStringLiteral("the record lies outside your jurisdiction"));

        if (op.has_upsert_record()) {
            const v1::Record &r = op.upsert_record();
            // Another device's revision landed after the one this edit started from: both
            // are kept, server order decides, and the newer one names the one it overwrote.
            const qint64 conflictWith
                = current.serverSeq > r.base_server_seq() && current.deviceId != caller.deviceId
                ? current.serverSeq
                : 0;
            insertRevision.bind(1, ++seq);
            insertRevision.bindText(2, r.id());
            insertRevision.bindText(3, r.template_id());
            insertRevision.bind(4, r.template_version());
            insertRevision.bindText(5, r.category());
            insertRevision.bindText(6, r.village_code());
            insertRevision.bind(7, static_cast<int>(r.status()));
            insertRevision.bind(8, r.created_at_ms());
            insertRevision.bind(9, r.updated_at_ms());
            insertRevision.bindBlob(10, r.content());
            // Who wrote it comes from tokens, never from the request: the device that pushed
            // the record's first revision stays its author device through later edits.
            insertRevision.bindText(11, current.serverSeq > 0 ? current.firstDeviceId : deviceId);
            insertRevision.bindText(12, deviceId);
            insertRevision.bindText(13, op.op_id());
            insertRevision.bind(14, r.base_server_seq());
            insertRevision.bind(15, conflictWith);
            insertRevision.bindText(16, author);
            insertRevision.bind(17, deviceClockSkewMs);
            insertRevision.bind(18, newChangeFingerprint());
            insertRevision.step();
            const bool stored = insertRevision.changes() > 0;
            if (insertRevision.hasError())
                return fail(ApplyResult::Failed, where() + insertRevision.error());
            insertRevision.reset();
            if (!stored) { // a repeat: keep the number
                --seq;
                continue;
            }
            for (const std::string &sha : r.photo_sha256()) {
                const QString photo = text(sha);
                insertPhoto.bind(1, seq);
                insertPhoto.bindText(2, sha);
                insertPhoto.bind(3, caller.accountId);
                insertPhoto.bind(4, int(blobHeldBy(caller, photo) || blobVisibleTo(caller, photo)));
                insertPhoto.step();
                if (insertPhoto.hasError())
                    return fail(ApplyResult::Failed, where() + insertPhoto.error());
                insertPhoto.reset();
            }
            continue;
        }

        const v1::ReviewEvent &review = op.review();
        if (current.serverSeq == 0)
            return refuseOp(ApplyResult::UnknownRecord, "record_unknown", {text(recordId)},
                            QStringLiteral("no such record on this server"));
        if (!revisionOfRecord.isActive()) {
            revisionOfRecord.prepare(QStringLiteral("SELECT fingerprint, village_code "
                                                    "FROM record_revision "
                                                    "WHERE server_seq = ? AND record_id = ?"));
        }
        revisionOfRecord.addBindValue(static_cast<qint64>(review.record_server_seq()));
        revisionOfRecord.addBindValue(text(recordId));
        if (!revisionOfRecord.exec())
            return fail(ApplyResult::Failed, where() + revisionOfRecord.lastError().text());
        // A decision that names the revision's fingerprint was made on this very revision,
        // not on one numbered alike in a history a restore lost (0: an older device).
        const qint64 decidedFingerprint = static_cast<qint64>(review.record_fingerprint());
        const bool revisionKnown = revisionOfRecord.next()
            && (decidedFingerprint == 0
                || revisionOfRecord.value(0).toLongLong() == decidedFingerprint);
        const QString revisionVillage
            = revisionKnown ? revisionOfRecord.value(1).toString() : QString();
        revisionOfRecord.finish();
        if (!revisionKnown)
            return refuseOp(ApplyResult::UnknownRecord, "revision_unknown",
                            {text(recordId), QString::number(review.record_server_seq())},
                            QStringLiteral("no revision %1 of this record on this server")
                                .arg(review.record_server_seq()));
        // A decision is on one revision: the reviewer must cover where that revision was,
        // not only where the record is now (it may have moved into their jurisdiction since).
        if (!caller.covers(revisionVillage))
            return refuseOp(ApplyResult::Forbidden, "revision_outside_scope",
                            {text(recordId), QString::number(review.record_server_seq())},
                            QStringLiteral("revision %1 of this record lies outside your "
                                           "jurisdiction")
                                .arg(review.record_server_seq()));
        v1::ReviewEvent stored = review;
        stored.set_reviewer(caller.username.toStdString());
        if (!insertReview.isActive()) {
            insertReview.prepare(QStringLiteral(
                "INSERT INTO review_event (server_seq, id, record_id, record_server_seq, "
                "decision, village_code, event, device_id, op_id, fingerprint) "
                "VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"));
        }
        insertReview.addBindValue(++seq);
        insertReview.addBindValue(text(review.id()));
        insertReview.addBindValue(text(recordId));
        insertReview.addBindValue(static_cast<qint64>(review.record_server_seq()));
        insertReview.addBindValue(static_cast<int>(review.decision()));
        insertReview.addBindValue(current.villageCode);
        insertReview.addBindValue(bytes(stored.SerializeAsString()));
        insertReview.addBindValue(caller.deviceId);
        insertReview.addBindValue(text(op.op_id()));
        insertReview.addBindValue(newChangeFingerprint());
        if (!insertReview.exec())
            return fail(ApplyResult::Failed, where() + insertReview.lastError().text());
        if (insertReview.numRowsAffected() == 0) {
            --seq;
            continue;
        }
        if (review.decision() == v1::REVIEW_DECISION_PUBLISH) {
            QString refused;
            SqliteSession session(db);
            const ApplyResult published
                = publishRevision(session, m_blobs, stored, seq, &refused, refusal);
            if (published != ApplyResult::Applied)
                return fail(published, where() + refused);
        }
        // A record returned or rejected after it was published leaves the kiosks.
        if (review.decision() == v1::REVIEW_DECISION_RETURN
            || review.decision() == v1::REVIEW_DECISION_REJECT) {
            QString failure;
            SqliteSession session(db);
            if (!withdrawPublication(session, text(recordId), seq, &failure))
                return fail(ApplyResult::Failed, where() + failure);
        }
    }
    if (seq != seqBefore) {
        QSqlQuery meta(db);
        meta.prepare(QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'last_seq'"));
        meta.addBindValue(QString::number(seq));
        if (!meta.exec())
            return fail(ApplyResult::Failed, meta.lastError().text());
    }
    if (!db.commit())
        return fail(ApplyResult::Failed, db.lastError().text());
    m_db.setLastSeq(seq);
    *acked = highest;
    return ApplyResult::Applied;
}

bool SqliteChangeStore::changesSince(const Caller &caller, qint64 sinceSeq, int pageSize,
                                     v1::PullResponse *out, QString *error)
{
    QSqlDatabase db = m_db.connection();
    // One read transaction: the three kinds of change come from the same snapshot.
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    std::vector<ChangeRow> rows;
    auto run = [&](const QString &sql, const QVariantList &binds,
                   const std::function<void(const QSqlQuery &, v1::Change *)> &read) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(sql);
        q.addBindValue(sinceSeq);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        q.addBindValue(pageSize + 1); // one more tells whether another page follows
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        while (q.next()) {
            ChangeRow row {q.value(0).toLongLong(), {}};
            row.change.set_server_seq(row.seq);
            read(q, &row.change);
            rows.push_back(std::move(row));
        }
        return true;
    };

    bool ok = true;
    if (caller.role == Caller::Role::Kiosk) {
        ok = run(QStringLiteral("SELECT server_seq, record FROM public_record WHERE server_seq > ? "
                                "ORDER BY server_seq LIMIT ?"),
                 {},
                 [](const QSqlQuery &q, v1::Change *c) {
                     const QByteArray record = q.value(1).toByteArray();
                     c->mutable_record()->ParseFromArray(record.constData(), record.size());
                 })
            && run(QStringLiteral("SELECT server_seq, record_id FROM public_withdrawal "
                                  "WHERE server_seq > ? ORDER BY server_seq LIMIT ?"),
                   {}, [](const QSqlQuery &q, v1::Change *c) {
                       c->mutable_public_withdrawn()->set_record_id(utf8(q.value(1)));
                   });
    } else {
        QVariantList binds;
        const QString scope = scopeCondition(caller, "village_code", &binds);
        ok = readRevisions(db, scope, binds, sinceSeq, pageSize + 1, &rows, error);
        ok = ok
            && run(QStringLiteral("SELECT server_seq, event FROM review_event WHERE server_seq > ? "
                                  "AND %1 ORDER BY server_seq LIMIT ?")
                       .arg(scope),
                   binds,
                   [](const QSqlQuery &q, v1::Change *c) {
                       const QByteArray event = q.value(1).toByteArray();
                       c->mutable_review()->ParseFromArray(event.constData(), event.size());
                   })
            && run(QStringLiteral("SELECT server_seq, record_id, record_server_seq "
                                  "FROM photos_arrived WHERE server_seq > ? AND %1 "
                                  "ORDER BY server_seq LIMIT ?")
                       .arg(scope),
                   binds, [](const QSqlQuery &q, v1::Change *c) {
                       v1::PhotosArrived *a = c->mutable_photos_arrived();
                       a->set_record_id(utf8(q.value(1)));
                       a->set_record_server_seq(q.value(2).toLongLong());
                   });
    }
    // The ledger's changes, and (kiosks) public copies of published problems.
    SqliteSession session(db);
    LedgerFeedRows ledger;
    ok = ok && ledgerChangesSince(session, caller, sinceSeq, pageSize + 1, &ledger, error);
    for (auto &[seq, change] : ledger)
        rows.push_back({seq, std::move(change)});
    if (!ok) {
        db.commit();
        return false;
    }

    std::sort(rows.begin(), rows.end(),
              [](const ChangeRow &a, const ChangeRow &b) { return a.seq < b.seq; });
    qint64 cursor = sinceSeq;
    const size_t n = std::min(rows.size(), static_cast<size_t>(pageSize));
    for (size_t i = 0; i < n; ++i) {
        cursor = rows[i].seq;
        out->add_changes()->Swap(&rows[i].change);
    }
    // The cursor's fingerprint, from the same snapshot: the device sends it back.
    qint64 fingerprint = 0;
    ok = fingerprintAt(db, cursor, &fingerprint, error);
    const bool hasMore = rows.size() > n;
    // The page that ends a kiosk's pull brings the closure rates as they are in this snapshot.
    if (ok && caller.role == Caller::Role::Kiosk && !hasMore)
        ok = addClosureTallies(session, out, error);
    db.commit();
    if (!ok)
        return false;
    out->set_has_more(hasMore);
    out->set_next_server_seq(cursor);
    out->set_next_fingerprint(static_cast<quint64>(fingerprint));
    out->set_server_epoch(m_db.epoch().toStdString());
    return true;
}

bool SqliteChangeStore::blobHeldBy(const Caller &caller, const QString &sha256)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM blob_holder WHERE sha256 = ? AND account_id = ?"));
    q.addBindValue(sha256);
    q.addBindValue(caller.accountId);
    return q.exec() && q.next();
}

bool SqliteChangeStore::blobProved(const Caller &caller, const QString &sha256, qint64 size,
                                   QString *error)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlDatabase db = m_db.connection();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    const qint64 seqBefore = m_db.lastSeq();
    qint64 seq = seqBefore;
    auto fail = [&](const QString &message) {
        db.rollback();
        m_db.setLastSeq(seqBefore);
        *error = message;
        return false;
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO blob (sha256, size, stored_at_ms) VALUES (?,?,?) ON CONFLICT DO NOTHING"));
    q.addBindValue(sha256);
    q.addBindValue(size);
    q.addBindValue(now);
    if (!q.exec())
        return fail(q.lastError().text());
    q.prepare(QStringLiteral("INSERT INTO blob_holder (sha256, account_id, proved_at_ms) "
                             "VALUES (?,?,?) ON CONFLICT DO NOTHING"));
    q.addBindValue(sha256);
    q.addBindValue(caller.accountId);
    q.addBindValue(now);
    if (!q.exec())
        return fail(q.lastError().text());

    // The problem events of this account that named these bytes count them from now on.
    q.prepare(QStringLiteral("UPDATE problem_event_photo SET proved = 1 "
                             "WHERE sha256 = ? AND account_id = ? AND proved = 0"));
    q.addBindValue(sha256);
    q.addBindValue(caller.accountId);
    if (!q.exec())
        return fail(q.lastError().text());

    // The revisions of this account that waited for these bytes.
    QList<qint64> waited;
    q.prepare(QStringLiteral("SELECT DISTINCT server_seq FROM record_photo "
                             "WHERE sha256 = ? AND account_id = ? AND proved = 0"));
    q.addBindValue(sha256);
    q.addBindValue(caller.accountId);
    if (!q.exec())
        return fail(q.lastError().text());
    while (q.next())
        waited << q.value(0).toLongLong();
    if (!waited.isEmpty()) {
        q.prepare(QStringLiteral("UPDATE record_photo SET proved = 1 "
                                 "WHERE sha256 = ? AND account_id = ? AND proved = 0"));
        q.addBindValue(sha256);
        q.addBindValue(caller.accountId);
        if (!q.exec())
            return fail(q.lastError().text());
        // Another server process on the same file may have numbered changes since this one
        // last did: the file's count is the truth (the write above holds its lock).
        QSqlQuery last(db);
        if (!last.exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'last_seq'"))
            || !last.next())
            return fail(last.lastError().text());
        seq = std::max(seq, last.value(0).toLongLong());
    }
    // Those that now have every photo.
    QSqlQuery complete(db);
    complete.prepare(QStringLiteral(
        "SELECT r.record_id, r.village_code FROM record_revision r WHERE r.server_seq = ? "
        "AND NOT EXISTS (SELECT 1 FROM record_photo o WHERE o.server_seq = r.server_seq "
        "AND o.proved = 0)"));
    QSqlQuery arrived(db);
    arrived.prepare(QStringLiteral("INSERT INTO photos_arrived (server_seq, record_id, "
                                   "record_server_seq, village_code, fingerprint) "
                                   "VALUES (?,?,?,?,?)"));
    const qint64 seqFrom = seq;
    for (const qint64 revision : std::as_const(waited)) {
        complete.addBindValue(revision);
        if (!complete.exec())
            return fail(complete.lastError().text());
        if (!complete.next())
            continue;
        arrived.addBindValue(++seq);
        arrived.addBindValue(complete.value(0));
        arrived.addBindValue(revision);
        arrived.addBindValue(complete.value(1));
        arrived.addBindValue(newChangeFingerprint());
        if (!arrived.exec())
            return fail(arrived.lastError().text());
    }
    if (seq != seqFrom) {
        QSqlQuery meta(db);
        meta.prepare(QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'last_seq'"));
        meta.addBindValue(QString::number(seq));
        if (!meta.exec())
            return fail(meta.lastError().text());
    }
    if (!db.commit())
        return fail(db.lastError().text());
    m_db.setLastSeq(seq);
    return true;
}

bool SqliteChangeStore::blobVisibleTo(const Caller &caller, const QString &sha256)
{
    if (caller.role == Caller::Role::Kiosk) {
        // Exactly the renditions recorded when a copy that exists now was published: never
        // an original, never by what a copy's bytes happen to contain.
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT 1 FROM public_photo p JOIN public_record r "
                                 "ON r.record_id = p.record_id WHERE p.rendition_sha256 = ? "
                                 "UNION ALL SELECT 1 FROM public_problem_photo p "
                                 "JOIN public_problem r ON r.problem_id = p.problem_id "
                                 "WHERE p.rendition_sha256 = ? LIMIT 1"));
        q.addBindValue(sha256);
        q.addBindValue(sha256);
        return q.exec() && q.next();
    }
    // A revision's photo, or a problem event's whose problem lies in scope now.
    QVariantList binds {sha256};
    const QString scope = scopeCondition(caller, "r.village_code", &binds);
    binds << sha256;
    const QString problemScope = scopeCondition(caller, "q.village_code", &binds);
    // Or a current basemap package whose scope meets the caller's.
    binds << sha256;
    const QString basemapScope = basemapScopeCondition(caller, "scope_code", &binds);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM record_photo p JOIN record_revision r "
                             "ON r.server_seq = p.server_seq WHERE p.sha256 = ? "
                             "AND p.proved = 1 AND %1 "
                             "UNION ALL SELECT 1 FROM problem_event_photo p "
                             "JOIN problem_event e ON e.server_seq = p.server_seq "
                             "JOIN problem q ON q.problem_id = e.problem_id "
                             "WHERE p.sha256 = ? AND p.proved = 1 AND %2 "
                             "UNION ALL SELECT 1 FROM basemap WHERE sha256 = ? "
                             "AND retired_at_ms = 0 AND %3 LIMIT 1")
                  .arg(scope, problemScope, basemapScope));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    return q.exec() && q.next();
}
