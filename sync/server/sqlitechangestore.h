#pragma once

#include "changestore.h"

class BlobStore;
class ServerDatabase;

// The change log on the embedded SQLite file. Publishing reads originals from the blob store
// and writes their public renditions into it.
class SqliteChangeStore : public ChangeStore {
public:
    SqliteChangeStore(ServerDatabase &db, BlobStore &blobs) : m_db(db), m_blobs(blobs) { }

    ApplyResult applyBatch(const Caller &caller, const std::vector<const qingshui::v1::Op *> &ops,
                           qint64 deviceClockSkewMs, qint64 *acked, QString *why,
                           Refusal *refusal) override;
    bool changesSince(const Caller &caller, qint64 sinceSeq, int pageSize,
                      qingshui::v1::PullResponse *out, QString *error) override;
    bool blobProved(const Caller &caller, const QString &sha256, qint64 size,
                    QString *error) override;
    bool blobHeldBy(const Caller &caller, const QString &sha256) override;
    bool blobVisibleTo(const Caller &caller, const QString &sha256) override;
    QString epoch() const override;
    qint64 lastSeq() override;
    HistoryCheck checkHistory(const HistoryMark &mark, QString *error) override;
    bool head(HistoryMark *out, QString *error) override;

private:
    ServerDatabase &m_db;
    BlobStore &m_blobs;
};
