#include "basemapfetchjob.h"

#include "storage/enrolmentrepository.h"
#include "storage/syncmetarepository.h"
#include "synctransport.h"

#include <QMetaObject>

BasemapFetchJob::BasemapFetchJob(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
}

BasemapFetchJob::~BasemapFetchJob()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_again = false;
        if (m_fetcher)
            m_fetcher->cancel();
    }
    if (m_thread.joinable())
        m_thread.join();
}

bool BasemapFetchJob::running() const
{
    std::lock_guard lock(m_mutex);
    return m_running;
}

void BasemapFetchJob::start(bool metered, bool allowMetered)
{
    std::lock_guard lock(m_mutex);
    if (m_stopping)
        return;
    if (m_running) {
        m_again = true;
        m_againMetered = metered;
        m_againAllowMetered = allowMetered;
        return;
    }
    if (m_thread.joinable())
        m_thread.join(); // ended already: nothing to wait for
    m_running = true;
    m_thread = std::thread([this, metered, allowMetered] { run(metered, allowMetered); });
}

void BasemapFetchJob::run(bool metered, bool allowMetered)
{
    int installed = 0, failed = 0, waiting = 0;
    bool stopping = false;
    for (;;) {
        Database db;
        if (db.open(m_options.databasePath, m_options.checkpoints)) {
            const QString token = SyncMetaRepository(db.connection())
                                      .value(QLatin1String(SyncMetaRepository::kAuthToken));
            const SyncServer server = EnrolmentRepository(db.connection())
                                          .server()
                                          .overriddenBy(m_options.serverAddress);
            if (!token.isEmpty() && server.isSet()) {
                SyncTransport transport(server.address, 10000, server.trustPem, server.tlsName);
                BasemapFetcher::Options o;
                o.directory = m_options.directory;
                o.metered = metered;
                o.allowMetered = allowMetered;
                o.marginBytes = m_options.marginBytes;
                o.freeBytes = m_options.freeBytes;
                o.validate = m_options.validate;
                o.progress = [this](const QString &sha, qint64 done, qint64 total) {
                    QMetaObject::invokeMethod(
                        this, [this, sha, done, total] { emit progress(sha, done, total); },
                        Qt::QueuedConnection);
                };
                BasemapFetcher fetcher(db.connection(), transport.channel(), token.toUtf8(), o);
                bool started = false;
                {
                    std::lock_guard lock(m_mutex);
                    started = !m_stopping;
                    m_fetcher = started ? &fetcher : nullptr;
                }
                if (started) {
                    const BasemapFetcher::Outcome outcome = fetcher.run();
                    installed += outcome.installed;
                    failed += outcome.failed;
                    waiting = outcome.waitingForUnmetered;
                }
                std::lock_guard lock(m_mutex);
                m_fetcher = nullptr;
            }
        }
        std::lock_guard lock(m_mutex);
        stopping = m_stopping;
        if (!m_again || stopping) {
            m_running = false;
            break;
        }
        m_again = false;
        metered = m_againMetered;
        allowMetered = m_againAllowMetered;
    }
    if (!stopping) {
        QMetaObject::invokeMethod(
            this, [this, installed, failed, waiting] { emit finished(installed, failed, waiting); },
            Qt::QueuedConnection);
    }
}
