#include "qrdecoder.h"

#include <QImage>

// zxing-cpp 1.x: text() as UTF-8 (std::string), as 2.x has it anyway.
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

QString decodeQrCode(const QImage &image)
{
    if (image.isNull())
        return {};
    // Luminance is all the reader looks at; the conversion also drops any alpha.
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                                ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true); // a tilted or small code on a photo of a printed invite
    hints.setTryRotate(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return {};
    return QString::fromStdString(result.text());
}
