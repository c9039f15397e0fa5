#include "photofetchworker.h"

#include "blobdownloader.h"
#include "domain/photoeviction.h"
#include "domain/photoreferences.h"
#include "media/photostore.h"
#include "storage/photocacherepository.h"
#include "storage/syncmetarepository.h"
#include "synctransport.h"

#include <grpcpp/support/status.h>

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace {

// Roles as the login stores them (proto Role): the review queue's photos are fetched for
// supervisors and administrators only; inspectors and kiosks have their own photo paths.
bool reviewsRecords(const QString &role)
{
    return role == QLatin1String("2") || role == QLatin1String("3");
}

// A failure every photo after it would meet too: the background round waits for the next
// pull (or a record view's request) instead of trying them all.
bool stopsTheRound(PhotoFetchFailure failure)
{
    switch (failure) {
    case PhotoFetchFailure::Unreachable:
    case PhotoFetchFailure::NeedsLogin:
    case PhotoFetchFailure::DiskFull:
    case PhotoFetchFailure::LocalWrite:
    case PhotoFetchFailure::OverBudget:
        return true;
    default:
        return false;
    }
}

PhotoFetchFailure failureOf(const BlobDownloader &downloader)
{
    switch (downloader.lastFailure()) {
    case BlobDownloader::Failure::None:
        return PhotoFetchFailure::None;
    case BlobDownloader::Failure::Checksum:
        return PhotoFetchFailure::ChecksumMismatch;
    case BlobDownloader::Failure::DiskFull:
        return PhotoFetchFailure::DiskFull;
    case BlobDownloader::Failure::LocalWrite:
        return PhotoFetchFailure::LocalWrite;
    case BlobDownloader::Failure::Declined:
        return PhotoFetchFailure::OverBudget;
    case BlobDownloader::Failure::Cancelled:
    case BlobDownloader::Failure::Server:
        break;
    }
    switch (grpc::StatusCode(downloader.lastCode())) {
    case grpc::StatusCode::NOT_FOUND:
        return PhotoFetchFailure::NotOnServer;
    case grpc::StatusCode::UNAUTHENTICATED:
        return PhotoFetchFailure::NeedsLogin;
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
        return PhotoFetchFailure::Unreachable;
    default:
        return PhotoFetchFailure::Refused;
    }
}

} // namespace

PhotoFetchWorker::PhotoFetchWorker(PhotoFetcherOptions options, Callbacks callbacks)
    : m_options(std::move(options)), m_callbacks(std::move(callbacks))
{
    m_thread = std::thread([this] { run(); });
}

PhotoFetchWorker::~PhotoFetchWorker()
{
    stop();
}

void PhotoFetchWorker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        if (m_downloader)
            m_downloader->cancel();
    }
    m_wake.notify_all();
    m_waitersChanged.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void PhotoFetchWorker::refill()
{
    {
        std::lock_guard lock(m_mutex);
        m_refill = true;
        m_backgroundHeld = false;
    }
    m_wake.notify_all();
}

void PhotoFetchWorker::fetch(const QStringList &sha256s, Priority priority)
{
    {
        std::lock_guard lock(m_mutex);
        // Each photo waits in one line, the highest that asked for it: moved up, never down.
        auto waitsAbove = [&](const QString &sha) {
            for (int p = 0; p < int(priority); ++p) {
                if (m_queues[p].contains(sha))
                    return true;
            }
            return false;
        };
        QStringList asked;
        for (const QString &sha : sha256s) {
            if (isPhotoReference(sha) && !asked.contains(sha) && !waitsAbove(sha))
                asked << sha;
        }
        for (int p = int(priority); p < 3; ++p) {
            for (const QString &sha : std::as_const(asked))
                m_queues[p].removeAll(sha);
        }
        // A record view's photos go first, in the order asked: the newest request wins.
        QStringList &queue = m_queues[int(priority)];
        queue = priority == Priority::View ? asked + queue : queue + asked;
        // Only a download under way is promoted or stopped (between two, m_current is empty).
        if (!m_current.sha256.isEmpty() && m_current.priority > priority) {
            if (asked.contains(m_current.sha256)) {
                m_current.priority = priority; // already under way: let it finish
                queue.removeAll(m_current.sha256);
            } else {
                m_preempt = true;
                if (m_downloader)
                    m_downloader->cancel();
            }
        }
    }
    m_wake.notify_all();
}

