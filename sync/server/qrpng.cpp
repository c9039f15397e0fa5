#include "qrpng.h"

#include <QFile>

#include <png.h>
#include <qrencode.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace {

constexpr int kQuietZoneModules = 4; // ISO/IEC 18004: four modules of white around the code

} // namespace

bool writeQrPng(const QString &path, const QByteArray &text, QString *error, int pixelsPerModule)
{
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        QRcode_encodeString(text.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!qr) {
        *error = QStringLiteral("cannot make a QR code of %1 bytes").arg(text.size());
        return false;
    }
    const int modules = qr->width + 2 * kQuietZoneModules;
    const int side = modules * pixelsPerModule;
    std::vector<png_byte> pixels(size_t(side) * size_t(side), 0xFF);
    for (int y = 0; y < qr->width; ++y) {
        for (int x = 0; x < qr->width; ++x) {
            if (!(qr->data[y * qr->width + x] & 1)) // bit 0: a dark module
                continue;
            const int left = (x + kQuietZoneModules) * pixelsPerModule;
            const int top = (y + kQuietZoneModules) * pixelsPerModule;
            for (int row = top; row < top + pixelsPerModule; ++row)
                std::fill_n(&pixels[size_t(row) * size_t(side) + size_t(left)], pixelsPerModule,
                            png_byte(0));
        }
    }

    png_image image {};
    image.version = PNG_IMAGE_VERSION;
    image.width = png_uint_32(side);
    image.height = png_uint_32(side);
    image.format = PNG_FORMAT_GRAY;
    const QString partial = path + QStringLiteral(".part");
    const QByteArray partialName = QFile::encodeName(partial);
    if (!png_image_write_to_file(&image, partialName.constData(), 0, pixels.data(), side,
                                 nullptr)) {
        *error = QStringLiteral("cannot write %1: %2")
                     .arg(partial, QString::fromLocal8Bit(image.message));
        QFile::remove(partial);
        return false;
    }
    if (std::rename(partialName.constData(), QFile::encodeName(path).constData()) != 0) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(partial, path);
        QFile::remove(partial);
        return false;
    }
    return true;
}
