#pragma once

#include "changestore.h"

class ServerDatabase;

// The change log on the embedded SQLite file.
class SqliteChangeStore : public ChangeStore {
public:
    explicit SqliteChangeStore(ServerDatabase &db) : m_db(db) { }

    ApplyResult applyBatch(const Caller &caller, const std::vector<const qingshui::v1::Op *> &ops,
                           qint64 *acked, RefusalReason *why) override;
    bool changesSince(const Caller &caller, qint64 sinceSeq, int pageSize,
                      qingshui::v1::PullResponse *out, QString *error) override;
    bool blobStored(const QString &sha256, qint64 size, QString *error) override;
    bool hasBlob(const QString &sha256) override;
    bool blobVisibleTo(const Caller &caller, const QString &sha256) override;
    QString epoch() const override;
    qint64 lastSeq() override;

private:
    ServerDatabase &m_db;
};