QHash<QString, PhotoFetchFailure>
PhotoFetchWorker::fetchAndWait(const QStringList &sha256s,
                               const std::function<void(int, int)> &progress)
{
    Waiter waiter;
    for (const QString &sha : sha256s) {
        if (isPhotoReference(sha))
            waiter.remaining.insert(sha);
    }
    const int total = int(waiter.remaining.size());
    {
        std::lock_guard lock(m_mutex);
        m_waiters.push_back(&waiter);
    }
    fetch(QStringList(waiter.remaining.begin(), waiter.remaining.end()), Priority::Export);
    std::unique_lock lock(m_mutex);
    int reported = -1;
    while (!waiter.remaining.isEmpty() && !m_stop) {
        const int done = total - int(waiter.remaining.size());
        if (progress && done != reported) {
            reported = done;
            lock.unlock();
            progress(done, total);
            lock.lock();
            continue; // something may have arrived meanwhile
        }
        m_waitersChanged.wait(lock);
    }
    for (const QString &sha : std::as_const(waiter.remaining))
        waiter.results.insert(sha, PhotoFetchFailure::Unreachable); // the app is closing
    m_waiters.remove(&waiter);
    return waiter.results;
}

void PhotoFetchWorker::pin(const QString &owner, const QStringList &sha256s)
{
    std::lock_guard lock(m_mutex); // waits for an eviction under way: it sees the pins after
    m_pins.insert(owner, sha256s);
}

void PhotoFetchWorker::unpin(const QString &owner)
{
    std::lock_guard lock(m_mutex);
    m_pins.remove(owner);
}

bool PhotoFetchWorker::onDevice(const QString &sha256) const
{
    return PhotoStore(m_options.photoDirectory).contains(sha256);
}

void PhotoFetchWorker::run()
{
    m_db = std::make_unique<Database>();
    if (!m_db->open(m_options.databasePath, m_options.checkpoints)) {
        qCWarning(lcSync) << "photo fetch: the store will not open:" << m_db->error();
        m_db.reset();
    }
    Item item;
    while (nextItem(&item))
        process(item);
    m_transport.reset();
    m_db.reset();
}

bool PhotoFetchWorker::nextItem(Item *item)
{
    std::unique_lock lock(m_mutex);
    m_current = {}; // the last one is done: a request for it now is queued again
    for (;;) {
        if (m_stop)
            return false;
        if (m_refill) {
            m_refill = false;
            lock.unlock();
            computeRound();
            lock.lock();
            continue;
        }
        for (int p = 0; p < 3; ++p) {
            if (m_queues[p].isEmpty() || (p == int(Priority::Background) && m_backgroundHeld))
                continue;
            *item = Item {m_queues[p].takeFirst(), Priority(p)};
            m_current = *item;
            m_preempt = false;
            if (!m_busy) {
                m_busy = m_status.busy = true;
                lock.unlock();
                reportStatus();
            }
            return true;
        }
        if (m_busy) {
            m_busy = m_status.busy = false;
            lock.unlock();
            reportStatus();
            lock.lock();
            continue;
        }
        m_wake.wait(lock);
    }
}

