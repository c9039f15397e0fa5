#include "pgchangestore.h"

#include "changefingerprint.h"
#include "ledgerfeed.h"
#include "ledgerops.h"
#include "pgdatabase.h"
#include "pgsession.h"
#include "publication.h"
#include "publicwithdrawal.h"
#include "scopecondition.h"

#include "qingshui/v1/sync.pb.h"

#include <QDateTime>

#include <algorithm>
#include <functional>

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

// The caller's account proved it holds the blob's bytes by uploading them.
bool heldBy(PgConnection &c, const Caller &caller, const QString &sha256)
{
    return c.exec(QStringLiteral("SELECT 1 FROM blob_holder WHERE sha256 = ? AND account_id = ?"),
                  {sha256, caller.accountId})
               .rows()
        == 1;
}

// Some revision the caller may see counts the blob (a kiosk: a public rendition of it).
bool visibleTo(PgConnection &c, const Caller &caller, const QString &sha256)
{
    if (caller.role == Caller::Role::Kiosk) {
        // Exactly the renditions recorded when a copy that exists now was published.
        return c.exec(QStringLiteral("SELECT 1 FROM public_photo p JOIN public_record r "
                                     "ON r.record_id = p.record_id "
                                     "WHERE p.rendition_sha256 = ? "
                                     "UNION ALL SELECT 1 FROM public_problem_photo p "
                                     "JOIN public_problem r ON r.problem_id = p.problem_id "
                                     "WHERE p.rendition_sha256 = ? LIMIT 1"),
                      {sha256, sha256})
                   .rows()
            == 1;
    }
    // A revision's photo, or a problem event's whose problem lies in scope now.
    QVariantList binds {sha256};
    const QString scope = scopeCondition(caller, "r.village_code", &binds);
    binds << sha256;
    const QString problemScope = scopeCondition(caller, "q.village_code", &binds);
    // Or a current basemap package whose scope meets the caller's.
    binds << sha256;
    const QString basemapScope = basemapScopeCondition(caller, "scope_code", &binds);
    return c.exec(QStringLiteral("SELECT 1 FROM record_photo p JOIN record_revision r "
                                 "ON r.server_seq = p.server_seq WHERE p.sha256 = ? "
                                 "AND p.proved = 1 AND %1 "
                                 "UNION ALL SELECT 1 FROM problem_event_photo p "
                                 "JOIN problem_event e ON e.server_seq = p.server_seq "
                                 "JOIN problem q ON q.problem_id = e.problem_id "
                                 "WHERE p.sha256 = ? AND p.proved = 1 AND %2 "
                                 "UNION ALL SELECT 1 FROM basemap WHERE sha256 = ? "
                                 "AND retired_at_ms = 0 AND %3 LIMIT 1")
                      .arg(scope, problemScope, basemapScope),
                  binds)
               .rows()
        == 1;
}

// Locks the counter row until the transaction ends and reads the last number given out.
// Every transaction that numbers changes starts here, so they number and commit in turn.
bool lockCounter(PgConnection &c, qint64 *lastSeq, QString *error)
{
    const PgResult r
        = c.exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'last_seq' FOR UPDATE"));
    if (!r.ok() || r.rows() != 1) {
        *error = r.ok() ? QStringLiteral("server_meta has no last_seq") : r.error();
        return false;
    }
    *lastSeq = r.value(0, 0).toString().toLongLong();
    return true;
}

bool storeCounter(PgConnection &c, qint64 seq, QString *error)
{
    const PgResult r
        = c.exec(QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'last_seq'"), {seq});
    if (!r.ok())
        *error = r.error();
    return r.ok();
}

// The fingerprint of the change numbered by the expression seqSql, whichever kind it is (NULL
// when nothing is numbered so). A public copy shares its decision's number (review_event);
// only the withdrawals schema 9 numbered have none and keep their own.
QString fingerprintAtSql(const char *seqSql)
{
    return QStringLiteral(
               "coalesce((SELECT fingerprint FROM record_revision WHERE server_seq = %1), "
               "(SELECT fingerprint FROM review_event WHERE server_seq = %1), "
               "(SELECT fingerprint FROM photos_arrived WHERE server_seq = %1), "
               "(SELECT fingerprint FROM public_withdrawal WHERE server_seq = %1), "
               "(SELECT fingerprint FROM problem_event WHERE server_seq = %1), "
               "(SELECT fingerprint FROM ledger_signoff WHERE server_seq = %1))")
        .arg(QLatin1String(seqSql));
}

// The fingerprint of the change numbered seq (0 at 0); *found false when there is none.
bool fingerprintAt(PgConnection &c, qint64 seq, qint64 *fingerprint, QString *error,
                   bool *found = nullptr)
{
    *fingerprint = 0;
    if (found)
        *found = seq == 0;
    if (seq == 0)
        return true;
    const PgResult r = c.exec(QStringLiteral("SELECT ") + fingerprintAtSql("s.seq")
                                  + QStringLiteral(" FROM (SELECT ?::bigint AS seq) s"),
                              {seq});
    if (!r.ok() || r.rows() != 1) {
        *error = r.ok() ? QStringLiteral("no fingerprint row") : r.error();
        return false;
    }
    if (found)
        *found = !r.isNull(0, 0);
    *fingerprint = r.value(0, 0).toLongLong();
    return true;
}

} // namespace

