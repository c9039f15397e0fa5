#include "photostore.h"

#include "domain/captionband.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontMetrics>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>

namespace {

// 72 dpi. Fixed so the JFIF header does not depend on the device's screen.
constexpr int DotsPerMeter = 2835;

bool isSha256Hex(const QString &s)
{
    if (s.size() != 64)
        return false;
    for (QChar c : s) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

QString formatPosition(const GeoFix &fix)
{
    if (!fix.isValid())
        return QStringLiteral("无定位");
    const QString deg(QChar(0x00B0));
    QString text = QString::number(qAbs(fix.latitude), 'f', 5) + deg
        + QLatin1Char(fix.latitude < 0 ? 'S' : 'N') + u' '
        + QString::number(qAbs(fix.longitude), 'f', 5) + deg
        + QLatin1Char(fix.longitude < 0 ? 'W' : 'E');
    if (!std::isnan(fix.horizontalAccuracyM))
        text += QStringLiteral(" ±%1 m").arg(qMax(1, qRound(fix.horizontalAccuracyM)));
    return text;
}

const char *readerFailure(QImageReader::ImageReaderError error)
{
    switch (error) {
    case QImageReader::FileNotFoundError:
        return PhotoProblemCode::kFileMissing;
    case QImageReader::DeviceError:
        return PhotoProblemCode::kCannotOpen;
    case QImageReader::UnsupportedFormatError:
        return PhotoProblemCode::kUnknownFormat;
    case QImageReader::InvalidDataError:
        return PhotoProblemCode::kCorruptData;
    case QImageReader::UnknownError:
        break;
    }
    return PhotoProblemCode::kUndecodable;
}

// libjpeg decodes a cut-off JPEG with a warning and grey filler, so check that the data
// reaches its end-of-image marker: walk the segments to the first scan, then look for EOI.
// Entropy-coded data stuffs every 0xFF, so FF D9 there can only be the real end.
bool jpegIsComplete(const QByteArray &data)
{
    const auto byte = [&data](qsizetype i) { return quint8(data.at(i)); };
    if (data.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8)
        return false;
    qsizetype pos = 2;
    while (pos + 1 < data.size()) {
        if (byte(pos) != 0xFF)
            return false;
        const quint8 marker = byte(pos + 1);
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0xD9)
            return true;
        if (marker == 0xDA)
            return data.indexOf(QByteArrayLiteral("\xFF\xD9"), pos + 2) >= 0;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length field
            pos += 2;
            continue;
        }
        if (pos + 3 >= data.size())
            return false;
        const int length = (byte(pos + 2) << 8) | byte(pos + 3);
        if (length < 2)
            return false;
        pos += 2 + length;
    }
    return false;
}

QSize boundedSize(const QSize &size, int longEdge)
{
    if (qMax(size.width(), size.height()) <= longEdge)
        return size;
    const QSize scaled = size.scaled(longEdge, longEdge, Qt::KeepAspectRatio);
    return QSize(qMax(1, scaled.width()), qMax(1, scaled.height()));
}

// Flattens onto white (PNG alpha) and stamps the caption: a dark band at the bottom with
// white text sized to the picture. The band's height is CaptionBand's (the server crops
// exactly that for a public rendition); the font shrinks if a line would not fit its slot.
QImage stamped(QImage image, const PhotoCaption &caption)
{
    image.setDevicePixelRatio(1.0); // draw 1:1 whatever the source claims
    QImage canvas(image.size(), QImage::Format_RGB32);
    canvas.setDotsPerMeterX(DotsPerMeter);
    canvas.setDotsPerMeterY(DotsPerMeter);
    canvas.fill(Qt::white);

    const QStringList lines = photoCaptionLines(caption).mid(0, CaptionBand::kMaxLines);
    const QSize size = canvas.size();
    const int lineHeight = CaptionBand::lineHeight(size);
    const int pad = CaptionBand::padding(size);
    const int bandTop = canvas.height() - CaptionBand::height(size, int(lines.size()));
    QFont font;
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(CaptionBand::fontPixelSize(size));
    while (font.pixelSize() > 6 && QFontMetrics(font).height() > lineHeight)
        font.setPixelSize(font.pixelSize() - 1);
    const QFontMetrics metrics(font);

    QPainter painter(&canvas);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.drawImage(0, 0, image);
    painter.fillRect(QRect(0, bandTop, canvas.width(), canvas.height() - bandTop),
                     QColor(0, 0, 0, 150));
    painter.setFont(font);
    painter.setPen(Qt::white);
    // Each line centred in its slot; the clip keeps any overhang inside the band.
    painter.setClipRect(QRect(0, bandTop, canvas.width(), canvas.height() - bandTop));
    int baseline = bandTop + pad + (lineHeight - metrics.height()) / 2 + metrics.ascent();
    for (const QString &line : lines) {
        painter.drawText(pad, baseline,
                         metrics.elidedText(line, Qt::ElideRight, canvas.width() - 2 * pad));
        baseline += lineHeight;
    }
    painter.end();
    return canvas;
}

