#include "publicphotos.h"

#include "blobdownloader.h"
#include "domain/photoreferences.h"
#include "media/photostore.h"
#include "storage/publicproblemquery.h"
#include "storage/recordrepository.h"

#include <grpcpp/support/status.h>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>

#include <limits>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

std::optional<QStringList> PublicPhotos::listed(QString *error) const
{
    QStringList out;
    QSet<QString> seen; // a photo two copies list is fetched once
    RecordRepository records(m_db);
    const std::optional<QList<QByteArray>> contents = records.contentsNewestFirst();
    if (!contents) {
        *error = records.lastError();
        return std::nullopt;
    }
    const auto add = [&](const QStringList &shas) {
        for (const QString &sha : shas) {
            if (!seen.contains(sha)) {
                seen.insert(sha);
                out << sha;
            }
        }
    };
    for (const QByteArray &content : *contents)
        add(photoReferencesIn(content));
    // The ledger's closed problems a supervisor published: their before and after renditions.
    const PublicProblemQuery problems(m_db);
    const std::optional<QList<PublicProblem>> published
        = problems.latestClosed(std::numeric_limits<int>::max());
    if (!published) {
        *error = problems.lastError();
        return std::nullopt;
    }
    for (const PublicProblem &p : *published) {
        add(p.beforePhotos);
        add(p.afterPhotos);
    }
    return out;
}

PublicPhotosResult PublicPhotos::run(BlobDownloader &downloader)
{
    PublicPhotosResult result;
    const PhotoStore store(m_root);
    // An empty list would delete every photo the kiosk holds: an unreadable store stops here.
    const std::optional<QStringList> listedNow = listed(&result.storeError);
    if (!listedNow) {
        if (result.storeError.isEmpty())
            result.storeError = QStringLiteral("the store cannot be read");
        return result;
    }
    const QStringList &wanted = *listedNow;
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
