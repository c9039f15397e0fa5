#pragma once

#include <QString>

// A record's photo in the ZIP of photos, and in the CSV's photo cells:
// <village>_<record id>_<n>.jpg, n counting the record's photos from 1.
inline QString photoZipName(QString villageName, const QString &recordId, int n)
{
    villageName.replace(QLatin1Char('/'), QLatin1Char('-'));
    villageName.replace(QLatin1Char('\\'), QLatin1Char('-'));
    if (villageName.isEmpty())
        villageName = QStringLiteral("村");
    return QStringLiteral("%1_%2_%3.jpg").arg(villageName, recordId).arg(n);
}
