#include "publicphotos.h"

#include "blobdownloader.h"
#include "domain/photoreferences.h"
#include "media/photostore.h"

#include <grpcpp/support/status.h>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

QStringList PublicPhotos::listed() const
{
    QStringList out;
    QSet<QString> seen; // a photo two copies list is fetched once
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT content FROM record ORDER BY updated_at_ms DESC")))
        return out;
    while (q.next()) {
        for (const QString &sha : photoReferencesIn(q.value(0).toByteArray())) {
            if (!seen.contains(sha)) {
                seen.insert(sha);
                out << sha;
            }
        }
    }
    return out;
}

PublicPhotosResult PublicPhotos::run(BlobDownloader &downloader)
{
    PublicPhotosResult result;
    const PhotoStore store(m_root);
    const QStringList wanted = listed();
    for (const QString &sha : wanted) {
        const QString path = store.pathFor(sha);
        if (path.isEmpty() || QFileInfo::exists(path))
            continue;
        if (downloader.download(sha, path)) {
            ++result.downloaded;
            continue;
        }
        ++result.failed;
        if (result.error.isEmpty())
            result.error = downloader.lastError();
        const int code = downloader.lastCode();
        if (code == int(grpc::StatusCode::UNAUTHENTICATED)
            || code == int(grpc::StatusCode::UNAVAILABLE)) {
            result.interrupted = true;
            break;
        }
        qCWarning(lcSync) << "public photo" << sha << "not fetched:" << downloader.lastError();
    }
    // Only after a complete list: a photo the copies still list is never removed.
    result.removed = removeUnlisted(wanted);
    return result;
}

int PublicPhotos::removeUnlisted(const QStringList &listed)
{
    const QSet<QString> keep(listed.begin(), listed.end());
    int removed = 0;
    QDirIterator it(m_root, {QStringLiteral("*.jpg"), QStringLiteral("*.jpg.part")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString sha = QFileInfo(path).fileName().section(QLatin1Char('.'), 0, 0);
        if (!isPhotoReference(sha) || keep.contains(sha))
            continue;
        if (QFile::remove(path) && !path.endsWith(QLatin1String(".part"))
            && !path.contains(QLatin1String("/thumbs/")))
            ++removed;
    }
    return removed;
}
