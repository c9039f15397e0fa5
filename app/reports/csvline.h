#pragma once

#include <QByteArray>
#include <QStringList>

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; lines
// end with CRLF. Every CSV export writes its rows with these.
inline QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"'))
        || s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r'))) {
        s.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

inline QByteArray csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << csvField(f);
    return quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

// The byte order mark Excel needs to read UTF-8 (and so Chinese).
inline QByteArray csvBom()
{
    return QByteArray("\xEF\xBB\xBF");
}
