#include "mappoints.h"

#include <QObject>

namespace {

// Splits one CSV line into fields: commas inside "..." are kept, "" is a quote.
QStringList splitCsvLine(const QString &line, bool *ok)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    *ok = !quoted;
    return fields;
}

bool readCoordinate(const QString &text, double min, double max, double *value)
{
    bool ok = false;
    *value = text.trimmed().toDouble(&ok);
    return ok && *value >= min && *value <= max;
}

// Calls row(lineNumber, fields) for each data line after the header.
template<typename RowFn>
void forEachRow(const QByteArray &csv, const QStringList &header, QStringList *errors, RowFn row)
{
    const QStringList lines = QString::fromUtf8(csv).split(u'\n');
    bool headerSeen = false;
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        bool ok = false;
        const QStringList fields = splitCsvLine(line, &ok);
        if (!headerSeen) {
            headerSeen = true;
            if (fields.mid(0, header.size()) != header) {
                errors->append(QStringLiteral("line %1: expected the header %2")
                                   .arg(i + 1)
                                   .arg(header.join(u',')));
                return;
            }
            continue;
        }
        if (!ok) {
            errors->append(QStringLiteral("line %1: unterminated quote").arg(i + 1));
            continue;
        }
        if (fields.size() < header.size()) {
            errors->append(QStringLiteral("line %1: %2 fields, expected at least %3")
                               .arg(i + 1)
                               .arg(fields.size())
                               .arg(header.size()));
            continue;
        }
        row(i + 1, fields);
    }
    if (!headerSeen)
        errors->append(QStringLiteral("the file is empty"));
}

} // namespace

MapPointsResult parseMapPoints(const QByteArray &csv)
{
    MapPointsResult result;
    const QStringList header {QStringLiteral("kind"), QStringLiteral("code"),
                              QStringLiteral("name"), QStringLiteral("lon"), QStringLiteral("lat")};
    forEachRow(csv, header, &result.errors, [&](int lineNumber, const QStringList &f) {
        MapPoint p;
        p.kind = f.at(0).trimmed();
        p.code = f.at(1).trimmed();
        p.name = f.at(2).trimmed();
        if (p.name.isEmpty()) {
            result.errors << QStringLiteral("line %1: no name").arg(lineNumber);
            return;
        }
        if (!readCoordinate(f.at(3), -180, 180, &p.lon)) {
            result.errors << QStringLiteral("line %1: longitude '%2' is not a number in "
                                            "-180..180")
                                 .arg(lineNumber)
                                 .arg(f.at(3));
            return;
        }
        if (!readCoordinate(f.at(4), -90, 90, &p.lat)) {
            result.errors << QStringLiteral("line %1: latitude '%2' is not a number in -90..90")
                                 .arg(lineNumber)
                                 .arg(f.at(4));
            return;
        }
        result.points << p;
    });
    return result;
}

MapPointsResult parseOutline(const QByteArray &csv)
{
    MapPointsResult result;
    const QStringList header {QStringLiteral("lon"), QStringLiteral("lat")};
    forEachRow(csv, header, &result.errors, [&](int lineNumber, const QStringList &f) {
        MapPoint p;
        p.kind = QStringLiteral("outline");
        if (!readCoordinate(f.at(0), -180, 180, &p.lon)
            || !readCoordinate(f.at(1), -90, 90, &p.lat)) {
            result.errors << QStringLiteral("line %1: '%2,%3' is not a longitude,latitude")
                                 .arg(lineNumber)
                                 .arg(f.at(0), f.at(1));
            return;
        }
        result.points << p;
    });
    return result;
}
