#include "blobstore.h"

#include "partialblob.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

bool BlobStore::open(QString *error)
{
    if (!QDir().mkpath(m_root + QStringLiteral("/partial"))) {
        *error = QStringLiteral("cannot create the blob folder %1").arg(m_root);
        return false;
    }
    if (!QFileInfo(m_root).isWritable()) {
        *error = QStringLiteral("the blob folder %1 is not writable").arg(m_root);
        return false;
    }
    return true;
}

int BlobStore::removeStalePartials(qint64 maxAgeMs, QString *error)
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addMSecs(-maxAgeMs);
    std::lock_guard lock(m_mutex);
    int removed = 0;
    const QFileInfoList files
        = QDir(m_root + QStringLiteral("/partial")).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : files) {
        if (file.lastModified() >= cutoff)
            continue;
        const auto held = m_partials.find(file.fileName().toStdString());
        if (held != m_partials.end() && !held->second.expired())
            continue; // an upload holds it open
        if (!QFile::remove(file.absoluteFilePath())) {
            *error = QStringLiteral("cannot remove %1").arg(file.absoluteFilePath());
            return -1;
        }
        ++removed;
    }
    return removed;
}

bool BlobStore::isSha256(const std::string &s)
{
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

QString BlobStore::completePath(const std::string &sha256) const
{
    const QString sha = QString::fromLatin1(sha256.data(), qsizetype(sha256.size()));
    return m_root + QLatin1Char('/') + sha.left(2) + QLatin1Char('/') + sha;
}

QString BlobStore::partialPath(const std::string &sha256) const
{
    return m_root + QStringLiteral("/partial/")
        + QString::fromLatin1(sha256.data(), qsizetype(sha256.size()));
}

qint64 BlobStore::completeSize(const std::string &sha256) const
{
    const QFileInfo info(completePath(sha256));
    return info.isFile() ? info.size() : -1;
}

qint64 BlobStore::partialSize(const std::string &sha256) const
{
    const QFileInfo info(partialPath(sha256));
    return info.isFile() ? info.size() : 0;
}

std::shared_ptr<PartialBlob> BlobStore::partial(const std::string &sha256, bool *complete,
                                                QString *error)
{
    *complete = false;
    std::lock_guard lock(m_mutex);
    // Forget the partials no upload holds any more.
    for (auto it = m_partials.begin(); it != m_partials.end();)
        it = it->second.expired() ? m_partials.erase(it) : std::next(it);

    auto found = m_partials.find(sha256);
    if (found != m_partials.end()) {
        std::shared_ptr<PartialBlob> p = found->second.lock();
        if (p && !p->finished())
            return p;
    }
    // A finished partial has set its flag after its rename: checked here, the complete
    // file is seen and no new partial is started beside it.
    if (completeSize(sha256) >= 0) {
        *complete = true;
        return nullptr;
    }
    auto p = std::make_shared<PartialBlob>(sha256, partialPath(sha256), completePath(sha256));
    if (!p->open(error))
        return nullptr;
    m_partials[sha256] = p;
    return p;
}

bool BlobStore::storeBytes(const QByteArray &bytes, std::string *sha256, QString *error)
{
    Sha256 hash;
    hash.add(bytes.constData(), size_t(bytes.size()));
    *sha256 = hash.hexDigest();
    bool complete = false;
    const std::shared_ptr<PartialBlob> p = partial(*sha256, &complete, error);
    if (complete)
        return true;
    if (!p)
        return false;
    std::lock_guard lock(p->mutex());
    if (p->finished()) { // another writer ended it meanwhile
        if (completeSize(*sha256) == bytes.size())
            return true;
        *error = QStringLiteral("blob %1 was not stored").arg(QString::fromStdString(*sha256));
        return false;
    }
    // Bytes left by an earlier attempt are written again: these are all of them.
    if (p->size() != 0 && !p->restart(error))
        return false;
    if (!p->append(bytes.constData(), size_t(bytes.size()), error))
        return false;
    return p->finish(error) == PartialBlob::Outcome::Stored;
}
