#include "maptileprovider.h"

#include "maptileresponse.h"

#include "common/mbtilesfile.h"

#include <QDebug>
#include <QQmlEngine>
#include <QRunnable>
#include <QStringList>
#include <QUrl>

namespace {

constexpr int kMaxOpenFiles = 4;

const QImage &transparentTile()
{
    static const QImage tile = [] {
        QImage image(256, 256, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        return image;
    }();
    return tile;
}

} // namespace

void TileJob::run()
{
    if (m_cancelled->load())
        return; // nobody waits for it
    emit done(m_provider->tile(m_path, m_z, m_x, m_y));
}

MapTileProvider::MapTileProvider()
{
    m_pool.setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
    // Threads that never expire keep each file's per-thread connections few and reused.
    m_pool.setExpiryTimeout(-1);
}

MapTileProvider::~MapTileProvider()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QString MapTileProvider::sourceFor(int z, int x, int y, const QString &path)
{
    return QStringLiteral("image://%1/%2/%3/%4/%5")
        .arg(QLatin1String(kId))
        .arg(z)
        .arg(x)
        .arg(y)
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(path)));
}

MapTileProvider *MapTileProvider::of(QQmlEngine *engine, bool add)
{
    if (!engine)
        return nullptr;
    const QString id = QLatin1String(kId);
    if (!engine->imageProvider(id) && add)
        engine->addImageProvider(id, new MapTileProvider);
    return dynamic_cast<MapTileProvider *>(engine->imageProvider(id));
}

std::shared_ptr<MbtilesFile> MapTileProvider::file(const QString &path)
{
    QMutexLocker lock(&m_filesMutex);
    auto found = m_files.constFind(path);
    if (found != m_files.constEnd())
        return *found;
    if (m_files.size() >= kMaxOpenFiles)
        m_files.clear(); // jobs still reading hold their file
    auto opened = std::make_shared<MbtilesFile>(path);
    if (!opened->isOk())
        qWarning() << "basemap:" << opened->metadata().error;
    m_files.insert(path, opened);
    return opened;
}

QImage MapTileProvider::tile(const QString &path, int z, int x, int y)
{
    const QString key = QStringLiteral("%1/%2/%3/%4").arg(z).arg(x).arg(y).arg(path);
    QImage image;
    if (m_cache.find(key, &image))
        return image;
    const std::shared_ptr<MbtilesFile> mbtiles = file(path);
    QString error;
    const QByteArray bytes = mbtiles->tile(z, x, y, &error);
    // Logged once per file: a damaged file would otherwise log every tile of every pan (and a
    // file that did not open was logged when it was opened).
    if (!error.isEmpty() && mbtiles->isOk()) {
        QMutexLocker lock(&m_filesMutex);
        if (!m_damaged.contains(path)) {
            m_damaged.insert(path);
            qWarning() << "basemap tile" << z << x << y << error << "(further errors not logged)";
        }
    }
    if (!bytes.isEmpty())
        image = QImage::fromData(bytes);
    if (image.isNull())
        return transparentTile(); // not cached: it costs nothing to answer again
    if (image.format() != QImage::Format_ARGB32_Premultiplied
        && image.format() != QImage::Format_RGB32)
        image.convertTo(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                : QImage::Format_RGB32);
    m_cache.insert(key, image);
    return image;
}

QQuickImageResponse *MapTileProvider::requestImageResponse(const QString &id, const QSize &)
{
    auto *response = new TileResponse;
    // <z>/<x>/<y>/<path percent-encoded>
    const QStringList parts = id.split(u'/');
    bool zOk = false, xOk = false, yOk = false;
    const int z = parts.value(0).toInt(&zOk), x = parts.value(1).toInt(&xOk),
              y = parts.value(2).toInt(&yOk);
    const QString path = QUrl::fromPercentEncoding(parts.mid(3).join(u'/').toUtf8());
    if (parts.size() < 4 || !zOk || !xOk || !yOk || path.isEmpty()) {
        QMetaObject::invokeMethod(
            response, [response] { response->deliver(transparentTile()); }, Qt::QueuedConnection);
        return response;
    }
    auto *job = new TileJob(this, path, z, x, y, response->cancelled());
    QObject::connect(job, &TileJob::done, response, &TileResponse::deliver, Qt::QueuedConnection);
    m_pool.start(job);
    return response;
}