bool encodeJpeg(const QImage &image, int quality, QByteArray *out, PhotoProblem *error)
{
    QBuffer buffer(out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    if (writer.write(image))
        return true;
    *error = {QLatin1String(PhotoProblemCode::kEncodeFailed), {writer.errorString()}};
    return false;
}

// Written through a temporary file and renamed, so the name never holds partial bytes.
bool writeAtomically(const QString &path, const QByteArray &bytes, PhotoProblem *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error = {QLatin1String(PhotoProblemCode::kCannotWrite),
              {QDir::toNativeSeparators(path), file.errorString()}};
    file.cancelWriting();
    return false;
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

bool fileHasHash(const QString &path, const QString &sha256)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return hash.addData(&file) && QString::fromLatin1(hash.result().toHex()) == sha256;
}

void setError(PhotoProblem *error, const char *code, const QStringList &args = {})
{
    if (error)
        *error = {QLatin1String(code), args};
}

// Creates the folders a write needs and remembers which ones it made, so a failed import
// can take them away again.
class CreatedDirs {
public:
    bool ensure(const QString &path, PhotoProblem *error)
    {
        QStringList missing;
        for (QDir dir(path); !dir.exists(); dir.setPath(QFileInfo(dir.path()).path())) {
            missing.prepend(dir.path());
            if (dir.isRoot())
                break;
        }
        for (const QString &dir : std::as_const(missing)) {
            if (!QDir().mkdir(dir)) {
                *error = {QLatin1String(PhotoProblemCode::kCannotCreateFolder),
                          {QDir::toNativeSeparators(dir)}};
                return false;
            }
            m_created.prepend(dir);
        }
        return true;
    }
    // Deepest first; only empty folders go, so nothing that was there is touched.
    void removeAll()
    {
        for (const QString &dir : std::as_const(m_created))
            QDir().rmdir(dir);
        m_created.clear();
    }

private:
    QStringList m_created;
};

} // namespace

QStringList photoCaptionLines(const PhotoCaption &caption)
{
    QStringList lines;
    if (!caption.villageName.trimmed().isEmpty())
        lines << caption.villageName.trimmed();
    const QString time = caption.time.isValid()
        ? caption.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        : QStringLiteral("时间未知");
    lines << time + QStringLiteral("  ") + formatPosition(caption.fix);
    return lines;
}

PhotoStore::PhotoStore(const QString &rootDir) : m_root(QDir::cleanPath(rootDir))
{
}

QString PhotoStore::rootBeside(const QString &databasePath)
{
    return QFileInfo(databasePath).absolutePath() + QStringLiteral("/photos");
}

std::optional<StoredPhoto> PhotoStore::importFile(const QString &path, const PhotoCaption &caption,
                                                  PhotoProblem *error)
{
    const QString name = QFileInfo(path).fileName();
    const auto fail = [&](const char *code, const QString &detail = {}) {
        setError(error, code, detail.isEmpty() ? QStringList {name} : QStringList {name, detail});
        return std::nullopt;
    };

    const QFileInfo info(path);
    if (!info.exists())
        return fail(PhotoProblemCode::kFileMissing);
    if (!info.isFile())
        return fail(PhotoProblemCode::kNotAFile);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(PhotoProblemCode::kCannotOpen, file.errorString());
    const QByteArray data = file.readAll();
    if (data.isEmpty())
        return fail(PhotoProblemCode::kFileEmpty);

    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QByteArray format = reader.format();
    if (format.isEmpty())
        return fail(PhotoProblemCode::kUnknownFormat);
    if (format == "jpeg" && !jpegIsComplete(data))
        return fail(PhotoProblemCode::kTruncated);
    // Decode big photos straight at the target size: less memory, and JPEG scales while
    // decoding. The size is before EXIF rotation, but the long edge is the same.
    const QSize size = reader.size();
    if (size.isValid() && boundedSize(size, MaxLongEdge) != size)
        reader.setScaledSize(boundedSize(size, MaxLongEdge));
    const QImage image = reader.read();
    if (image.isNull())
        return fail(readerFailure(reader.error()), reader.errorString());
    return store(image, caption, error);
}

