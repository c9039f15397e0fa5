#pragma once

#include <QImage>
#include <QQuickImageResponse>
#include <QRunnable>
#include <QString>

#include <atomic>
#include <memory>

class MapTileProvider;

// The answer to one Image's request for a tile: the decoded tile, once its job delivers it.
class TileResponse : public QQuickImageResponse {
    Q_OBJECT
public:
    QQuickTextureFactory *textureFactory() const override
    {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    // The Image went away (panned off, zoomed past) before its tile came: its job, if not
    // started yet, skips the read and the decode.
    void cancel() override { m_cancelled->store(true); }
    std::shared_ptr<std::atomic_bool> cancelled() const { return m_cancelled; }

public slots:
    void deliver(const QImage &image)
    {
        m_image = image;
        emit finished();
    }

private:
    QImage m_image;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
};

// One tile read and decoded on the provider's pool. It talks to its response only by a queued
// signal: the engine may delete a cancelled response while the job runs, and Qt then drops
// the call.
class TileJob : public QObject, public QRunnable {
    Q_OBJECT
public:
    TileJob(MapTileProvider *provider, QString path, int z, int x, int y,
            std::shared_ptr<std::atomic_bool> cancelled)
        : m_provider(provider)
        , m_cancelled(std::move(cancelled))
        , m_path(std::move(path))
        , m_z(z)
        , m_x(x)
        , m_y(y)
    {
    }
    void run() override;

signals:
    void done(const QImage &image);

private:
    MapTileProvider *m_provider;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QString m_path;
    int m_z, m_x, m_y;
};
