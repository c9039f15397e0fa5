// A public rendition of a photo stamped by the tablet (PhotoStore): the caption band with its
// coordinates is gone from the pixels, the picture is at most 1600 px, and the JPEG carries a
// JFIF header and nothing else of the original (EXIF, XMP, comments). The stamp itself fills
// exactly the band CaptionBand names, which is what lets the server crop it without guessing.
#include "common/publicrendition.h"
#include "domain/captionband.h"
#include "media/photostore.h"

#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Brightest at the bottom, where the band goes: a band left in would be unmistakable there.
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

PhotoCaption caption(const QString &village, double latitude)
{
    PhotoCaption c;
    c.time = QDateTime(QDate(2024, 5, 1), QTime(10, 23, 45), Qt::OffsetFromUTC, 8 * 3600);
    c.fix.latitude = latitude;
    c.fix.longitude = 111.49096;
    c.fix.horizontalAccuracyM = 4.2;
    c.villageName = village;
    return c;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray jpegOf(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, "jpeg").write(image);
    return bytes;
}

QImage decoded(const QByteArray &jpeg)
{
    return QImage::fromData(jpeg, "JPEG").convertToFormat(QImage::Format_RGB32);
}

// A segment: marker FFxx, 2-byte length (counting itself), payload.
QByteArray segment(quint8 marker, const QByteArray &payload)
{
    const int length = int(payload.size()) + 2;
    return QByteArray("\xFF") + char(marker) + char(length >> 8) + char(length & 0xFF) + payload;
}

// What a camera or another program may leave in a JPEG: an EXIF block (a TIFF header and one
// ImageDescription entry naming a person and a place), XMP and a comment. Put right after SOI.
QByteArray withMetadata(const QByteArray &jpeg)
{
    const QByteArray description = "Wang Jianguo 33.13782N 111.49096E device 7f3a";
    QByteArray tiff("II*\x00\x08\x00\x00\x00", 8); // little-endian, IFD at 8
    tiff += QByteArray("\x01\x00", 2); // one entry
    tiff += QByteArray("\x0E\x01\x02\x00", 4); // ImageDescription, ASCII
    const quint32 count = quint32(description.size() + 1);
    tiff += QByteArray(reinterpret_cast<const char *>(&count), 4);
    tiff += QByteArray("\x1A\x00\x00\x00", 4); // value at offset 26
    tiff += QByteArray(4, '\0'); // no next IFD
    tiff += description + '\0';
    const QByteArray exif = segment(0xE1, QByteArray("Exif\0\0", 6) + tiff);
    const QByteArray xmp
        = segment(0xE1,
                  QByteArray("http://ns.adobe.com/xap/1.0/\0", 29)
                      + "<x:xmpmeta><exif:GPSLatitude>33,8.2692N</exif:GPSLatitude></x:xmpmeta>");
    const QByteArray comment = segment(0xFE, QStringLiteral("王建国 淅川县").toUtf8());
    return jpeg.left(2) + exif + xmp + comment + jpeg.mid(2);
}

// The markers before the first scan, e.g. {0xE0, 0xDB, 0xC0, 0xC4, 0xDA}.
QList<int> markersOf(const QByteArray &jpeg)
{
    QList<int> markers;
    const auto byte = [&](qsizetype i) { return quint8(jpeg.at(i)); };
    qsizetype pos = 2;
    while (pos + 3 < jpeg.size() && byte(pos) == 0xFF) {
        const int marker = byte(pos + 1);
        markers << marker;
        if (marker == 0xDA)
            break;
        pos += 2 + ((byte(pos + 2) << 8) | byte(pos + 3));
    }
    return markers;
}

double meanGray(const QImage &image, const QRect &rect)
{
    double sum = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            sum += qGray(image.pixel(x, y));
    return sum / (double(rect.width()) * rect.height());
}

double meanDifference(const QImage &a, const QImage &b)
{
    double sum = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            sum += qAbs(qRed(p) - qRed(q)) + qAbs(qGreen(p) - qGreen(q))
                + qAbs(qBlue(p) - qBlue(q));
        }
    }
    return sum / (3.0 * a.width() * a.height());
}

PublicRendition rendered(const QByteArray &jpeg)
{
    PublicRendition::Failure failure;
    QString why;
    const std::optional<PublicRendition> r = PublicRendition::make(jpeg, &failure, &why);
    if (!r)
        qWarning() << why;
    return r.value_or(PublicRendition {});
}

} // namespace

