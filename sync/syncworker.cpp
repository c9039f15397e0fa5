#include "syncworker.h"

#include "photoupload.h"
#include "serverprobe.h"
#include "storage/outboxrepository.h"
#include "storage/synclogrepository.h"
#include "syncsession.h"
#include "synctransport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

SyncWorker::SyncWorker(const QString &databasePath, const QString &overrideAddress,
                       const QString &photoDirectory, Database::Checkpoints checkpoints)
    : m_databasePath(databasePath)
    , m_overrideAddress(overrideAddress)
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
    // Without the search index: the pull must not hold its file's write lock (Database.h).
    if (!db->open(m_databasePath, m_checkpoints, Database::StoreOnly)) {
        report->outcome = SyncReport::Failed;
        report->error = QStringLiteral("local store: %1").arg(db->error());
        report->errorCode = QLatin1String(SyncErrorCode::kLocalStore);
        report->errorArgs = {db->error()};
        return false;
    }
    m_db = std::move(db);
    return true;
}

void SyncWorker::addPending(SyncReport *report)
{
    report->pendingCount = OutboxRepository(m_db->connection()).pendingCount();
    // What the blob outbox still holds: photos of records already pushed count until they
    // are on the server too.
    report->pendingPhotoBytes = m_photoDirectory.isEmpty()
        ? 0
        : PhotoUpload(m_db->connection(), m_photoDirectory).pendingBytes();
}

void SyncWorker::run()
{
    emit started();
    const qint64 startedAtMs = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    SyncReport report;
    if (!openStore(&report)) {
        emit finished(report); // no store, no log to write it to
        return;
    }
    const SyncServer server
        = EnrolmentRepository(m_db->connection()).server().overriddenBy(m_overrideAddress);
    report.serverAddress = server.address;
    if (!server.isSet()) {
        report.outcome = SyncReport::NoServer;
        report.error = QStringLiteral("no sync server configured");
        report.errorCode = QLatin1String(SyncErrorCode::kNoServer);
    } else {
        sync(server, &report);
    }
    addPending(&report);
    log(report, startedAtMs, timer.elapsed());
    emit finished(report);
}

void SyncWorker::sync(const SyncServer &server, SyncReport *report)
{
    // A new server, or new trust for it (enrolled again): a new channel.
    if (!m_transport || server != m_server) {
        m_transport = std::make_unique<SyncTransport>(server.address, 10000, server.trustPem,
                                                      server.tlsName);
        m_server = server;
    }
    SyncSession session(m_db->connection(), *m_transport);
    session.setReadOnly(m_readOnly);
    session.setProgressCallback([this](const SyncProgress &p) { emit progressed(p); });
    const SyncResult result = session.run();
    report->pushed = result.pushed;
    report->pulled = result.pulled;
    report->photosSent = result.photosUploaded;
    report->photosReceived = result.publicPhotosFetched;
    report->catalogChanged = result.templatesAdded > 0 || result.referenceVersion > 0;
    report->publicPhotosChanged = result.publicPhotosFetched > 0 || result.publicPhotosRemoved > 0;
    report->error = result.error;
    if (result.ok) {
        report->outcome = SyncReport::Succeeded;
    } else if (m_transport->lastFailureUnreachable()) {
        report->outcome = SyncReport::Unreachable;
        // A fresh channel next time: gRPC's own reconnect backoff would otherwise answer
        // "unavailable" for a while after the server is back.
        m_transport.reset();
    } else {
        report->outcome = SyncReport::Failed;
    }
    if (!result.ok)
        explainFailure(result, report);
}

void SyncWorker::explainFailure(const SyncResult &result, SyncReport *report) const
{
    if (report->outcome == SyncReport::Unreachable) {
        report->errorCode = QLatin1String(SyncErrorCode::kUnreachable);
    } else if (!result.refusal.isEmpty()) {
        report->errorCode = result.refusal.code;
        report->errorArgs = result.refusal.args;
    } else if (result.needsLogin) {
        report->errorCode = QLatin1String(SyncErrorCode::kNotLoggedIn);
    } else if (result.photosFailed > 0) {
        report->errorCode = QLatin1String(SyncErrorCode::kPhotosFailed);
        report->errorArgs = {QString::number(result.photosFailed)};
    } else if (!result.problem.isEmpty()) {
        report->errorCode = result.problem.code;
        report->errorArgs = result.problem.args;
    }
    // Otherwise no code: the log keeps the English detail.
}

void SyncWorker::log(const SyncReport &report, qint64 startedAtMs, qint64 durationMs)
{
    SyncLogEntry entry;
    entry.startedAtMs = startedAtMs;
    entry.durationMs = durationMs;
    switch (report.outcome) {
    case SyncReport::Succeeded:
        entry.outcome = SyncLogEntry::Succeeded;
        break;
    case SyncReport::NoServer:
    case SyncReport::Unreachable:
        entry.outcome = SyncLogEntry::Offline;
        break;
    case SyncReport::Failed:
        entry.outcome = SyncLogEntry::Failed;
        break;
    }
    entry.server = report.serverAddress;
    entry.pushed = report.pushed;
    entry.pulled = report.pulled;
    entry.photosSent = report.photosSent;
    entry.photosReceived = report.photosReceived;
    entry.errorCode = report.errorCode;
    entry.errorArgs = report.errorArgs;
    entry.errorDetail = report.error;
    SyncLogRepository logRepository(m_db->connection());
    if (!logRepository.append(entry)) // a log that cannot be written must not fail the sync
        qCWarning(lcSync) << "cannot write the sync log:" << logRepository.lastError();
}

void SyncWorker::count()
{
    SyncReport report;
    if (!openStore(&report))
        return;
    addPending(&report);
    emit counted(report);
}

void SyncWorker::countRecords()
{
    SyncReport report;
    if (!openStore(&report))
        return;
    report.pendingCount = OutboxRepository(m_db->connection()).pendingCount();
    report.pendingPhotoBytes = -1;
    emit counted(report);
}

void SyncWorker::probe(int timeoutMs)
{
    const QString address = m_db
        ? EnrolmentRepository(m_db->connection()).server().overriddenBy(m_overrideAddress).address
        : m_overrideAddress;
    emit probed(!address.isEmpty() && serverAnswersTcp(address, timeoutMs));
}
