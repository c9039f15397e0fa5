#include "publicrendition.h"

#include "domain/captionband.h"

#include <turbojpeg.h>

#include <memory>
#include <vector>

namespace {

using Handle = std::unique_ptr<void, decltype(&tjDestroy)>;

QString tjError(tjhandle handle)
{
    return QString::fromLocal8Bit(tjGetErrorStr2(handle));
}

// The largest of libjpeg-turbo's scaling factors (M/8, applied while decoding) that brings
// the long edge to at most the limit, never enlarging; {0, 0} when none does.
tjscalingfactor scalingFor(int longEdge, int limit)
{
    int count = 0;
    const tjscalingfactor *factors = tjGetScalingFactors(&count);
    tjscalingfactor best {0, 0};
    for (int i = 0; factors && i < count; ++i) {
        const tjscalingfactor f = factors[i];
        if (f.num > f.denom || TJSCALED(longEdge, f) > limit)
            continue;
        if (best.denom == 0 || qint64(f.num) * best.denom > qint64(best.num) * f.denom)
            best = f;
    }
    return best;
}

} // namespace

int PublicRendition::keptRows(const QSize &stamped, int mcuHeight)
{
    const int band = CaptionBand::height(stamped, CaptionBand::kMaxLines);
    return (stamped.height() - band) / mcuHeight * mcuHeight;
}

std::optional<PublicRendition> PublicRendition::make(const QByteArray &stampedJpeg,
                                                     Failure *failure, QString *why)
{
    const auto fail = [&](Failure f, const QString &text) {
        *failure = f;
        *why = text;
        return std::nullopt;
    };
    *failure = Failure::None;
    const auto *source = reinterpret_cast<const unsigned char *>(stampedJpeg.constData());
    const auto sourceSize = static_cast<unsigned long>(stampedJpeg.size());

    Handle decoder(tjInitDecompress(), &tjDestroy);
    if (!decoder)
        return fail(Failure::NotJpeg, QStringLiteral("libjpeg-turbo cannot start a decoder"));
    int width = 0, height = 0, subsampling = -1, colorspace = -1;
    if (stampedJpeg.isEmpty()
        || tjDecompressHeader3(decoder.get(), source, sourceSize, &width, &height, &subsampling,
                               &colorspace)
            != 0)
        return fail(Failure::NotJpeg, QStringLiteral("not a JPEG: %1").arg(tjError(decoder.get())));
    if (subsampling < 0 || subsampling >= TJ_NUMSAMP)
        return fail(Failure::NotJpeg, QStringLiteral("a JPEG of an unknown subsampling"));

    const int kept = keptRows(QSize(width, height), tjMCUHeight[subsampling]);
    if (kept <= 0)
        return fail(Failure::NoPicture,
                    QStringLiteral("a %1×%2 picture is all caption band").arg(width).arg(height));
    const tjscalingfactor scale = scalingFor(qMax(width, kept), kMaxLongEdge);
    if (scale.denom == 0)
        return fail(Failure::TooLarge,
                    QStringLiteral("a %1×%2 picture is too large").arg(width).arg(height));

    // Decoded at the scale: whole 8×8 blocks become M×M pixels, so the kept rows scale
    // exactly (kept is a multiple of 8). Fast upsampling takes each pixel's colour from its
    // own block row: nothing of the band's blocks bleeds into the last kept row.
    const int scaledWidth = TJSCALED(width, scale);
    const int scaledHeight = TJSCALED(height, scale);
    const int scaledKept = kept * scale.num / scale.denom;
    const int pitch = scaledWidth * tjPixelSize[TJPF_RGB];
    std::vector<unsigned char> pixels(size_t(pitch) * size_t(scaledHeight));
    if (tjDecompress2(decoder.get(), source, sourceSize, pixels.data(), scaledWidth, pitch,
                      scaledHeight, TJPF_RGB, TJFLAG_FASTUPSAMPLE | TJFLAG_STOPONWARNING)
        != 0)
        return fail(Failure::NotJpeg,
                    QStringLiteral("the JPEG does not decode: %1").arg(tjError(decoder.get())));

    Handle encoder(tjInitCompress(), &tjDestroy);
    unsigned char *encoded = nullptr;
    unsigned long encodedSize = 0;
    // TurboJPEG writes SOI, a JFIF APP0 header, the tables and the scan: no other marker.
    if (!encoder
        || tjCompress2(encoder.get(), pixels.data(), scaledWidth, pitch, scaledKept, TJPF_RGB,
                       &encoded, &encodedSize, TJSAMP_420, kJpegQuality, 0)
            != 0) {
        const QString text = encoder ? tjError(encoder.get()) : QStringLiteral("no encoder");
        tjFree(encoded);
        return fail(Failure::EncodeFailed, QStringLiteral("cannot encode: %1").arg(text));
    }
    PublicRendition rendition;
    rendition.jpeg = QByteArray(reinterpret_cast<const char *>(encoded), qsizetype(encodedSize));
    rendition.size = QSize(scaledWidth, scaledKept);
    tjFree(encoded);
    return rendition;
}