class TestPublicRendition : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // The stored original, as the tablet's PhotoStore makes it from a picture.
    QByteArray stamp(const QImage &picture, const PhotoCaption &c)
    {
        PhotoStore store(m_dir.filePath(QStringLiteral("photos")));
        PhotoProblem error;
        const auto photo = store.importImage(picture, c, &error);
        if (!photo)
            qWarning() << error.toString();
        return photo ? fileBytes(photo->path) : QByteArray();
    }

private slots:
    void theStampFillsExactlyTheBandCaptionBandNames_data()
    {
        QTest::addColumn<QString>("village");
        QTest::addColumn<int>("lines");
        QTest::newRow("village, time and position") << QStringLiteral("青塘村") << 2;
        QTest::newRow("time and position") << QString() << 1;
    }
    void theStampFillsExactlyTheBandCaptionBandNames()
    {
        QFETCH(QString, village);
        QFETCH(int, lines);
        QVERIFY(photoCaptionLines(caption(village, 33.1)).size() <= CaptionBand::kMaxLines);
        QCOMPARE(photoCaptionLines(caption(village, 33.1)).size(), lines);
        QImage white(1600, 1200, QImage::Format_RGB32);
        white.fill(Qt::white);
        const QImage stamped = decoded(stamp(white, caption(village, 33.1)));
        QCOMPARE(stamped.size(), white.size());
        const int top = stamped.height() - CaptionBand::height(stamped.size(), lines);
        QCOMPARE(CaptionBand::height(stamped.size(), lines),
                 lines * CaptionBand::lineHeight(stamped.size())
                     + 2 * CaptionBand::padding(stamped.size()));
        // White down to the band, dark from its first row (JPEG blurs a row or two).
        const auto rowGray = [&](int y) { return meanGray(stamped, QRect(0, y, 1600, 1)); };
        QVERIFY2(rowGray(top - 3) > 245, qPrintable(QString::number(rowGray(top - 3))));
        QVERIFY2(rowGray(top + 2) < 170, qPrintable(QString::number(rowGray(top + 2))));
        QVERIFY(rowGray(stamped.height() - 1) < 170);
    }

    void theBandIsCroppedAndThePictureKept_data()
    {
        QTest::addColumn<QSize>("picture");
        QTest::addColumn<QSize>("rendition");
        // 2048×1536: band 168 rows, 1360 kept (whole 16-row blocks), decoded at 6/8.
        QTest::newRow("landscape") << QSize(2048, 1536) << QSize(1536, 1020);
        QTest::newRow("portrait") << QSize(1536, 2048) << QSize(1152, 1404);
        QTest::newRow("small, not enlarged") << QSize(640, 480) << QSize(640, 416);
    }
    void theBandIsCroppedAndThePictureKept()
    {
        QFETCH(QSize, picture);
        QFETCH(QSize, rendition);
        const QImage plain = gradient(picture.width(), picture.height());
        const QByteArray original = stamp(plain, caption(QStringLiteral("青塘村"), 33.13782));
        QVERIFY(!original.isEmpty());
        const PublicRendition r = rendered(original);
        QCOMPARE(r.size, rendition);
        QVERIFY(qMax(r.size.width(), r.size.height()) <= PublicRendition::kMaxLongEdge);
        const QImage shown = decoded(r.jpeg);
        QCOMPARE(shown.size(), rendition);

        // The band of the original is dark where the picture is brightest ...
        const QImage stamped = decoded(original);
        const int band = CaptionBand::height(picture, CaptionBand::kMaxLines);
        const double bandGray
            = meanGray(stamped, QRect(0, picture.height() - band, picture.width(), band));
        const double pictureGray
            = meanGray(plain, QRect(0, picture.height() - band, picture.width(), band));
        QVERIFY2(bandGray < 0.7 * pictureGray,
                 qPrintable(QStringLiteral("band %1, picture %2").arg(bandGray).arg(pictureGray)));
        // ... and no row at the bottom of the rendition is: each is the bright picture
        // just above the band (a band left in, even one row of it, would fail here).
        const double scale = double(shown.width()) / picture.width();
        for (int y = shown.height() - 4; y < shown.height(); ++y) {
            const double renditionRow = meanGray(shown, QRect(0, y, shown.width(), 1));
            const int originalRow = int((y + 0.5) / scale);
            const double plainRow = meanGray(plain, QRect(0, originalRow, picture.width(), 1));
            QVERIFY2(qAbs(renditionRow - plainRow) < 6 && renditionRow > bandGray + 40,
                     qPrintable(QStringLiteral("row %1: %2, picture %3, band %4")
                                    .arg(y)
                                    .arg(renditionRow)
                                    .arg(plainRow)
                                    .arg(bandGray)));
        }
        // The whole rendition is the picture above the band, scaled.
        const int kept = PublicRendition::keptRows(picture, 16);
        QVERIFY(kept <= picture.height() - band);
        const QImage expected
            = plain.copy(0, 0, picture.width(), kept)
                  .scaled(shown.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        QVERIFY2(meanDifference(shown, expected) < 4,
                 qPrintable(QString::number(meanDifference(shown, expected))));
    }

    // Another caption (other coordinates, no village) changes the original's band and
    // nothing else: the renditions are byte for byte the same, so nothing of the band reached
    // them, not even through the JPEG blocks at its edge.
    void theRenditionDoesNotDependOnTheCaption()
    {
        const QImage plain = gradient(2048, 1536);
        const QByteArray a = stamp(plain, caption(QStringLiteral("青塘村"), 33.13782));
        const QByteArray b = stamp(plain, caption(QString(), 32.50001));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY(a != b);
        const PublicRendition ra = rendered(a);
        QVERIFY(!ra.jpeg.isEmpty());
        QCOMPARE(rendered(b).jpeg, ra.jpeg);
        // Deterministic: the same original gives the same bytes (the same blob name).
        QCOMPARE(rendered(a).jpeg, ra.jpeg);
    }

    // EXIF, XMP and a comment in the original (a camera's, or put there on purpose) do not
    // reach the rendition: it has a JFIF header and no other APPn or comment segment, and is
    // byte for byte the rendition of the original without them.
    void noMetadataReachesTheRendition()
    {
        // The camera's file carries EXIF too; the tablet's import re-encodes it.
        const QByteArray cameraFile = withMetadata(jpegOf(gradient(2048, 1536)));
        const QString cameraPath = m_dir.filePath(QStringLiteral("camera.jpg"));
        {
            QFile f(cameraPath);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(cameraFile) == cameraFile.size());
        }
        PhotoStore store(m_dir.filePath(QStringLiteral("imported")));
        PhotoProblem error;
        const auto photo
            = store.importFile(cameraPath, caption(QStringLiteral("青塘村"), 33.13782), &error);
        QVERIFY2(photo, qPrintable(error.toString()));
        const QByteArray original = fileBytes(photo->path);
        const QByteArray tampered = withMetadata(original);
        QVERIFY(markersOf(tampered).contains(0xE1));
        QVERIFY(markersOf(tampered).contains(0xFE));
        QVERIFY(tampered.contains("33.13782N"));

        const PublicRendition r = rendered(tampered);
        QVERIFY(!r.jpeg.isEmpty());
        QCOMPARE(r.jpeg, rendered(original).jpeg);
        const QList<int> markers = markersOf(r.jpeg);
        QVERIFY(!markers.isEmpty());
        QCOMPARE(markers.first(), 0xE0); // APP0 ...
        QCOMPARE(r.jpeg.mid(6, 5), QByteArray("JFIF\0", 5)); // ... is JFIF
        for (int marker : markers) {
            QVERIFY2(!(marker >= 0xE1 && marker <= 0xEF), qPrintable(QString::number(marker, 16)));
            QVERIFY(marker != 0xFE);
        }
        QCOMPARE(markers.last(), 0xDA);
        for (const char *leak : {"Exif", "http://ns.adobe.com", "33.13782", "Wang", "7f3a"})
            QVERIFY2(!r.jpeg.contains(leak), leak);
        QVERIFY(!r.jpeg.contains(QStringLiteral("王建国").toUtf8()));
    }

    void whatCannotBeMadeIsRefused()
    {
        PublicRendition::Failure failure;
        QString why;
        QVERIFY(!PublicRendition::make("not a picture", &failure, &why));
        QCOMPARE(failure, PublicRendition::Failure::NotJpeg);
        QVERIFY(!why.isEmpty());
        QVERIFY(!PublicRendition::make({}, &failure, &why));
        QCOMPARE(failure, PublicRendition::Failure::NotJpeg);

        const QByteArray original = stamp(gradient(1024, 768), caption(QString(), 33.1));
        QVERIFY(!PublicRendition::make(original.left(original.size() / 2), &failure, &why));
        QCOMPARE(failure, PublicRendition::Failure::NotJpeg); // cut short: not published half

        // 100×40: the band takes every row.
        QVERIFY(!PublicRendition::make(jpegOf(gradient(100, 40)), &failure, &why));
        QCOMPARE(failure, PublicRendition::Failure::NoPicture);
        // Far larger than any photo the tablet makes.
        QVERIFY(!PublicRendition::make(jpegOf(gradient(13000, 120)), &failure, &why));
        QCOMPARE(failure, PublicRendition::Failure::TooLarge);
    }
};

QTEST_MAIN(TestPublicRendition)
#include "tst_publicrendition.moc"
