#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

// A change's fingerprint (server schema 10): 64 random bits made when the change is numbered,
// stored with it as a signed 64-bit integer. Never 0, which means "none" on the wire. A
// restored copy hands its lost numbers out again with new fingerprints, so a device's mark
// (a number and its fingerprint) tells which history it came from. Not a secret: guessing one
// gains nothing but a wrong cursor.
inline qint64 newChangeFingerprint()
{
    quint64 f = 0;
    while (f == 0)
        f = QRandomGenerator::global()->generate64();
    return static_cast<qint64>(f);
}
