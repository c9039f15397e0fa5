#pragma once

#include <QString>

class QImage;

// Reads the text of the QR code in a picture (zxing-cpp, Debian's libzxing): a photo or
// scan of a printed invite, a PNG that `qingshui-server invite` wrote, or a camera frame.
// Empty when the picture holds no readable QR code.
QString decodeQrCode(const QImage &image);
