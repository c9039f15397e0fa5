#pragma once

#include <QByteArray>
#include <QString>

// Writes `text` as a QR code into a PNG file: libqrencode makes the matrix (error correction
// level M, the shortest mix of modes), libpng writes it as 8-bit grey with a quiet zone of
// four modules and `pixelsPerModule` pixels a module — about 5 cm wide at 300 dpi for an
// enrolment code, and sharp on a screen. Written beside the target and renamed into place.
bool writeQrPng(const QString &path, const QByteArray &text, QString *error,
                int pixelsPerModule = 10);
