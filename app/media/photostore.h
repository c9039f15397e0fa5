#pragma once

#include "domain/geofix.h"
#include "photoproblem.h"

#include <QDateTime>
#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>

// What is stamped into a photo's pixels. The fix may be invalid (no position yet).
struct PhotoCaption {
    QDateTime time;
    GeoFix fix;
    QString villageName;
};

// The caption as stamped, one entry per line (at most CaptionBand::kMaxLines): the village,
// then time and position, e.g. "2024-05-01 10:23:45  33.13782°N 111.49096°E ±4 m" or
// "… 无定位".
QStringList photoCaptionLines(const PhotoCaption &caption);

// One photo in the store, named by the SHA-256 of its JPEG bytes.
struct StoredPhoto {
    QString sha256; // 64 lowercase hex digits
    QString path;
    QString thumbnailPath;
    QSize pixelSize;
    qint64 byteSize = 0;
    bool alreadyStored = false; // the same bytes were there before: nothing was written
};

// Content-addressed photo files: root/<first 2 hex>/<sha256>.jpg and root/thumbs/<sha256>.jpg.
// An import decodes, downscales, stamps the caption and encodes; the same input with the same
// caption gives the same bytes, hence the same name. A failed import leaves the folder as it was.
class PhotoStore {
public:
    static constexpr int MaxLongEdge = 2048;
    static constexpr int ThumbnailLongEdge = 320;
    static constexpr int JpegQuality = 85;
    static constexpr int ThumbnailQuality = 80;

    explicit PhotoStore(const QString &rootDir);
    // Photos live beside the device's store: the app keeps them there and sync sends them
    // from there.
    static QString rootBeside(const QString &databasePath);

    QString rootDir() const { return m_root; }

    // A photo file as picked or saved by a camera app (JPEG, PNG, ...); EXIF orientation applied.
    std::optional<StoredPhoto> importFile(const QString &path, const PhotoCaption &caption,
                                          PhotoProblem *error = nullptr);
    // A frame from the camera.
    std::optional<StoredPhoto> importImage(const QImage &image, const PhotoCaption &caption,
                                           PhotoProblem *error = nullptr);

    bool contains(const QString &sha256) const;
    // Empty for anything that is not a SHA-256 in hex, so a name can never leave the root.
    QString pathFor(const QString &sha256) const;
    QString thumbnailPathFor(const QString &sha256) const;
    // Re-hashes the stored file: true when it is there and its bytes still match its name.
    bool verify(const QString &sha256, PhotoProblem *error = nullptr) const;

private:
    std::optional<StoredPhoto> store(const QImage &image, const PhotoCaption &caption,
                                     PhotoProblem *error);

    QString m_root;
};
