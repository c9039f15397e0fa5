#include "enrolmentcode.h"

#include <QRegularExpression>

namespace {

constexpr char kPrefix[] = "QS1-";
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kGroup = 4;

enum Flags : quint8 { Tls = 1, PackedIpv4 = 2 };

// CRC-16/CCITT-FALSE: one wrong character always changes it.
quint16 crc16(const QByteArray &bytes)
{
    quint16 crc = 0xFFFF;
    for (const char c : bytes) {
        crc ^= quint16(quint8(c)) << 8;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
    }
    return crc;
}

QString base32(const QByteArray &bytes)
{
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5) {
            out += QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out += QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

int base32Value(QChar c)
{
    const char upper = c.toUpper().toLatin1();
    if (upper == 'O')
        return 0;
    if (upper == 'I' || upper == 'L')
        return 1;
    for (int i = 0; i < 32; ++i) {
        if (kAlphabet[i] == upper)
            return i;
    }
    return -1;
}

// Appends a length-prefixed UTF-8 text; false when it is longer than a byte can say.
bool appendText(QByteArray *out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.isEmpty() || utf8.size() > 255)
        return false;
    out->append(char(utf8.size()));
    out->append(utf8);
    return true;
}

bool takeText(const QByteArray &bytes, int *at, QString *text)
{
    if (*at >= bytes.size())
        return false;
    const int length = quint8(bytes[*at]);
    if (length == 0 || *at + 1 + length > bytes.size())
        return false;
    *text = QString::fromUtf8(bytes.mid(*at + 1, length));
    *at += 1 + length;
    return true;
}

// "192.168.1.20:50051" → 4 address bytes and 2 port bytes; nullopt for anything else
// (host names, IPv6, leading zeros that would not read back the same).
std::optional<QByteArray> packedIpv4(const QString &address)
{
    static const QRegularExpression dotted(QStringLiteral(
        "^(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})"
        ":([1-9]\\d{0,4})$"));
    const QRegularExpressionMatch m = dotted.match(address);
    if (!m.hasMatch())
        return std::nullopt;
    QByteArray out;
    for (int i = 1; i <= 4; ++i) {
        const int part = m.captured(i).toInt();
        if (part > 255)
            return std::nullopt;
        out.append(char(part));
    }
    const int port = m.captured(5).toInt();
    if (port > 65535)
        return std::nullopt;
    out.append(char(port >> 8));
    out.append(char(port & 0xFF));
    return out;
}

} // namespace

QString EnrolmentCode::toText() const
{
    if ((usesTls() && certificateFingerprint.size() != kFingerprintBytes)
        || secret.size() != kSecretBytes)
        return {};
    const std::optional<QByteArray> packed = packedIpv4(address);
    QByteArray bytes;
    bytes.append(char((usesTls() ? Tls : 0) | (packed ? PackedIpv4 : 0)));
    if (packed)
        bytes.append(*packed);
    else if (!appendText(&bytes, address))
        return {};
    if (!appendText(&bytes, username))
        return {};
    bytes.append(certificateFingerprint);
    bytes.append(secret);
    const quint16 crc = crc16(bytes);
    bytes.append(char(crc >> 8));
    bytes.append(char(crc & 0xFF));

    const QString body = base32(bytes);
    QString text = QLatin1String(kPrefix);
    for (int i = 0; i < body.size(); i += kGroup) {
        if (i > 0)
            text += QLatin1Char('-');
        text += body.mid(i, kGroup);
    }
    return text;
}

std::optional<EnrolmentCode> EnrolmentCode::parse(const QString &text, ParseError *error)
{
    auto fail = [error](ParseError why) -> std::optional<EnrolmentCode> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (error)
        *error = ParseError::None;
    QString compact;
    for (const QChar c : text) {
        if (!c.isSpace() && c != QLatin1Char('-'))
            compact += c.toUpper();
    }
    if (compact.isEmpty())
        return fail(ParseError::Empty);
    // The prefix without its dash: "QS1" then the body.
    if (!compact.startsWith(QLatin1String("QS")) || compact.size() < 3)
        return fail(ParseError::NotACode);
    // The version digit, read as the body's characters are (an I or L typed for the 1).
    const int version = base32Value(compact[2]);
    if (version != 1)
        return fail(version >= 0 && version <= 9 ? ParseError::UnknownVersion
                                                 : ParseError::NotACode);

    QByteArray bytes;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : QStringView(compact).mid(3)) {
        const int value = base32Value(c);
        if (value < 0)
            return fail(ParseError::BadCharacter);
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            bytes.append(char((buffer >> (bits - 8)) & 0xFF));
            bits -= 8;
        }
    }
    // What is left over is the last character's padding; anything else was typed in extra.
    if (bits >= 5 || (buffer & ((1u << bits) - 1)) != 0 || bytes.size() < 3)
        return fail(ParseError::Mistyped);
    const QByteArray payload = bytes.left(bytes.size() - 2);
    const quint16 crc = quint16((quint8(bytes[bytes.size() - 2]) << 8) | quint8(bytes.back()));
    if (crc16(payload) != crc)
        return fail(ParseError::Mistyped);

    EnrolmentCode code;
    const quint8 flags = quint8(payload[0]);
    if (flags & ~quint8(Tls | PackedIpv4))
        return fail(ParseError::Malformed);
    int at = 1;
    if (flags & PackedIpv4) {
        if (payload.size() < at + 6)
            return fail(ParseError::Malformed);
        const QByteArray p = payload.mid(at, 6);
        code.address = QStringLiteral("%1.%2.%3.%4:%5")
                           .arg(quint8(p[0]))
                           .arg(quint8(p[1]))
                           .arg(quint8(p[2]))
                           .arg(quint8(p[3]))
                           .arg((quint8(p[4]) << 8) | quint8(p[5]));
        at += 6;
    } else if (!takeText(payload, &at, &code.address)) {
        return fail(ParseError::Malformed);
    }
    if (!takeText(payload, &at, &code.username))
        return fail(ParseError::Malformed);
    const int fingerprintBytes = (flags & Tls) ? kFingerprintBytes : 0;
    if (payload.size() != at + fingerprintBytes + kSecretBytes)
        return fail(ParseError::Malformed);
    code.certificateFingerprint = payload.mid(at, fingerprintBytes);
    code.secret = payload.mid(at + fingerprintBytes, kSecretBytes);
    return code;
}
