#pragma once

#include <QString>

// Argon2id password hashes (libsodium), in libsodium's self-describing string format.
namespace PasswordHash {
// False if libsodium cannot start or the hash cannot be made (out of memory).
bool make(const QString &password, QString *hash);
bool verify(const QString &hash, const QString &password);
} // namespace PasswordHash
