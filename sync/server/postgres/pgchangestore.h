#pragma once

#include "changestore.h"

class BlobStore;
class PgConnection;
class PgDatabase;

// The change log on PostgreSQL, shared by every server on the database. Each transaction
// that numbers changes first locks the counter row (server_meta 'last_seq'), so numbers are
// handed out and committed in order: a puller never sees change 6 before change 5 commits
// (docs/sync.md, "Several servers on one PostgreSQL"). A pull reads one snapshot.
class PgChangeStore : public ChangeStore {
public:
    PgChangeStore(PgDatabase &db, BlobStore &blobs) : m_db(db), m_blobs(blobs) { }

    ApplyResult applyBatch(const Caller &caller, const std::vector<const qingshui::v1::Op *> &ops,
                           qint64 deviceClockSkewMs, qint64 *acked, QString *why,
                           Refusal *refusal) override;
    bool changesSince(const Caller &caller, qint64 sinceSeq, int pageSize,
                      qingshui::v1::PullResponse *out, QString *error) override;
    bool blobStored(const QString &sha256, qint64 size, QString *error) override;
    bool hasBlob(const QString &sha256) override;
    bool blobVisibleTo(const Caller &caller, const QString &sha256) override;
    QString epoch() const override;
    qint64 lastSeq() override;

private:
    ApplyResult applyOps(PgConnection &c, const Caller &caller,
                         const std::vector<const qingshui::v1::Op *> &ops, qint64 deviceClockSkewMs,
                         qint64 *seq, QString *why, Refusal *refusal);

    PgDatabase &m_db;
    BlobStore &m_blobs;
};