ChangeStore::HistoryCheck PgChangeStore::checkHistory(const HistoryMark &mark, QString *error)
{
    if (mark.serverSeq == 0 || mark.fingerprint == 0)
        return HistoryCheck::Same; // a device that knows nothing (or an older server's cursor)
    PgPool::Lease c = m_db.pool().lease();
    qint64 fingerprint = 0;
    bool found = false;
    if (!fingerprintAt(*c, mark.serverSeq, &fingerprint, error, &found))
        return HistoryCheck::Failed;
    return found && fingerprint == mark.fingerprint ? HistoryCheck::Same : HistoryCheck::Other;
}

bool PgChangeStore::head(HistoryMark *out, QString *error)
{
    // One statement, one snapshot: the counter and the change it numbers commit together.
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral("SELECT s.seq, ") + fingerprintAtSql("s.seq")
                               + QStringLiteral(" FROM (SELECT value::bigint AS seq FROM "
                                                "server_meta WHERE key = 'last_seq') s"));
    if (!r.ok() || r.rows() != 1) {
        *error = r.ok() ? QStringLiteral("server_meta has no last_seq") : r.error();
        return false;
    }
    out->serverSeq = r.value(0, 0).toLongLong();
    out->fingerprint = r.value(0, 1).toLongLong(); // NULL (nothing numbered yet): 0
    return true;
}

QString PgChangeStore::epoch() const
{
    return m_db.epoch();
}

qint64 PgChangeStore::lastSeq()
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r
        = c->exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'last_seq'"));
    return r.rows() == 1 ? r.value(0, 0).toString().toLongLong() : 0;
}

ChangeStore::ApplyResult PgChangeStore::applyBatch(const Caller &caller,
                                                   const std::vector<const v1::Op *> &ops,
                                                   qint64 deviceClockSkewMs, qint64 *acked,
                                                   QString *why, Refusal *refusal)
{
    *refusal = {};
    PgPool::Lease c = m_db.pool().lease();
    if (PgResult r = c->begin(); !r.ok()) {
        *why = r.error();
        return ApplyResult::Failed;
    }
    qint64 seqBefore = 0;
    if (!lockCounter(*c, &seqBefore, why)) {
        c->rollback();
        return ApplyResult::Failed;
    }
    qint64 seq = seqBefore;
    const ApplyResult result = applyOps(*c, caller, ops, deviceClockSkewMs, &seq, why, refusal);
    if (result != ApplyResult::Applied || (seq != seqBefore && !storeCounter(*c, seq, why))) {
        c->rollback();
        return result != ApplyResult::Applied ? result : ApplyResult::Failed;
    }
    if (PgResult r = c->commit(); !r.ok()) {
        *why = r.error();
        return ApplyResult::Failed;
    }
    qint64 highest = 0;
    for (const v1::Op *op : ops)
        highest = std::max<qint64>(highest, op->client_seq());
    *acked = highest;
    return ApplyResult::Applied;
}