std::optional<StoredPhoto> PhotoStore::importImage(const QImage &image, const PhotoCaption &caption,
                                                   PhotoProblem *error)
{
    if (image.isNull()) {
        setError(error, PhotoProblemCode::kNoImage);
        return std::nullopt;
    }
    return store(image, caption, error);
}

std::optional<StoredPhoto> PhotoStore::store(const QImage &image, const PhotoCaption &caption,
                                             PhotoProblem *error)
{
    PhotoProblem message;
    const auto fail = [&](const char *code) {
        setError(error, code);
        return std::nullopt;
    };
    const auto failWith = [&](const PhotoProblem &problem) {
        if (error)
            *error = problem;
        return std::nullopt;
    };
    if (m_root.isEmpty())
        return fail(PhotoProblemCode::kNoPhotoFolder);
    // QFont and QPainter text need the GUI application; say so instead of crashing.
    if (!QCoreApplication::instance() || !QCoreApplication::instance()->inherits("QGuiApplication"))
        return fail(PhotoProblemCode::kNeedsGui);

    const QSize target = boundedSize(image.size(), MaxLongEdge);
    const QImage scaled = target == image.size()
        ? image
        : image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage photo = stamped(scaled, caption);

    QByteArray bytes;
    if (!encodeJpeg(photo, JpegQuality, &bytes, &message))
        return failWith(message);

    StoredPhoto result;
    result.sha256 = QString::fromLatin1(sha256Hex(bytes));
    result.path = pathFor(result.sha256);
    result.thumbnailPath = thumbnailPathFor(result.sha256);
    result.pixelSize = photo.size();
    result.byteSize = bytes.size();

    // A file under the name with other bytes (cut short by a crash, say) is rewritten.
    const bool havePhoto = fileHasHash(result.path, result.sha256);
    const bool haveThumbnail
        = QFileInfo(result.thumbnailPath).isFile() && QFileInfo(result.thumbnailPath).size() > 0;
    result.alreadyStored = havePhoto;
    if (havePhoto && haveThumbnail)
        return result;

    QByteArray thumbnailBytes;
    if (!haveThumbnail) {
        const QImage thumbnail = photo.scaled(boundedSize(photo.size(), ThumbnailLongEdge),
                                              Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        if (!encodeJpeg(thumbnail, ThumbnailQuality, &thumbnailBytes, &message))
            return failWith(message);
    }

    CreatedDirs dirs;
    const bool photoIsNew = !QFileInfo::exists(result.path);
    if (!dirs.ensure(QFileInfo(result.path).path(), &message)
        || !dirs.ensure(QFileInfo(result.thumbnailPath).path(), &message)) {
        dirs.removeAll();
        return failWith(message);
    }
    if (!havePhoto && !writeAtomically(result.path, bytes, &message)) {
        dirs.removeAll();
        return failWith(message);
    }
    if (!haveThumbnail && !writeAtomically(result.thumbnailPath, thumbnailBytes, &message)) {
        // A photo without its thumbnail is half an import: take back what this one wrote.
        if (!havePhoto && photoIsNew)
            QFile::remove(result.path);
        dirs.removeAll();
        return failWith(message);
    }
    return result;
}

bool PhotoStore::contains(const QString &sha256) const
{
    return isSha256Hex(sha256) && QFileInfo(pathFor(sha256)).isFile();
}

QString PhotoStore::pathFor(const QString &sha256) const
{
    if (m_root.isEmpty() || !isSha256Hex(sha256))
        return {};
    return m_root + u'/' + sha256.left(2) + u'/' + sha256 + QStringLiteral(".jpg");
}

QString PhotoStore::thumbnailPathFor(const QString &sha256) const
{
    if (m_root.isEmpty() || !isSha256Hex(sha256))
        return {};
    return m_root + QStringLiteral("/thumbs/") + sha256 + QStringLiteral(".jpg");
}

bool PhotoStore::verify(const QString &sha256, PhotoProblem *error) const
{
    if (!isSha256Hex(sha256)) {
        setError(error, PhotoProblemCode::kBadPhotoId, {sha256});
        return false;
    }
    const QString path = pathFor(sha256);
    if (!QFileInfo(path).isFile()) {
        setError(error, PhotoProblemCode::kPhotoMissing, {QDir::toNativeSeparators(path)});
        return false;
    }
    if (!fileHasHash(path, sha256)) {
        setError(error, PhotoProblemCode::kPhotoCorrupt, {QDir::toNativeSeparators(path)});
        return false;
    }
    return true;
}
