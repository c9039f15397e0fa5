#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

// What a tablet needs to join a server, as one typeable code (and the text of its QR code):
// the server's address, the certificate to trust there, the account's name and a one-time
// secret. `qingshui-server invite` makes it; the app's 连接服务器 screen reads it.
//
// Text form: "QS1-" then groups of four Crockford base32 characters (0-9 and A-Z without
// I, L, O, U; read case-insensitively, O as 0 and I/L as 1, dashes and spaces ignored).
// The bytes: flags, the address (IPv4 packed, else its text), the user name, the
// certificate's fingerprint (TLS only), the secret, and a CRC-16 that catches typing errors.
struct EnrolmentCode {
    static constexpr int kFingerprintBytes = 16; // leading bytes of the SHA-256 of the DER
    static constexpr int kSecretBytes = 8;

    QString address; // HOST:PORT
    // The first kFingerprintBytes of the SHA-256 of the certificate (DER) the tablet must
    // find in the server's chain and trust. Empty: plaintext, for a loopback server only.
    QByteArray certificateFingerprint;
    QString username;
    QByteArray secret; // kSecretBytes random bytes; the server keeps only its hash

    bool usesTls() const { return !certificateFingerprint.isEmpty(); }
    // The secret as the Enrol RPC carries it: lowercase hex.
    QString secretHex() const { return QString::fromLatin1(secret.toHex()); }

    // "QS1-…"; empty when a field does not fit (address or user name over 255 bytes, a
    // fingerprint or secret of the wrong size).
    QString toText() const;

    enum class ParseError {
        None,
        Empty,
        NotACode, // no "QS1-" (or another version's) prefix
        UnknownVersion, // "QS2-…": made by a newer server
        BadCharacter, // a character base32 does not have
        Mistyped, // the checksum does not match: a character typed wrong, left out or added
        Malformed, // the checksum matches but the fields do not parse
    };
    static std::optional<EnrolmentCode> parse(const QString &text, ParseError *error = nullptr);
};
