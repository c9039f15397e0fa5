#include "photofetchbench.h"

#include "benchstats.h"
#include "controllers/recordviewcontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "media/photostore.h"
#include "photofetcher.h"
#include "quickitems.h"
#include "serverprocess.h"
#include "storage/syncmetarepository.h"
#include "syncdevice.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>
#include <cstdio>

namespace {

constexpr int kFetchPhotos = 50;
constexpr qint64 kPhotoBytes = 2 * 1024 * 1024;
constexpr int kOpens = 9;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Random bytes: nothing compresses or repeats, and every run's photos are new.
QByteArray randomBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

// A real JPEG of about 2 MB (the record view decodes it): 2048 × 1536 of noise, as a
// detailed field photo compresses about as badly.
QByteArray noisyJpeg()
{
    QImage image(2048, 1536, QImage::Format_RGB32);
    auto *rng = QRandomGenerator::global();
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = 0xff000000u | (rng->generate() & 0x3f3f3fu) | 0x406020u;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", 80);
    return bytes;
}

// Records of one photo each, pushed with their photos by the inspector's tablet.
bool submitWithPhotos(SyncDevice &tablet, const QList<QByteArray> &photos, QStringList *ids,
                      QStringList *shas)
{
    RecordRepository records = tablet.records();
    const QString device = SyncMetaRepository(tablet.db.connection()).deviceId();
    for (int i = 0; i < photos.size(); ++i) {
        if (!tablet.putPhoto(photos.at(i)))
            return false;
        const QString sha = shaOf(photos.at(i));
        Record r;
        r.id = uuid();
        r.templateId = QStringLiteral("sanitation.pond");
        r.category = QStringLiteral("sanitation");
        r.villageCode = QStringLiteral("411326105200");
        r.createdAtMs = r.updatedAtMs = 1800000000000 + i;
        r.content = QJsonDocument(
                        QJsonObject {{QStringLiteral("answers"),
                                      QJsonObject {{QStringLiteral("photos"), QJsonArray {sha}}}}})
                        .toJson(QJsonDocument::Compact);
        r.authorDeviceId = device;
        if (!records.submit(r, uuid()))
            return false;
        *ids << r.id;
        *shas << sha;
    }
    const SyncResult sent = tablet.sync();
    return sent.ok && sent.photosUploaded == photos.size();
}

bool fetchBench(ServerProcess &server, const QString &workDir)
{
    SyncDevice tablet, supervisor;
    QString error;
    if (!tablet.open(workDir + "/fetch-tablet/store.db", server.address(), "inspector", &error)
        || !supervisor.open(workDir + "/fetch-supervisor/store.db", server.address(), "supervisor",
                            &error)) {
        std::fprintf(stderr, "photo fetch bench: %s\n", qPrintable(error));
        return false;
    }
    QList<QByteArray> photos;
    for (int i = 0; i < kFetchPhotos; ++i)
        photos << randomBytes(kPhotoBytes);
    QStringList ids, shas;
    if (!submitWithPhotos(tablet, photos, &ids, &shas)) {
        std::fprintf(stderr, "photo fetch bench: the tablet could not send its photos\n");
        return false;
    }
    SyncResult pulled;
    if (!SyncSession(supervisor.db.connection(), *supervisor.transport).pullChanges(&pulled)) {
        std::fprintf(stderr, "photo fetch bench: pull failed: %s\n", qPrintable(pulled.error));
        return false;
    }
    PhotoFetcherOptions options;
    options.databasePath = supervisor.db.path();
    options.serverAddress = server.address();
    options.photoDirectory = supervisor.photoRoot();
    PhotoFetcher fetcher(options);
    int arrived = 0;
    QObject::connect(&fetcher, &PhotoFetcher::photoArrived,
                     [&](const QString &sha) { arrived += shas.contains(sha) ? 1 : 0; });
    QElapsedTimer t;
    t.start();
    fetcher.refill(); // as after every pull of the app
    const bool all
        = waitUntil([&] { return arrived == kFetchPhotos || fetcher.failed() > 0; }, 60000);
    const double s = t.nsecsElapsed() / 1e9;
    if (!all || arrived != kFetchPhotos) {
        std::fprintf(stderr, "photo fetch bench: %d of %d arrived\n", arrived, kFetchPhotos);
        return false;
    }
    const PhotoStore store(supervisor.photoRoot());
    for (const QString &sha : shas) {
        if (!store.contains(sha)) {
            std::fprintf(stderr, "photo fetch bench: %s is not on disk\n", qPrintable(sha));
            return false;
        }
    }
    printFigure("supervisor_photo_fetch_mb_per_s", kFetchPhotos * kPhotoBytes / 1048576.0 / s,
                "MB/s");
    return true;
}

bool firstPhotoBench(ServerProcess &server, const QString &workDir)
{
    SyncDevice tablet;
    QString error;
    const QString storePath = workDir + "/view-supervisor/store.db";
    if (!tablet.open(workDir + "/view-tablet/store.db", server.address(), "inspector", &error)
        || !logInStore(storePath, server.address(), "supervisor", &error)) {
        std::fprintf(stderr, "first photo bench: %s\n", qPrintable(error));
        return false;
    }
    QList<QByteArray> photos;
    for (int i = 0; i < kOpens + 1; ++i) // the first one warms the channel
        photos << noisyJpeg();
    QStringList ids, shas;
    if (!submitWithPhotos(tablet, photos, &ids, &shas)) {
        std::fprintf(stderr, "first photo bench: the tablet could not send its photos\n");
        return false;
    }
    { // the supervisor's pull, before its app starts
        Database db;
        SyncTransport transport(server.address());
        SyncResult pulled;
        if (!db.open(storePath) || !SyncSession(db.connection(), transport).pullChanges(&pulled)) {
            std::fprintf(stderr, "first photo bench: pull failed: %s\n", qPrintable(pulled.error));
            return false;
        }
    }
    // The supervisor's app: its services, no sync run (so no background fetch), the real page.
    ServiceHost host;
    if (!host.start({QStringLiteral("supervisor"), storePath, server.address(), QString(), false,
                     QStringLiteral("zh_CN")})) {
        std::fprintf(stderr, "first photo bench: %s\n", qPrintable(host.error()));
        return false;
    }
    Services::setInstance(host.services());
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QQmlComponent component(&engine);
    component.setData(
        QByteArrayLiteral("import QtQuick\n"
                          "import QtQuick.Controls\n"
                          "import Qingshui.Ui\n"
                          "ApplicationWindow {\n"
                          "    width: 1280; height: 800; visible: true\n"
                          "    property alias loader: loader\n"
                          "    Loader { id: loader; anchors.fill: parent; active: false\n"
                          "             sourceComponent: RecordViewPage {} }\n"
                          "}\n"),
        QUrl());
    std::unique_ptr<QObject> root(component.create());
    auto *window = qobject_cast<QQuickWindow *>(root.get());
    if (!window) {
        std::fprintf(stderr, "first photo bench: %s\n", qPrintable(component.errorString()));
        return false;
    }
    auto *loader = root->property("loader").value<QObject *>();
    RecordViewController *view = host.services()->recordView;
    int frames = 0;
    QObject::connect(window, &QQuickWindow::frameSwapped, [&] { ++frames; });

    QList<double> ms;
    for (int i = 0; i < ids.size(); ++i) {
        QElapsedTimer t;
        t.start();
        // What the queue's tap does: open the record, push its page.
        if (!view->open(ids.at(i))) {
            std::fprintf(stderr, "first photo bench: %s\n", qPrintable(view->error()));
            return false;
        }
        loader->setProperty("active", true);
        const QString name = QStringLiteral("photo_") + shas.at(i);
        QQuickItem *image = nullptr;
        const bool ready = waitUntil(
            [&] {
                auto *page = loader->property("item").value<QQuickItem *>();
                image = page ? findVisualItem(page, name) : nullptr;
                return image && image->isVisible()
                    && image->property("status").toInt() == 1; // Image.Ready
            },
            60000);
        // Shown: the next frame with it is on screen.
        const int before = frames;
        window->update();
        const bool shown = ready && waitUntil([&] { return frames > before; }, 5000);
        const double elapsed = t.nsecsElapsed() / 1e6;
        if (!shown) {
            std::fprintf(stderr, "first photo bench: the photo of record %d never showed\n", i);
            return false;
        }
        if (i > 0) // the first warmed the channel
            ms << elapsed;
        loader->setProperty("active", false);
        QCoreApplication::processEvents();
    }
    printFigure("first_photo_visible_ms", percentile(ms, 50), "ms");
    printFigure("first_photo_visible_max_ms", percentile(ms, 100), "ms");
    return true;
}

} // namespace

bool runPhotoFetchBench(ServerProcess &server, const QString &workDir)
{
    return fetchBench(server, workDir) && firstPhotoBench(server, workDir);
}
