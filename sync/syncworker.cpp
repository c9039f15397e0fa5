#include "syncworker.h"

#include "pendingphotos.h"
#include "serverprobe.h"
#include "storage/outboxrepository.h"
#include "syncsession.h"
#include "synctransport.h"

SyncWorker::SyncWorker(const QString &databasePath, const QString &serverAddress,
                       const QString &photoDirectory, Database::Checkpoints checkpoints)
    : m_databasePath(databasePath)
    , m_serverAddress(serverAddress)
    , m_photoDirectory(photoDirectory)
    , m_checkpoints(checkpoints)
{
}

SyncWorker::~SyncWorker() = default;

bool SyncWorker::openStore(SyncReport *report)
{
    if (m_db)
        return true;
    auto db = std::make_unique<Database>();
    if (!db->open(m_databasePath, m_checkpoints)) {
        report->outcome = SyncReport::Failed;
        report->error = QStringLiteral("本地数据库错误: %1").arg(db->error());
        return false;
    }
    m_db = std::move(db);
    return true;
}

void SyncWorker::addPending(SyncReport *report)
{
    report->pendingCount = OutboxRepository(m_db->connection()).pendingCount();
    report->pendingPhotoBytes = pendingPhotoBytes(m_db->connection(), m_photoDirectory);
}

void SyncWorker::run()
{
    emit started();
    SyncReport report;
    if (!openStore(&report)) {
        emit finished(report);
        return;
    }
    if (m_serverAddress.isEmpty()) {
        report.outcome = SyncReport::NoServer;
        report.error = QStringLiteral("未配置同步服务器");
        addPending(&report);
        emit finished(report);
        return;
    }
    if (!m_transport)
        m_transport = std::make_unique<SyncTransport>(m_serverAddress);
    SyncSession session(m_db->connection(), *m_transport);
    session.setReadOnly(m_readOnly);
    session.setProgressCallback([this](const SyncProgress &p) { emit progressed(p); });
    const SyncResult result = session.run();
    report.pushed = result.pushed;
    report.pulled = result.pulled;
    report.catalogChanged = result.templatesAdded > 0 || result.referenceVersion > 0;
    report.publicPhotosChanged = result.publicPhotosFetched > 0 || result.publicPhotosRemoved > 0;
    report.error = result.error;
    if (result.ok) {
        report.outcome = SyncReport::Succeeded;
    } else if (m_transport->lastFailureUnreachable()) {
        report.outcome = SyncReport::Unreachable;
        // A fresh channel next time: gRPC's own reconnect backoff would otherwise answer
        // "unavailable" for a while after the server is back.
        m_transport.reset();
    } else {
        report.outcome = SyncReport::Failed;
    }
    addPending(&report);
    emit finished(report);
}

void SyncWorker::count()
{
    SyncReport report;
    if (!openStore(&report))
        return;
    addPending(&report);
    emit counted(report);
}

void SyncWorker::probe(int timeoutMs)
{
    emit probed(serverAnswersTcp(m_serverAddress, timeoutMs));
}
