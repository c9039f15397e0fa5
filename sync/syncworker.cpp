#include "syncworker.h"

#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "syncsession.h"
#include "synctransport.h"

SyncWorker::SyncWorker(const QString &databasePath, const QString &serverAddress,
                       Database::Checkpoints checkpoints)
    : m_databasePath(databasePath), m_serverAddress(serverAddress), m_checkpoints(checkpoints)
{
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::run()
{
    if (!m_db) {
        auto db = std::make_unique<Database>();
        if (!db->open(m_databasePath, m_checkpoints)) {
            emit finished(false, 0, 0, 0, QStringLiteral("本地数据库错误: %1").arg(db->error()));
            return;
        }
        m_db = std::move(db);
    }
    OutboxRepository outbox(m_db->connection());
    if (m_serverAddress.isEmpty()) {
        emit finished(false, 0, 0, outbox.pendingCount(), QStringLiteral("未配置同步服务器"));
        return;
    }
    if (!m_transport)
        m_transport = std::make_unique<SyncTransport>(m_serverAddress);
    const SyncResult result = SyncSession(m_db->connection(), *m_transport).run();
    emit finished(result.ok, result.pushed, result.pulled, outbox.pendingCount(), result.error);
}
