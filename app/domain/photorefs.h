#pragma once

#include <QByteArray>
#include <QRegularExpression>
#include <QStringList>

// The photos a record's answers refer to: photo answers hold the SHA-256 (64 lowercase hex
// digits) under which the PhotoStore keeps each picture. Sorted, without repeats.
inline QStringList photoRefsIn(const QByteArray &content)
{
    static const QRegularExpression sha256(QStringLiteral("\"([0-9a-f]{64})\""));
    QStringList refs;
    for (auto it = sha256.globalMatch(QString::fromUtf8(content)); it.hasNext();)
        refs << it.next().captured(1);
    refs.sort();
    refs.removeDuplicates();
    return refs;
}
