#pragma once

#include <QByteArray>
#include <QString>

// The SHA-256 of the DER of the first certificate in a PEM file: what an invite names (its
// leading EnrolmentCode::kFingerprintBytes) for the tablet to find in the server's chain.
// Empty, with *error, when the text holds no certificate.
QByteArray firstCertificateSha256(const QByteArray &pem, QString *error);
