#include "timeorderedid.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

namespace TimeOrderedId {

QString createAt(qint64 unixMs)
{
    // 16 bytes, big-endian: 48 bits of time, version 7 in the high nibble of byte 6,
    // variant 0b10 in the two high bits of byte 8, random bits everywhere else.
    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    auto *bytes = reinterpret_cast<quint8 *>(random);
    const quint64 ms = quint64(unixMs) & 0xFFFFFFFFFFFFULL;
    for (int i = 0; i < 6; ++i)
        bytes[i] = quint8(ms >> (40 - 8 * i));
    bytes[6] = quint8(0x70 | (bytes[6] & 0x0F));
    bytes[8] = quint8(0x80 | (bytes[8] & 0x3F));
    return QUuid::fromRfc4122(QByteArray(reinterpret_cast<const char *>(bytes), 16))
        .toString(QUuid::WithoutBraces);
}

QString create()
{
    return createAt(QDateTime::currentMSecsSinceEpoch());
}

} // namespace TimeOrderedId