void PhotoFetchWorker::computeRound()
{
    QStringList missing;
    QSet<QString> wanted;
    qint64 used = 0, budget = PhotoCacheRepository::kDefaultBudgetBytes;
    if (m_db) {
        PhotoCacheRepository cache(m_db->connection());
        used = cache.usedBytes();
        budget = cache.budgetBytes();
        const QString role = SyncMetaRepository(m_db->connection())
                                 .value(QLatin1String(SyncMetaRepository::kAuthRole));
        if (reviewsRecords(role)) {
            const QStringList waiting = cache.waitingPhotos();
            wanted = QSet<QString>(waiting.begin(), waiting.end());
            for (const QString &sha : waiting) {
                if (!onDevice(sha))
                    missing << sha;
            }
        }
    }
    {
        std::lock_guard lock(m_mutex);
        m_wanted = wanted;
        m_queues[int(Priority::Background)] = missing;
        m_round = QSet<QString>(missing.begin(), missing.end());
        ++m_status.round;
        m_status.stopped = false;
        m_status.wanted = int(missing.size());
        m_status.fetched = m_status.failed = m_status.notOnServer = 0;
        m_status.lastFailure = PhotoFetchFailure::None;
        m_status.lastFailureDetail.clear();
        m_status.usedBytes = used;
        m_status.budgetBytes = budget;
    }
    reportStatus();
}

bool PhotoFetchWorker::useServer()
{
    // The server the store is enrolled with now, trusted as the invite said; an address given
    // to the app (--server, for development and tests) goes first, with that trust only if
    // it is the same server. Read before each photo, as the sync does before each sync: a
    // server changed and enrolled again while the app runs gets a channel of its own, so
    // the new token never goes to the old server.
    const SyncServer server
        = EnrolmentRepository(m_db->connection()).server().overriddenBy(m_options.serverAddress);
    if (!server.isSet())
        return false;
    if (!m_transport || server != m_server) {
        m_transport = std::make_unique<SyncTransport>(server.address, 10000, server.trustPem,
                                                      server.tlsName);
        m_server = server;
    }
    return true;
}

void PhotoFetchWorker::process(const Item &item)
{
    const QString &sha = item.sha256;
    const QString path = PhotoStore(m_options.photoDirectory).pathFor(sha);
    if (path.isEmpty())
        return resolve(sha, PhotoFetchFailure::Refused, QStringLiteral("not a photo name"),
                       item.priority);
    if (onDevice(sha))
        return resolve(sha, PhotoFetchFailure::None, {}, item.priority);
    if (!m_db)
        return resolve(sha, PhotoFetchFailure::LocalWrite, QStringLiteral("the store is closed"),
                       item.priority);
    const SyncMetaRepository meta(m_db->connection());
    const QString token = meta.value(QLatin1String(SyncMetaRepository::kAuthToken));
    if (token.isEmpty())
        return resolve(sha, PhotoFetchFailure::NeedsLogin, QStringLiteral("not logged in"),
                       item.priority);
    if (!useServer())
        return resolve(sha, PhotoFetchFailure::Unreachable, QStringLiteral("no server"),
                       item.priority);

    BlobDownloader downloader(m_transport->channel(), token.toUtf8());
    downloader.setProgress([this, &sha](qint64 done, qint64 total) {
        if (m_callbacks.progress)
            m_callbacks.progress(sha, done, total);
    });
    downloader.setSizeCheck([this, &sha](qint64 total) {
        Priority priority;
        {
            std::lock_guard lock(m_mutex);
            priority = m_current.priority;
        }
        return makeRoom(sha, total, priority);
    });
    downloader.setStopCheck([this] {
        std::lock_guard lock(m_mutex);
        return m_stop || m_preempt;
    });
    {
        std::lock_guard lock(m_mutex);
        m_downloader = &downloader;
    }
    const bool ok = downloader.download(sha, path);
    Priority priority;
    {
        std::lock_guard lock(m_mutex);
        m_downloader = nullptr;
        priority = m_current.priority; // a record view may have asked for it meanwhile
        if (!ok && downloader.lastFailure() == BlobDownloader::Failure::Cancelled) {
            // Pre-empted (or closing): back to the front of its line, resumed from its .part.
            if (!m_stop)
                m_queues[int(priority)].prepend(sha);
            return;
        }
    }
    if (ok) {
        PhotoCacheRepository cache(m_db->connection());
        if (!cache.recordFetched(sha, QFileInfo(path).size()))
            qCWarning(lcSync) << "photo" << sha << "fetched but not recorded:" << cache.lastError();
        return resolve(sha, PhotoFetchFailure::None, {}, priority);
    }
    const PhotoFetchFailure failure = failureOf(downloader);
    if (failure == PhotoFetchFailure::Unreachable)
        m_transport.reset(); // a fresh channel next time, as the sync does
    resolve(sha, failure, downloader.lastError(), priority);
}

