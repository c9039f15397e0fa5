#include "syncsession.h"

#include "recordmapping.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "synctransport.h"

#include "qingshui/v1/sync.pb.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSync, "qs.sync")

SyncResult SyncSession::run()
{
    SyncResult result;
    result.ok = pushOutbox(&result) && pullChanges(&result);
    if (!result.ok)
        qCWarning(lcSync) << "sync failed:" << result.error;
    return result;
}

bool SyncSession::pushOutbox(SyncResult *result)
{
    OutboxRepository outbox(m_db);
    const QString deviceId = SyncMetaRepository(m_db).deviceId();
    SyncProgress progress;
    if (m_progress) {
        progress.recordsTotal = outbox.pendingCount();
        m_progress(progress);
    }
    for (;;) {
        const QList<OutboxEntry> batch = outbox.peek(kPushBatch);
        if (batch.isEmpty())
            return true;
        qingshui::v1::PushRequest request;
        request.set_device_id(deviceId.toStdString());
        for (const OutboxEntry &entry : batch) {
            qingshui::v1::Op *op = request.add_ops();
            op->set_op_id(entry.opId.toStdString());
            op->set_client_seq(entry.clientSeq);
            toProto(entry.record, op->mutable_upsert_record());
        }
        qingshui::v1::PushResponse response;
        if (!m_transport.push(request, &response)) {
            result->error = m_transport.lastError();
            return false;
        }
        // Only what the server acknowledged leaves the outbox.
        if (!outbox.acknowledge(response.acked_client_seq())) {
            result->error = QStringLiteral("本地数据库错误: %1").arg(outbox.lastError());
            return false;
        }
        int acked = 0;
        for (const OutboxEntry &entry : batch)
            acked += entry.clientSeq <= response.acked_client_seq() ? 1 : 0;
        result->pushed += acked;
        if (m_progress) {
            progress.recordsDone = result->pushed;
            // Submits made while the push runs join it.
            progress.recordsTotal = std::max(progress.recordsTotal, progress.recordsDone);
            m_progress(progress);
        }
        if (acked < batch.size()) {
            result->error = QStringLiteral("服务器只确认了 %1/%2 条").arg(acked).arg(batch.size());
            return false;
        }
    }
}

bool SyncSession::pullChanges(SyncResult *result)
{
    SyncMetaRepository meta(m_db);
    RecordRepository records(m_db);
    for (;;) {
        qingshui::v1::PullRequest request;
        request.set_since_server_seq(meta.pullCursor());
        request.set_page_size(kPullPage);
        qingshui::v1::PullResponse response;
        if (!m_transport.pull(request, &response)) {
            result->error = m_transport.lastError();
            return false;
        }
        QList<Record> page;
        page.reserve(response.changes_size());
        for (const auto &change : response.changes()) {
            Record r = fromProto(change.record());
            r.serverSeq = change.server_seq();
            page << r;
        }
        if (!records.applyPulledPage(page, response.next_server_seq(),
                                     QString::fromStdString(response.server_epoch()))) {
            result->error = QStringLiteral("本地数据库错误: %1").arg(records.lastError());
            return false;
        }
        result->pulled += page.size();
        if (m_progress) {
            SyncProgress progress;
            progress.stage = SyncProgress::Pulling;
            progress.recordsDone = result->pulled;
            m_progress(progress);
        }
        if (!response.has_more())
            return true;
    }
}
