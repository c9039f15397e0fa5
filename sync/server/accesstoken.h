#pragma once

#include <QByteArray>

// Opaque bearer tokens: 32 random bytes, base64url. The server keeps only their SHA-256.
namespace AccessToken {
QByteArray generate();
QByteArray hashOf(const QByteArray &token);
} // namespace AccessToken
