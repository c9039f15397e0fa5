#include "blobstore.h"

#include "common/sha256.h"
#include "partialblob.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

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

int BlobStore::removeOrphanPartials(qint64 maxAgeMs, const QSet<QString> &inUse, QString *error)
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addMSecs(-maxAgeMs);
    int removed = 0;
    const QFileInfoList files
        = QDir(m_root + QStringLiteral("/partial")).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : files) {
        if (file.lastModified() >= cutoff || inUse.contains(file.fileName()))
            continue;
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

QString BlobStore::newPartialName(const std::string &sha256)
{
    const quint64 random = QRandomGenerator::system()->generate64();
    return QString::fromLatin1(sha256.data(), qsizetype(sha256.size())) + QLatin1Char('-')
        + QStringLiteral("%1").arg(random, 16, 16, QLatin1Char('0'));
}

QString BlobStore::partialPath(const QString &fileName) const
{
    return m_root + QStringLiteral("/partial/") + fileName;
}

qint64 BlobStore::completeSize(const std::string &sha256) const
{
    const QFileInfo info(completePath(sha256));
    return info.isFile() ? info.size() : -1;
}

std::shared_ptr<PartialBlob> BlobStore::partial(const QString &fileName, QString *error)
{
    std::lock_guard lock(m_mutex);
    // Forget the partials no call holds any more.
    for (auto it = m_partials.begin(); it != m_partials.end();)
        it = it->second.expired() ? m_partials.erase(it) : std::next(it);

    if (auto found = m_partials.find(fileName); found != m_partials.end()) {
        std::shared_ptr<PartialBlob> p = found->second.lock();
        if (p && !p->finished())
            return p;
    }
    auto p = std::make_shared<PartialBlob>(partialPath(fileName));
    if (!p->open(error))
        return nullptr;
    m_partials[fileName] = p;
    return p;
}

bool BlobStore::removePartial(const QString &fileName)
{
    const QString path = partialPath(fileName);
    return !QFile::exists(path) || QFile::remove(path);
}

bool BlobStore::storeBytes(const QByteArray &bytes, std::string *sha256, QString *error)
{
    Sha256 hash;
    hash.add(bytes.constData(), size_t(bytes.size()));
    *sha256 = hash.hexDigest();
    if (completeSize(*sha256) == bytes.size())
        return true;
    // A file of its own: nothing else ever writes to it.
    PartialBlob p(partialPath(newPartialName(*sha256)));
    if (!p.open(error))
        return false;
    if (!p.writeAt(0, bytes.constData(), size_t(bytes.size()), error)) {
        removePartial(QFileInfo(p.path()).fileName());
        return false;
    }
    return p.finish(bytes.size(), *sha256, completePath(*sha256), error)
        == PartialBlob::Outcome::Stored;
}

bool BlobStore::storeFile(const QString &path, std::string *sha256, qint64 *size, QString *error)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, in.errorString());
        return false;
    }
    // Named by a random part only until the hash is known: nothing else writes to it.
    const QString name = newPartialName(std::string(64, '0'));
    PartialBlob p(partialPath(name));
    if (!p.open(error))
        return false;
    Sha256 hash;
    QByteArray piece(1024 * 1024, Qt::Uninitialized);
    qint64 offset = 0;
    for (;;) {
        const qint64 n = in.read(piece.data(), piece.size());
        if (n < 0) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, in.errorString());
            removePartial(name);
            return false;
        }
        if (n == 0)
            break;
        hash.add(piece.constData(), size_t(n));
        if (!p.writeAt(offset, piece.constData(), size_t(n), error)) {
            removePartial(name);
            return false;
        }
        offset += n;
    }
    *sha256 = hash.hexDigest();
    *size = offset;
    if (completeSize(*sha256) == offset) {
        removePartial(name);
        return true;
    }
    return p.finish(offset, *sha256, completePath(*sha256), error) == PartialBlob::Outcome::Stored;
}
