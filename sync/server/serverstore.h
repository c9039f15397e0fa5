#pragma once

#include <QString>
#include <vector>

namespace qingshui::v1 {
class Op;
class PullResponse;
} // namespace qingshui::v1

// The server's storage, behind one interface so that an SQLite file (the embedded default)
// and PostgreSQL can both serve it.
class ServerStore {
public:
    virtual ~ServerStore() = default;

    // Applies a device's batch in one transaction, each (device, op_id) at most once.
    // Returns the highest client_seq of the batch (all of it is durable), or -1 on error.
    virtual qint64 applyBatch(const QString &deviceId,
                              const std::vector<const qingshui::v1::Op *> &ops)
        = 0;

    // Fills the page of changes after sinceSeq, with the new cursor and the epoch.
    virtual bool changesSince(qint64 sinceSeq, int pageSize, qingshui::v1::PullResponse *out) = 0;

    virtual QString epoch() const = 0;
    virtual QString lastError() const = 0;
};
