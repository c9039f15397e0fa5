#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>
#include <optional>

// The copy of a tablet's photo that the public may see (kiosks): the server makes it when a
// supervisor publishes the record. The original's stamped caption band (village, time and
// coordinates to about a metre; CaptionBand) is cropped off, the picture scaled to at most
// kMaxLongEdge, and a new JPEG encoded that carries no metadata at all: a JFIF header and
// the pixels, nothing the original held (EXIF, XMP, comments). The same original always
// gives the same bytes, so a rendition is named (and deduplicated) by its SHA-256 like any
// other blob. libjpeg-turbo throughout: Qt Core only, no Qt GUI (the server uses it).
struct PublicRendition {
    static constexpr int kMaxLongEdge = 1600;
    static constexpr int kJpegQuality = 85;

    QByteArray jpeg;
    QSize size;

    enum class Failure {
        None,
        NotJpeg, // not a complete JPEG libjpeg-turbo can decode into RGB
        NoPicture, // nothing is left once the caption band is cropped (a tiny picture)
        TooLarge, // over 8 × kMaxLongEdge on its long edge: not a photo the tablet made
        EncodeFailed,
    };

    // Makes the rendition of a JPEG stamped by PhotoStore; nullopt with *failure and *why
    // (English, for logs) when it cannot be made.
    static std::optional<PublicRendition> make(const QByteArray &stampedJpeg, Failure *failure,
                                               QString *why);
    // The rows of a stamped picture of this size that hold no pixel of the caption band: the
    // band CaptionBand::kMaxLines lines make, rounded up to whole MCU rows (mcuHeight: 8 or
    // 16) so that no JPEG block that is kept ever held a pixel of the band.
    static int keptRows(const QSize &stamped, int mcuHeight);
};
