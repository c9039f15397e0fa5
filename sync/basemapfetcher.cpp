#include "basemapfetcher.h"

#include "blobdownloader.h"
#include "storage/basemaprepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <QStorageInfo>

Q_LOGGING_CATEGORY(lcBasemaps, "qs.sync.basemaps")

BasemapFetcher::BasemapFetcher(QSqlDatabase db, std::shared_ptr<grpc::Channel> channel,
                               QByteArray token, Options options)
    : m_db(db)
    , m_channel(std::move(channel))
    , m_token(std::move(token))
    , m_options(std::move(options))
{
}

BasemapFetcher::~BasemapFetcher() = default;

QString BasemapFetcher::pathFor(const QString &directory, const QString &sha256)
{
    return directory + QLatin1Char('/') + sha256 + QStringLiteral(".mbtiles");
}

void BasemapFetcher::cancel()
{
    m_cancelled = true;
    std::lock_guard lock(m_mutex);
    if (m_downloader)
        m_downloader->cancel();
}

qint64 BasemapFetcher::freeBytes() const
{
    if (m_options.freeBytes)
        return m_options.freeBytes(m_options.directory);
    QStorageInfo storage(m_options.directory);
    storage.refresh();
    return storage.isValid() ? storage.bytesAvailable() : -1;
}

bool BasemapFetcher::fail(const QString &sha256, const QString &code, const QStringList &args,
                          Outcome *outcome)
{
    qCWarning(lcBasemaps) << "basemap" << sha256.left(12) << code << args;
    ++outcome->failed;
    BasemapRepository(m_db).setFailure(sha256, code, args);
    return false;
}

BasemapFetcher::Outcome BasemapFetcher::run()
{
    Outcome outcome;
    BasemapRepository repository(m_db);
    const QList<StoredBasemap> wanted = repository.toFetch();
    if (wanted.isEmpty())
        return outcome;
    if (!QDir().mkpath(m_options.directory)) {
        for (const StoredBasemap &b : wanted)
            fail(b.sha256, QLatin1String(kLocalWrite), {m_options.directory}, &outcome);
        return outcome;
    }
    // The part of a package no longer offered (superseded before it came) only takes room.
    QSet<QString> parts;
    for (const StoredBasemap &b : wanted)
        parts << b.sha256 + QStringLiteral(".mbtiles.part");
    const QStringList found
        = QDir(m_options.directory).entryList({QStringLiteral("*.mbtiles.part")}, QDir::Files);
    for (const QString &part : found) {
        if (!parts.contains(part))
            QFile::remove(m_options.directory + QLatin1Char('/') + part);
    }
    for (const StoredBasemap &b : wanted) {
        if (m_cancelled)
            break;
        // A file the app cannot open does not become good by fetching it again.
        if (b.failure == QLatin1String(kInvalid))
            continue;
        if (m_options.metered && !m_options.allowMetered) {
            ++outcome.waitingForUnmetered;
            repository.setFailure(b.sha256, QLatin1String(kWaitingUnmetered),
                                  {QString::number(b.sizeBytes)});
            continue;
        }
        fetch(b, &outcome);
    }
    return outcome;
}

bool BasemapFetcher::fetch(const StoredBasemap &package, Outcome *outcome)
{
    const QString &sha = package.sha256;
    const QString path = pathFor(m_options.directory, sha);
    BlobDownloader downloader(m_channel, m_token);
    qint64 needed = 0, available = 0;
    downloader.setSizeCheck([&](qint64 total) {
        // The part already here needs no room again; the margin keeps the device working.
        const qint64 kept = QFileInfo(path + QStringLiteral(".part")).size();
        needed = std::max<qint64>(total - kept, 0) + m_options.marginBytes;
        available = freeBytes();
        return available < 0 || available >= needed;
    });
    downloader.setStopCheck([this] { return m_cancelled.load(); });
    downloader.setProgress([this, &sha](qint64 done, qint64 total) {
        if (m_options.progress)
            m_options.progress(sha, done, total);
    });
    {
        std::lock_guard lock(m_mutex);
        m_downloader = &downloader;
    }
    const bool downloaded = downloader.download(sha, path);
    {
        std::lock_guard lock(m_mutex);
        m_downloader = nullptr;
    }
    if (!downloaded) {
        switch (downloader.lastFailure()) {
        case BlobDownloader::Failure::Declined:
            return fail(sha, QLatin1String(kNoRoom),
                        {QString::number(needed), QString::number(available)}, outcome);
        case BlobDownloader::Failure::DiskFull:
            return fail(sha, QLatin1String(kDiskFull), {QString::number(downloader.keptBytes())},
                        outcome);
        case BlobDownloader::Failure::Checksum:
            return fail(sha, QLatin1String(kChecksum), {}, outcome);
        case BlobDownloader::Failure::LocalWrite:
            return fail(sha, QLatin1String(kLocalWrite), {downloader.lastError()}, outcome);
        case BlobDownloader::Failure::Cancelled:
            return fail(
                sha, QLatin1String(kInterrupted),
                {QString::number(downloader.keptBytes()), QString::number(package.sizeBytes)},
                outcome);
        case BlobDownloader::Failure::Server:
        case BlobDownloader::Failure::None:
            break;
        }
        const Refusal refusal = downloader.lastRefusal();
        if (!refusal.code.isEmpty())
            return fail(sha, refusal.code, refusal.args, outcome);
        // A cut link: the bytes so far wait in the .part for the next sync.
        return fail(sha, QLatin1String(kUnreachable),
                    {downloader.lastError(), QString::number(downloader.keptBytes()),
                     QString::number(package.sizeBytes)},
                    outcome);
    }
    if (m_options.validate) {
        const QString why = m_options.validate(path);
        if (!why.isEmpty()) {
            QFile::remove(path);
            return fail(sha, QLatin1String(kInvalid), {why}, outcome);
        }
    }
    BasemapRepository repository(m_db);
    QStringList obsolete;
    if (!repository.markInstalled(sha, &obsolete))
        return fail(sha, QLatin1String(kLocalWrite), {repository.lastError()}, outcome);
    ++outcome->installed;
    for (const QString &old : std::as_const(obsolete)) {
        const QString oldPath = pathFor(m_options.directory, old);
        if (QFile::remove(oldPath))
            outcome->deletedFiles << oldPath;
    }
    return true;
}
