#pragma once

#include "serverstore.h"

#include <QSqlDatabase>
#include <mutex>

// The embedded backend: one SQLite file in WAL mode. Writers are serialised by a mutex;
// each gRPC thread reads on its own connection.
class SqliteServerStore : public ServerStore {
public:
    SqliteServerStore() = default;
    ~SqliteServerStore() override;

    bool open(const QString &path);

    qint64 applyBatch(const QString &deviceId,
                      const std::vector<const qingshui::v1::Op *> &ops) override;
    bool changesSince(qint64 sinceSeq, int pageSize, qingshui::v1::PullResponse *out) override;
    QString epoch() const override { return m_epoch; }
    QString lastError() const override;

private:
    QSqlDatabase connection();
    void setError(const QString &error);

    QString m_path;
    QString m_epoch;
    QString m_connectionPrefix;
    std::mutex m_writeMutex;
    mutable std::mutex m_errorMutex;
    QString m_error;
};