ChangeStore::ApplyResult PgChangeStore::applyOps(PgConnection &c, const Caller &caller,
                                                 const std::vector<const v1::Op *> &ops,
                                                 qint64 deviceClockSkewMs, qint64 *seq,
                                                 QString *why, Refusal *refusal)
{
    const LedgerContext ledger {
        QDateTime::currentMSecsSinceEpoch(), recheckRadiusM(),
        [&](const QString &sha) { return heldBy(c, caller, sha) || visibleTo(c, caller, sha); }};
    for (size_t i = 0; i < ops.size(); ++i) {
        const v1::Op &op = *ops[i];
        if (op.has_problem() || op.has_signoff()) {
            PgSession session(c);
            QString error;
            const ApplyResult applied
                = applyLedgerOp(session, m_blobs, caller, op, ledger, seq, &error, refusal);
            if (applied != ApplyResult::Applied) {
                *why = QStringLiteral("op %1: ").arg(i) + error;
                return applied;
            }
            continue;
        }
        const std::string &recordId
            = op.has_upsert_record() ? op.upsert_record().id() : op.review().record_id();
        const auto where
            = [&] { return QStringLiteral("op %1 (record %2): ").arg(i).arg(text(recordId)); };
        const auto failed = [&](const QString &message) {
            *why = where() + message;
            return ApplyResult::Failed;
        };
        const auto refuse = [&](ApplyResult result, const char *code, const QStringList &args,
                                const QString &message) {
            *refusal = {QLatin1String(code), args};
            *why = where() + message;
            return result;
        };
        // The newest stored revision of the record, if any.
        PgResult head = c.exec(
            QStringLiteral("SELECT r.server_seq, r.device_id, r.village_code, "
                           "(SELECT f.device_id FROM record_revision f WHERE f.record_id = "
                           "r.record_id ORDER BY f.server_seq LIMIT 1) "
                           "FROM record_revision r WHERE r.record_id = ? "
                           "ORDER BY r.server_seq DESC LIMIT 1"),
            {text(recordId)});
        if (!head.ok())
            return failed(head.error());
        const qint64 headSeq = head.rows() == 1 ? head.value(0, 0).toLongLong() : 0;
        const QString headDevice = head.value(0, 1).toString();
        const QString headVillage = head.value(0, 2).toString();
        const QString firstDevice = head.value(0, 3).toString(); // pushed the first revision
        // Whoever may change a record must cover where it is now, not only where it goes.
        if (headSeq > 0 && !caller.covers(headVillage))
            return refuse(ApplyResult::Forbidden, "record_outside_scope", {text(recordId)},
                          QStringLiteral("the record lies outside your jurisdiction"));

        if (op.has_upsert_record()) {
            const v1::Record &r = op.upsert_record();
            // Another device's revision landed after the one this edit started from: both
            // are kept, server order decides, and the newer one names the one it overwrote.
            const qint64 conflictWith
                = headSeq > r.base_server_seq() && headDevice != caller.deviceId ? headSeq : 0;
            // Who wrote it comes from tokens, never from the request: the device that pushed
            // the record's first revision stays its author device through later edits.
            const QString authorDevice = headSeq > 0 ? firstDevice : caller.deviceId;
            // A (device, op_id) already stored is acknowledged again, never stored twice.
            const PgResult inserted = c.exec(
                QStringLiteral("INSERT INTO record_revision (server_seq, record_id, template_id, "
                               "template_version, category, village_code, status, created_at_ms, "
                               "updated_at_ms, content, author_device_id, device_id, op_id, "
                               "base_server_seq, conflict_with, author, device_clock_skew_ms, "
                               "fingerprint) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                               "ON CONFLICT (device_id, op_id) DO NOTHING"),
                {*seq + 1, text(r.id()), text(r.template_id()), r.template_version(),
                 text(r.category()), text(r.village_code()), static_cast<int>(r.status()),
                 qint64(r.created_at_ms()), qint64(r.updated_at_ms()), bytes(r.content()),
                 authorDevice, caller.deviceId, text(op.op_id()), qint64(r.base_server_seq()),
                 conflictWith, caller.username, deviceClockSkewMs, newChangeFingerprint()});
            if (!inserted.ok())
                return failed(inserted.error());
            if (inserted.affected() == 0) // a repeat: keep the number
                continue;
            ++*seq;
            for (const std::string &sha : r.photo_sha256()) {
                // A photo counts at once if this account has proved it holds the bytes or
                // may see them already; else when the account uploads them (blobProved).
                const QString sha256 = text(sha);
                const int proved = heldBy(c, caller, sha256) || visibleTo(c, caller, sha256);
                const PgResult photo = c.exec(
                    QStringLiteral("INSERT INTO record_photo (server_seq, sha256, account_id, "
                                   "proved) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                    {*seq, sha256, caller.accountId, proved});
                if (!photo.ok())
                    return failed(photo.error());
            }
            continue;
        }

        const v1::ReviewEvent &review = op.review();
        if (headSeq == 0)
            return refuse(ApplyResult::UnknownRecord, "record_unknown", {text(recordId)},
                          QStringLiteral("no such record on this server"));
        const PgResult known
            = c.exec(QStringLiteral("SELECT fingerprint, village_code FROM record_revision "
                                    "WHERE server_seq = ? "
                                    "AND record_id = ?"),
                     {qint64(review.record_server_seq()), text(recordId)});
        if (!known.ok())
            return failed(known.error());
        // A decision that names the revision's fingerprint was made on this very revision,
        // not on one numbered alike in a history a restore lost (0: an older device).
        const qint64 decidedFingerprint = static_cast<qint64>(review.record_fingerprint());
        if (known.rows() == 0
            || (decidedFingerprint != 0 && known.value(0, 0).toLongLong() != decidedFingerprint))
            return refuse(ApplyResult::UnknownRecord, "revision_unknown",
                          {text(recordId), QString::number(review.record_server_seq())},
                          QStringLiteral("no revision %1 of this record on this server")
                              .arg(review.record_server_seq()));
        // A decision is on one revision: the reviewer must cover where that revision was,
        // not only where the record is now (it may have moved into their jurisdiction since).
        if (!caller.covers(known.value(0, 1).toString()))
            return refuse(ApplyResult::Forbidden, "revision_outside_scope",
                          {text(recordId), QString::number(review.record_server_seq())},
                          QStringLiteral("revision %1 of this record lies outside your "
                                         "jurisdiction")
                              .arg(review.record_server_seq()));
        v1::ReviewEvent stored = review;
        stored.set_reviewer(caller.username.toStdString());
        const PgResult inserted = c.exec(
            QStringLiteral("INSERT INTO review_event (server_seq, id, record_id, "
                           "record_server_seq, decision, village_code, event, device_id, op_id, "
                           "fingerprint) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"),
            {*seq + 1, text(review.id()), text(recordId), qint64(review.record_server_seq()),
             static_cast<int>(review.decision()), headVillage, bytes(stored.SerializeAsString()),
             caller.deviceId, text(op.op_id()), newChangeFingerprint()});
        if (!inserted.ok())
            return failed(inserted.error());
        if (inserted.affected() == 0)
            continue;
        ++*seq;
        PgSession session(c);
        if (review.decision() == v1::REVIEW_DECISION_PUBLISH) {
            QString refused;
            const ApplyResult published
                = publishRevision(session, m_blobs, stored, *seq, &refused, refusal);
            if (published != ApplyResult::Applied) {
                *why = where() + refused;
                return published;
            }
        }
        // A record returned or rejected after it was published leaves the kiosks.
        if (review.decision() == v1::REVIEW_DECISION_RETURN
            || review.decision() == v1::REVIEW_DECISION_REJECT) {
            QString failure;
            if (!withdrawPublication(session, text(recordId), *seq, &failure))
                return failed(failure);
        }
    }
    return ApplyResult::Applied;
}

bool PgChangeStore::changesSince(const Caller &caller, qint64 sinceSeq, int pageSize,
                                 v1::PullResponse *out, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    // One snapshot for the three kinds of change: a number a query skips is not yet
    // committed, and (the counter lock) neither is any number after it.
    if (PgResult r = c->begin("ISOLATION LEVEL REPEATABLE READ READ ONLY"); !r.ok()) {
        *error = r.error();
        return false;
    }
    struct Row {
        qint64 seq;
        v1::Change change;
    };
    std::vector<Row> rows;
    auto run = [&](const QString &sql, const QVariantList &binds,
                   const std::function<void(const PgResult &, int, v1::Change *)> &read) {
        const PgResult r
            = c->exec(sql, QVariantList {sinceSeq} + binds + QVariantList {pageSize + 1});
        if (!r.ok()) {
            *error = r.error();
            return false;
        }
        for (int i = 0; i < r.rows(); ++i) {
            Row row {r.value(i, 0).toLongLong(), {}};
            row.change.set_server_seq(row.seq);
            read(r, i, &row.change);
            rows.push_back(std::move(row));
        }
        return true;
    };

    bool ok = true;
    if (caller.role == Caller::Role::Kiosk) {
        ok = run(QStringLiteral("SELECT server_seq, record FROM public_record WHERE server_seq > ? "
                                "ORDER BY server_seq LIMIT ?"),
                 {},
                 [](const PgResult &r, int i, v1::Change *c) {
                     const QByteArray record = r.value(i, 1).toByteArray();
                     c->mutable_record()->ParseFromArray(record.constData(), record.size());
                 })
            && run(QStringLiteral("SELECT server_seq, record_id FROM public_withdrawal "
                                  "WHERE server_seq > ? ORDER BY server_seq LIMIT ?"),
                   {}, [](const PgResult &r, int i, v1::Change *c) {
                       c->mutable_public_withdrawn()->set_record_id(utf8(r.value(i, 1)));
                   });
    } else {
        QVariantList binds;
        const QString scope = scopeCondition(caller, "village_code", &binds);
        ok = run(
            QStringLiteral(
                "SELECT r.server_seq, r.record_id, r.template_id, r.template_version, r.category, "
                "r.village_code, r.status, r.created_at_ms, r.updated_at_ms, r.content, "
                "r.author_device_id, r.base_server_seq, r.conflict_with, "
                "EXISTS (SELECT 1 FROM record_photo p WHERE p.server_seq = r.server_seq "
                "AND p.proved = 0), "
                "(SELECT string_agg(p.sha256, ',') FROM record_photo p "
                "WHERE p.server_seq = r.server_seq), r.author, r.device_clock_skew_ms, "
                "r.fingerprint "
                "FROM record_revision r WHERE r.server_seq > ? AND %1 "
                "ORDER BY r.server_seq LIMIT ?")
                .arg(scope),
            binds, [](const PgResult &q, int i, v1::Change *c) {
                v1::Record *r = c->mutable_record();
                r->set_id(utf8(q.value(i, 1)));
                r->set_template_id(utf8(q.value(i, 2)));
                r->set_template_version(q.value(i, 3).toInt());
                r->set_category(utf8(q.value(i, 4)));
                r->set_village_code(utf8(q.value(i, 5)));
                r->set_status(static_cast<v1::RecordStatus>(q.value(i, 6).toInt()));
                r->set_created_at_ms(q.value(i, 7).toLongLong());
                r->set_updated_at_ms(q.value(i, 8).toLongLong());
                const QByteArray content = q.value(i, 9).toByteArray();
                r->set_content(content.constData(), static_cast<size_t>(content.size()));
                r->set_author_device_id(utf8(q.value(i, 10)));
                r->set_base_server_seq(q.value(i, 11).toLongLong());
                c->set_conflict_with_server_seq(q.value(i, 12).toLongLong());
                c->set_photos_pending(q.value(i, 13).toBool());
                const QString photos = q.value(i, 14).toString();
                if (!photos.isEmpty()) {
                    for (const QString &sha : photos.split(QLatin1Char(',')))
                        r->add_photo_sha256(sha.toStdString());
                }
                r->set_author(utf8(q.value(i, 15)));
                c->set_device_clock_skew_ms(q.value(i, 16).toLongLong());
                c->set_fingerprint(static_cast<quint64>(q.value(i, 17).toLongLong()));
            });
        ok = ok
            && run(QStringLiteral("SELECT server_seq, event FROM review_event WHERE server_seq > ? "
                                  "AND %1 ORDER BY server_seq LIMIT ?")
                       .arg(scope),
                   binds,
                   [](const PgResult &r, int i, v1::Change *c) {
                       const QByteArray event = r.value(i, 1).toByteArray();
                       c->mutable_review()->ParseFromArray(event.constData(), event.size());
                   })
            && run(QStringLiteral("SELECT server_seq, record_id, record_server_seq "
                                  "FROM photos_arrived WHERE server_seq > ? AND %1 "
                                  "ORDER BY server_seq LIMIT ?")
                       .arg(scope),
                   binds, [](const PgResult &r, int i, v1::Change *c) {
                       v1::PhotosArrived *a = c->mutable_photos_arrived();
                       a->set_record_id(utf8(r.value(i, 1)));
                       a->set_record_server_seq(r.value(i, 2).toLongLong());
                   });
    }
    // The ledger's changes, and (kiosks) public copies of published problems.
    PgSession session(*c);
    LedgerFeedRows ledger;
    ok = ok && ledgerChangesSince(session, caller, sinceSeq, pageSize + 1, &ledger, error);
    for (auto &[seq, change] : ledger)
        rows.push_back({seq, std::move(change)});
    if (!ok) {
        c->rollback(); // read only: nothing to keep
        return false;
    }

    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.seq < b.seq; });
    qint64 cursor = sinceSeq;
    const size_t n = std::min(rows.size(), static_cast<size_t>(pageSize));
    for (size_t i = 0; i < n; ++i) {
        cursor = rows[i].seq;
        out->add_changes()->Swap(&rows[i].change);
    }
    // The cursor's fingerprint, from the same snapshot: the device sends it back.
    qint64 fingerprint = 0;
    ok = fingerprintAt(*c, cursor, &fingerprint, error);
    const bool hasMore = rows.size() > n;
    // The page that ends a kiosk's pull brings the closure rates as they are in this snapshot.
    if (ok && caller.role == Caller::Role::Kiosk && !hasMore)
        ok = addClosureTallies(session, out, error);
    c->rollback();
    if (!ok)
        return false;
    out->set_has_more(hasMore);
    out->set_next_server_seq(cursor);
    out->set_next_fingerprint(static_cast<quint64>(fingerprint));
    out->set_server_epoch(m_db.epoch().toStdString());
    return true;
}

bool PgChangeStore::blobHeldBy(const Caller &caller, const QString &sha256)
{
    PgPool::Lease c = m_db.pool().lease();
    return heldBy(*c, caller, sha256);
}

bool PgChangeStore::blobProved(const Caller &caller, const QString &sha256, qint64 size,
                               QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    if (PgResult r = c->begin(); !r.ok()) {
        *error = r.error();
        return false;
    }
    auto fail = [&](const QString &message) {
        c->rollback();
        *error = message;
        return false;
    };
    qint64 seq = 0;
    if (!lockCounter(*c, &seq, error))
        return fail(*error);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    PgResult r = c->exec(QStringLiteral("INSERT INTO blob (sha256, size, stored_at_ms) "
                                        "VALUES (?,?,?) ON CONFLICT DO NOTHING"),
                         {sha256, size, now});
    if (r.ok())
        r = c->exec(QStringLiteral("INSERT INTO blob_holder (sha256, account_id, proved_at_ms) "
                                   "VALUES (?,?,?) ON CONFLICT DO NOTHING"),
                    {sha256, caller.accountId, now});
    // The problem events of this account that named these bytes count them from now on.
    if (r.ok())
        r = c->exec(QStringLiteral("UPDATE problem_event_photo SET proved = 1 WHERE sha256 = ? "
                                   "AND account_id = ? AND proved = 0"),
                    {sha256, caller.accountId});
    // The revisions of this account that waited for these bytes now count them.
    if (r.ok())
        r = c->exec(QStringLiteral("UPDATE record_photo SET proved = 1 WHERE sha256 = ? "
                                   "AND account_id = ? AND proved = 0 RETURNING server_seq"),
                    {sha256, caller.accountId});
    if (!r.ok())
        return fail(r.error());
    QList<qint64> waited;
    for (int i = 0; i < r.rows(); ++i)
        waited << r.value(i, 0).toLongLong();
    std::sort(waited.begin(), waited.end());
    waited.erase(std::unique(waited.begin(), waited.end()), waited.end());
    // Those that now have every photo.
    const qint64 seqFrom = seq;
    for (const qint64 revision : std::as_const(waited)) {
        const PgResult complete = c->exec(
            QStringLiteral("SELECT r.record_id, r.village_code FROM record_revision r "
                           "WHERE r.server_seq = ? AND NOT EXISTS (SELECT 1 FROM record_photo o "
                           "WHERE o.server_seq = r.server_seq AND o.proved = 0)"),
            {revision});
        if (!complete.ok())
            return fail(complete.error());
        if (complete.rows() == 0)
            continue;
        const PgResult arrived = c->exec(
            QStringLiteral("INSERT INTO photos_arrived (server_seq, record_id, "
                           "record_server_seq, village_code, fingerprint) "
                           "VALUES (?,?,?,?,?)"),
            {++seq, complete.value(0, 0), revision, complete.value(0, 1), newChangeFingerprint()});
        if (!arrived.ok())
            return fail(arrived.error());
    }
    if (seq != seqFrom && !storeCounter(*c, seq, error))
        return fail(*error);
    if (PgResult done = c->commit(); !done.ok()) {
        *error = done.error();
        return false;
    }
    return true;
}

bool PgChangeStore::blobVisibleTo(const Caller &caller, const QString &sha256)
{
    PgPool::Lease c = m_db.pool().lease();
    return visibleTo(*c, caller, sha256);
}