bool PhotoFetchWorker::makeRoom(const QString &sha256, qint64 bytes, Priority priority)
{
    PhotoCacheRepository cache(m_db->connection());
    EvictionInput input;
    input.budgetBytes = cache.budgetBytes();
    input.incomingBytes = bytes;
    if (cache.usedBytes() + bytes <= input.budgetBytes)
        return true;
    input.cached = cache.all();
    input.decidedOldestFirst = cache.decidedPhotos();
    input.mayEvictWanted = priority != Priority::Background;
    // Held while files go: a record view that pins a photo now waits and then sees it gone.
    std::lock_guard lock(m_mutex);
    input.wanted = m_wanted;
    input.pinned.insert(sha256);
    for (const QStringList &pinned : std::as_const(m_pins))
        input.pinned.unite(QSet<QString>(pinned.begin(), pinned.end()));
    const std::optional<QStringList> evict = planEviction(input);
    if (!evict) {
        qCInfo(lcSync) << "photo" << sha256 << "does not fit in the budget of" << input.budgetBytes
                       << "bytes";
        return false;
    }
    const PhotoStore store(m_options.photoDirectory);
    for (const QString &sha : *evict)
        QFile::remove(store.pathFor(sha));
    if (!cache.remove(*evict))
        qCWarning(lcSync) << "evicted photos still listed:" << cache.lastError();
    qCInfo(lcSync) << "evicted" << evict->size() << "photos to fit" << sha256;
    m_status.usedBytes = cache.usedBytes();
    return true;
}

void PhotoFetchWorker::resolve(const QString &sha256, PhotoFetchFailure failure,
                               const QString &detail, Priority priority)
{
    const qint64 used = m_db && failure == PhotoFetchFailure::None
        ? PhotoCacheRepository(m_db->connection()).usedBytes()
        : -1;
    {
        std::lock_guard lock(m_mutex);
        const bool stops = stopsTheRound(failure)
            && (failure != PhotoFetchFailure::OverBudget || priority == Priority::Background);
        if (stops)
            m_backgroundHeld = true;
        if (m_round.remove(sha256)) {
            if (failure == PhotoFetchFailure::None) {
                ++m_status.fetched;
            } else if (failure == PhotoFetchFailure::NotOnServer) {
                ++m_status.notOnServer;
            } else {
                ++m_status.failed;
                m_status.lastFailure = failure;
                m_status.lastFailureDetail = detail;
            }
        }
        if (stops) { // says why the rest of the round waits
            m_status.stopped = !m_round.isEmpty();
            m_status.lastFailure = failure;
            m_status.lastFailureDetail = detail;
        }
        if (used >= 0)
            m_status.usedBytes = used;
        for (Waiter *waiter : m_waiters) {
            if (waiter->remaining.remove(sha256))
                waiter->results.insert(sha256, failure);
        }
    }
    m_waitersChanged.notify_all();
    if (failure == PhotoFetchFailure::None) {
        if (m_callbacks.arrived)
            m_callbacks.arrived(sha256);
    } else {
        if (failure != PhotoFetchFailure::NotOnServer)
            qCWarning(lcSync) << "photo" << sha256 << "not fetched:" << int(failure) << detail;
        if (m_callbacks.failed)
            m_callbacks.failed(sha256, failure, detail);
    }
    reportStatus();
}

void PhotoFetchWorker::reportStatus()
{
    PhotoFetchStatus status;
    {
        std::lock_guard lock(m_mutex);
        status = m_status;
    }
    if (m_callbacks.status)
        m_callbacks.status(status);
}
