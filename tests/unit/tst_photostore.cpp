// The photo pipeline: downscaled, stamped, content-addressed JPEGs with thumbnails; corrupt
// input and unwritable stores give a clear error and change nothing.
#include "media/camerasource.h"
#include "media/photostore.h"

#include <QCameraDevice>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QImageReader>
#include <QImageWriter>
#include <QMediaDevices>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/resource.h>
#endif

namespace {

// Brightest at the bottom, where the band goes, so darkening there is unmistakable.
QImage gradient(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = qRgb(60 + 195 * x / width, 60 + 195 * y / height, 200);
    }
    return image;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Every entry under dir (hidden ones too) with its bytes' hash in hex, or "<dir>".
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> entries;
    if (!QFileInfo::exists(dir)) {
        entries.insert(QStringLiteral("<missing>"), {});
        return entries;
    }
    if (QFileInfo(dir).isFile()) {
        entries.insert(
            QStringLiteral("<file>"),
            QCryptographicHash::hash(fileBytes(dir), QCryptographicHash::Sha256).toHex());
        return entries;
    }
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(dir).relativeFilePath(path);
        entries.insert(
            rel,
            it.fileInfo().isDir()
                ? QByteArray("<dir>")
                : QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex());
    }
    return entries;
}

double meanGray(const QImage &image, const QRect &rect)
{
    double sum = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            sum += qGray(image.pixel(x, y));
    return sum / (double(rect.width()) * rect.height());
}

// Mean absolute difference per channel between two same-sized images inside rect.
double meanDifference(const QImage &a, const QImage &b, const QRect &rect)
{
    double sum = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            sum += qAbs(qRed(p) - qRed(q)) + qAbs(qGreen(p) - qGreen(q))
                + qAbs(qBlue(p) - qBlue(q));
        }
    }
    return sum / (3.0 * rect.width() * rect.height());
}

PhotoCaption sampleCaption()
{
    PhotoCaption caption;
    caption.time = QDateTime(QDate(2024, 5, 1), QTime(10, 23, 45), Qt::OffsetFromUTC, 8 * 3600);
    caption.fix.latitude = 33.13782;
    caption.fix.longitude = 111.49096;
    caption.fix.horizontalAccuracyM = 4.2;
    caption.villageName = QStringLiteral("青塘村");
    return caption;
}

// Stands in for a camera in tests: hands over whatever it is given.
class FakePhotoSource : public PhotoSource {
public:
    QImage nextImage;
    QString nextFile;
    QString sourceName() const override { return QStringLiteral("fake"); }
    bool available() const override { return true; }
    PhotoProblem unavailableReason() const override { return {}; }
    void requestPhoto() override
    {
        if (!nextImage.isNull())
            emit imageCaptured(nextImage);
        else if (!nextFile.isEmpty())
            emit fileChosen(nextFile);
        else
            emit failed({QStringLiteral("nothing_to_give"), {}});
    }
};

} // namespace

class TestPhotoStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_inputs; // test pictures, made once
    QString m_landscapeJpeg, m_landscapePng, m_portraitJpeg, m_smallPng;

    QString input(const QString &name) const { return m_inputs.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_inputs.isValid());
        m_landscapeJpeg = input("landscape.jpg");
        m_landscapePng = input("landscape.png");
        m_portraitJpeg = input("portrait.jpg");
        m_smallPng = input("small.png");
        QVERIFY(gradient(4000, 3000).save(m_landscapeJpeg, "JPEG", 95));
        QVERIFY(gradient(4000, 3000).save(m_landscapePng, "PNG"));
        QVERIFY(gradient(3000, 4000).save(m_portraitJpeg, "JPEG", 95));
        QVERIFY(gradient(800, 600).save(m_smallPng, "PNG"));
    }

    void captionFormatsVillageTimeAndPosition()
    {
        PhotoCaption caption = sampleCaption();
        QCOMPARE(photoCaptionLines(caption),
                 QStringList({QStringLiteral("青塘村"),
                              QStringLiteral("2024-05-01 10:23:45  33.13782°N 111.49096°E ±4 m")}));

        caption.fix.horizontalAccuracyM = NAN;
        caption.fix.latitude = -12.5;
        caption.fix.longitude = -45.000001;
        QCOMPARE(photoCaptionLines(caption).last(),
                 QStringLiteral("2024-05-01 10:23:45  12.50000°S 45.00000°W"));

        caption.fix = GeoFix();
        caption.villageName.clear();
        QCOMPARE(photoCaptionLines(caption),
                 QStringList({QStringLiteral("2024-05-01 10:23:45  无定位")}));
    }

    void largePhotosAreDownscaledKeepingAspect_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("jpeg landscape") << m_landscapeJpeg << QSize(2048, 1536);
        QTest::newRow("png landscape") << m_landscapePng << QSize(2048, 1536);
        QTest::newRow("jpeg portrait") << m_portraitJpeg << QSize(1536, 2048);
        QTest::newRow("small, not upscaled") << m_smallPng << QSize(800, 600);
    }

    void largePhotosAreDownscaledKeepingAspect()
    {
        QFETCH(QString, file);
        QFETCH(QSize, expected);
        QTemporaryDir dir;
        PhotoStore store(dir.filePath("photos"));
        PhotoProblem error;
        const auto photo = store.importFile(file, sampleCaption(), &error);
        QVERIFY2(photo, qPrintable(error.toString()));
        QCOMPARE(photo->pixelSize, expected);
        QImageReader stored(photo->path);
        QCOMPARE(stored.format(), QByteArray("jpeg"));
        QCOMPARE(stored.size(), expected);
        QCOMPARE(photo->byteSize, QFileInfo(photo->path).size());
    }

    void exifOrientationIsApplied()
    {
        // A phone's portrait shot: stored landscape, with EXIF orientation 6 (turn 90°
        // clockwise to view). The store keeps it upright, downscaled without distortion.
        const QByteArray exif = QByteArrayLiteral("\xFF\xE1\x00\x22"
                                                  "Exif\x00\x00"
                                                  "MM\x00\x2A\x00\x00\x00\x08"
                                                  "\x00\x01"
                                                  "\x01\x12\x00\x03\x00\x00\x00\x01"
                                                  "\x00\x06\x00\x00"
                                                  "\x00\x00\x00\x00");
        QByteArray jpeg = fileBytes(m_landscapeJpeg);
        jpeg.insert(2, exif); // right after SOI
        const QString file = input("rotated.jpg");
        QVERIFY(writeBytes(file, jpeg));
        QImageReader raw(file);
        raw.setAutoTransform(false);
        QCOMPARE(raw.read().size(), QSize(4000, 3000));

        QTemporaryDir dir;
        PhotoStore store(dir.path());
        PhotoProblem error;
        const auto photo = store.importFile(file, sampleCaption(), &error);
        QVERIFY2(photo, qPrintable(error.toString()));
        QCOMPARE(photo->pixelSize, QSize(1536, 2048));
        const QImage stored(photo->path);
        const QImage upright
            = gradient(4000, 3000)
                  .transformed(QTransform().rotate(90))
                  .scaled(stored.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QRect top(0, 0, stored.width(), stored.height() / 2);
        QVERIFY2(meanDifference(stored, upright, top) < 3.0,
                 qPrintable(QString::number(meanDifference(stored, upright, top))));
    }

    void captionIsStampedIntoTheBottomBand()
    {
        QTemporaryDir dir;
        PhotoStore store(dir.path());
        PhotoProblem error;
        const auto photo = store.importFile(m_landscapeJpeg, sampleCaption(), &error);
        QVERIFY2(photo, qPrintable(error.toString()));
        const QImage stamped(photo->path);
        const QImage plain
            = gradient(4000, 3000)
                  .scaled(stamped.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        QCOMPARE(stamped.size(), QSize(2048, 1536));

        // The top 60 % is the picture, untouched but for JPEG loss.
        const QRect top(0, 0, stamped.width(), stamped.height() * 6 / 10);
        QVERIFY2(meanDifference(stamped, plain, top) < 3.0,
                 qPrintable(QString::number(meanDifference(stamped, plain, top))));

        // The bottom rows are the band: much darker than the picture there...
        const QRect band(0, stamped.height() - 40, stamped.width(), 40);
        const double bandGray = meanGray(stamped, band);
        const double plainGray = meanGray(plain, band);
        QVERIFY2(bandGray < 0.7 * plainGray,
                 qPrintable(QStringLiteral("band %1, picture %2").arg(bandGray).arg(plainGray)));
        // ...with white text in it, brighter than anything in the picture.
        const QRect textArea(0, stamped.height() - 200, stamped.width(), 200);
        int white = 0;
        for (int y = textArea.top(); y <= textArea.bottom(); ++y)
            for (int x = textArea.left(); x <= textArea.right(); ++x)
                white += qGray(stamped.pixel(x, y)) > 250 ? 1 : 0;
        QVERIFY2(white > 1000, qPrintable(QString::number(white)));

        // Another caption changes the band and only the band.
        PhotoCaption other = sampleCaption();
        other.fix = GeoFix();
        other.villageName = QStringLiteral("安阳村");
        const auto second = store.importFile(m_landscapeJpeg, other, &error);
        QVERIFY2(second, qPrintable(error.toString()));
        QVERIFY(second->sha256 != photo->sha256);
        const QImage restamped(second->path);
        QVERIFY(meanDifference(stamped, restamped, top) < 1.0);
        QVERIFY(meanDifference(stamped, restamped, textArea) > 2.0);
    }

    void hashIsStableAndNamesTheBytes()
    {
        QTemporaryDir dir;
        PhotoStore store(dir.filePath("a"));
        PhotoStore elsewhere(dir.filePath("b"));
        PhotoProblem error;
        const auto first = store.importFile(m_landscapeJpeg, sampleCaption(), &error);
        QVERIFY2(first, qPrintable(error.toString()));
        QVERIFY(!first->alreadyStored);

        const QByteArray bytes = fileBytes(first->path);
        QCOMPARE(first->sha256,
                 QString::fromLatin1(
                     QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(first->path,
                 dir.filePath("a/") + first->sha256.left(2) + "/" + first->sha256 + ".jpg");
        QCOMPARE(first->path, store.pathFor(first->sha256));
        QVERIFY(store.contains(first->sha256));
        QVERIFY(store.verify(first->sha256));
        // The JFIF header must not carry the device's screen density: 72 dpi everywhere.
        QCOMPARE(qRound(QImage(first->path).dotsPerMeterX() * 0.0254), 72);

        // Again: same name, nothing rewritten (an old timestamp would be replaced otherwise).
        const QDateTime old(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        {
            QFile stored(first->path);
            QVERIFY(stored.open(QIODevice::ReadWrite));
            QVERIFY(stored.setFileTime(old, QFileDevice::FileModificationTime));
        }
        const auto again = store.importFile(m_landscapeJpeg, sampleCaption(), &error);
        QVERIFY2(again, qPrintable(error.toString()));
        QCOMPARE(again->sha256, first->sha256);
        QVERIFY(again->alreadyStored);
        QCOMPARE(QFileInfo(first->path).lastModified().toUTC(), old);
        QCOMPARE(QDir(dir.filePath("a")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 2);

        // Another store, same bytes.
        const auto copy = elsewhere.importFile(m_landscapeJpeg, sampleCaption(), &error);
        QVERIFY2(copy, qPrintable(error.toString()));
        QCOMPARE(copy->sha256, first->sha256);
        QCOMPARE(fileBytes(copy->path), bytes);

        // Camera frames too.
        const QImage frame = gradient(1200, 900);
        const auto frameA = store.importImage(frame, sampleCaption(), &error);
        const auto frameB = elsewhere.importImage(frame, sampleCaption(), &error);
        QVERIFY2(frameA && frameB, qPrintable(error.toString()));
        QCOMPARE(frameA->sha256, frameB->sha256);
        QVERIFY(frameA->sha256 != first->sha256);
    }

    void damagedFileFailsVerifyAndIsRepairedByReimport()
    {
        QTemporaryDir dir;
        PhotoStore store(dir.path());
        PhotoProblem error;
        const auto photo = store.importFile(m_smallPng, sampleCaption(), &error);
        QVERIFY2(photo, qPrintable(error.toString()));
        QByteArray bytes = fileBytes(photo->path);
        bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x55);
        QVERIFY(writeBytes(photo->path, bytes));

        QVERIFY(!store.verify(photo->sha256, &error));
        QCOMPARE(error.code, QString(PhotoProblemCode::kPhotoCorrupt));
        QVERIFY(!store.verify(QStringLiteral("../../etc/passwd"), &error));
        QCOMPARE(error.code, QString(PhotoProblemCode::kBadPhotoId));
        QVERIFY(store.pathFor(QStringLiteral("../../etc/passwd")).isEmpty());

        const auto again = store.importFile(m_smallPng, sampleCaption(), &error);
        QVERIFY2(again, qPrintable(error.toString()));
        QVERIFY(!again->alreadyStored);
        QVERIFY(store.verify(photo->sha256, &error));
    }

    void thumbnailHasLongEdge320_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("landscape") << m_landscapeJpeg << QSize(320, 240);
        QTest::newRow("portrait") << m_portraitJpeg << QSize(240, 320);
    }

    void thumbnailHasLongEdge320()
    {
        QFETCH(QString, file);
        QFETCH(QSize, expected);
        QTemporaryDir dir;
        PhotoStore store(dir.path());
        PhotoProblem error;
        const auto photo = store.importFile(file, sampleCaption(), &error);
        QVERIFY2(photo, qPrintable(error.toString()));
        QCOMPARE(photo->thumbnailPath, dir.filePath("thumbs/") + photo->sha256 + ".jpg");
        QCOMPARE(photo->thumbnailPath, store.thumbnailPathFor(photo->sha256));
        QImageReader thumbnail(photo->thumbnailPath);
        QCOMPARE(thumbnail.format(), QByteArray("jpeg"));
        QCOMPARE(thumbnail.size(), expected);

        // A lost thumbnail comes back on the next import; the photo is left alone.
        QVERIFY(QFile::remove(photo->thumbnailPath));
        const auto again = store.importFile(file, sampleCaption(), &error);
        QVERIFY2(again, qPrintable(error.toString()));
        QVERIFY(again->alreadyStored);
        QCOMPARE(QImageReader(photo->thumbnailPath).size(), expected);
    }

    void corruptInputIsRejectedAndChangesNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");

        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QRandomGenerator rng(20240501);
        for (char &c : noise)
            c = char(rng.bounded(256));
        noise[0] = 'x'; // not by chance a format's magic number
        QVERIFY(writeBytes(input("noise.jpg"), noise));

        const QByteArray jpeg = fileBytes(m_landscapeJpeg);
        QVERIFY(jpeg.size() > 10000);
        QVERIFY(writeBytes(input("truncated.jpg"), jpeg.left(jpeg.size() / 2)));
        QVERIFY(writeBytes(input("notes.jpg"), "巡查记录：一切正常\n"));
        QVERIFY(writeBytes(input("empty.jpg"), QByteArray()));
        const QByteArray png = fileBytes(m_smallPng);
        QVERIFY(writeBytes(input("truncated.png"), png.left(png.size() / 2)));

        // What the store says, as a code the app words (PhotoProblemText, tst_syncwording).
        QTest::newRow("random bytes")
            << input("noise.jpg") << QString(PhotoProblemCode::kUnknownFormat);
        QTest::newRow("truncated jpeg")
            << input("truncated.jpg") << QString(PhotoProblemCode::kTruncated);
        QTest::newRow("text file")
            << input("notes.jpg") << QString(PhotoProblemCode::kUnknownFormat);
        QTest::newRow("empty file") << input("empty.jpg") << QString(PhotoProblemCode::kFileEmpty);
        QTest::newRow("missing file")
            << input("nowhere.jpg") << QString(PhotoProblemCode::kFileMissing);
        QTest::newRow("truncated png")
            << input("truncated.png") << QString(PhotoProblemCode::kCorruptData);
        QTest::newRow("a folder") << m_inputs.path() << QString(PhotoProblemCode::kNotAFile);
    }

    void corruptInputIsRejectedAndChangesNothing()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        QTemporaryDir dir;

        // A store that already holds a photo...
        PhotoStore store(dir.filePath("photos"));
        PhotoProblem error;
        QVERIFY2(store.importFile(m_smallPng, sampleCaption(), &error),
                 qPrintable(error.toString()));
        const auto before = snapshot(store.rootDir());
        QCOMPARE(before.size(), 4); // <2 hex>/, its photo, thumbs/, its thumbnail
        error = {};
        QVERIFY(!store.importFile(file, sampleCaption(), &error));
        QCOMPARE(error.code, reason);
        QCOMPARE(error.args.value(0), QFileInfo(file).fileName()); // the file it could not read
        QCOMPARE(snapshot(store.rootDir()), before);

        // ...and one that does not exist yet: it still does not.
        PhotoStore fresh(dir.filePath("fresh"));
        QVERIFY(!fresh.importFile(file, sampleCaption(), &error));
        QVERIFY(!QFileInfo::exists(fresh.rootDir()));
    }

    void nullImageIsRejected()
    {
        QTemporaryDir dir;
        PhotoStore store(dir.filePath("photos"));
        PhotoProblem error;
        QVERIFY(!store.importImage(QImage(), sampleCaption(), &error));
        QCOMPARE(error.code, QString(PhotoProblemCode::kNoImage));
        QVERIFY(!QFileInfo::exists(store.rootDir()));
    }

    void rootThatIsAFileFailsCleanly()
    {
        // Runs as root in CI, so permissions would not stop a write; a file in the way does.
        QTemporaryDir dir;
        const QString root = dir.filePath("photos");
        QVERIFY(writeBytes(root, "not a folder"));
        const auto before = snapshot(dir.path());
        PhotoStore store(root);
        PhotoProblem error;
        QVERIFY(!store.importFile(m_landscapeJpeg, sampleCaption(), &error));
        QCOMPARE(error.code, QString(PhotoProblemCode::kCannotCreateFolder));
        QVERIFY2(error.args.value(0).contains(QDir::toNativeSeparators(root)),
                 qPrintable(error.toString()));
        QVERIFY(!store.importImage(gradient(640, 480), sampleCaption(), &error));
        QCOMPARE(snapshot(dir.path()), before);
    }

    void fullDiskFailsCleanly()
    {
#ifndef Q_OS_LINUX
        QSKIP("needs RLIMIT_FSIZE");
#else
        QTemporaryDir dir;
        PhotoStore store(dir.filePath("photos"));
        PhotoProblem error;
        QVERIFY2(store.importFile(m_smallPng, sampleCaption(), &error),
                 qPrintable(error.toString()));
        const auto before = snapshot(dir.path());

        // No file may grow past 16 KB: the photo's write fails part way, as on a full disk.
        // (Permissions would not do: CI runs as root.)
        rlimit old {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        rlimit small = old;
        small.rlim_cur = 16 * 1024;
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG, not a kill
        const bool limited = setrlimit(RLIMIT_FSIZE, &small) == 0;
        const auto photo = store.importFile(m_landscapeJpeg, sampleCaption(), &error);
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(limited);
        QVERIFY(!photo);
        QCOMPARE(error.code, QString(PhotoProblemCode::kCannotWrite));
        QCOMPARE(snapshot(dir.path()), before);

        // With room again the same import goes through.
        const auto retried = store.importFile(m_landscapeJpeg, sampleCaption(), &error);
        QVERIFY2(retried, qPrintable(error.toString()));
        QVERIFY(retried->byteSize > 16 * 1024);
        QVERIFY(store.verify(retried->sha256));
#endif
    }

    void failedThumbnailWriteTakesThePhotoBack()
    {
        // Learn the name first, then put a folder where its thumbnail has to go: the photo is
        // written, the thumbnail's rename fails, and the photo and its new folder must go again.
        QTemporaryDir scratch;
        PhotoProblem error;
        const auto probe
            = PhotoStore(scratch.path()).importFile(m_smallPng, sampleCaption(), &error);
        QVERIFY2(probe, qPrintable(error.toString()));

        QTemporaryDir dir;
        PhotoStore store(dir.path());
        QVERIFY(QDir().mkpath(store.thumbnailPathFor(probe->sha256)));
        const auto before = snapshot(dir.path());
        QVERIFY(!store.importFile(m_smallPng, sampleCaption(), &error));
        QCOMPARE(error.code, QString(PhotoProblemCode::kCannotWrite));
        QCOMPARE(snapshot(dir.path()), before);
        QVERIFY(!store.contains(probe->sha256));
    }

    void sourcesFeedTheStore()
    {
        QTemporaryDir dir;
        PhotoStore store(dir.path());
        FakePhotoSource source;
        QList<StoredPhoto> stored;
        QList<PhotoProblem> errors;
        const auto keep = [&](const std::optional<StoredPhoto> &photo, const PhotoProblem &error) {
            if (photo)
                stored << *photo;
            else
                errors << error;
        };
        connect(&source, &PhotoSource::imageCaptured, this, [&](const QImage &image) {
            PhotoProblem error;
            keep(store.importImage(image, sampleCaption(), &error), error);
        });
        connect(&source, &PhotoSource::fileChosen, this, [&](const QString &path) {
            PhotoProblem error;
            keep(store.importFile(path, sampleCaption(), &error), error);
        });

        source.nextImage = gradient(3264, 2448);
        source.requestPhoto();
        source.nextImage = QImage();
        source.nextFile = input("nowhere.jpg");
        source.requestPhoto();

        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().pixelSize, QSize(2048, 1536));
        QVERIFY(store.verify(stored.first().sha256));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().code, QString(PhotoProblemCode::kFileMissing));
    }

    void cameraWithoutDeviceSaysWhy()
    {
        if (!QMediaDevices::videoInputs().isEmpty())
            QSKIP("this machine has a camera");
        CameraSource camera;
        QCOMPARE(camera.sourceName(), QStringLiteral("camera"));
        QVERIFY(!camera.available());
        QCOMPARE(camera.unavailableReason().code, QString(PhotoProblemCode::kNoCamera));

        QSignalSpy failed(&camera, &PhotoSource::failed);
        QSignalSpy captured(&camera, &PhotoSource::imageCaptured);
        camera.requestPhoto();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<PhotoProblem>().code,
                 camera.unavailableReason().code);
        QCOMPARE(captured.size(), 0);
        QVERIFY(!camera.captureSession()); // never opened a camera stack
    }
};

QTEST_MAIN(TestPhotoStore)
#include "tst_photostore.moc"
