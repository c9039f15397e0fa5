#include "mappoints.h"

#include <QHash>

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

// One data row, its fields found by the header's column names.
class CsvRow {
public:
    CsvRow(const QStringList &fields, const QHash<QString, int> &columns)
        : m_fields(fields), m_columns(columns)
    {
    }
    // The trimmed field of that column; empty when the file has no such column.
    QString operator[](const QString &column) const
    {
        const int i = m_columns.value(column, -1);
        return i >= 0 && i < m_fields.size() ? m_fields.at(i).trimmed() : QString();
    }

private:
    const QStringList &m_fields;
    const QHash<QString, int> &m_columns;
};

// Calls row(lineNumber, row) for each data line after the header, which must name every
// column in `required` (in any order, among others).
template<typename RowFn>
void forEachRow(const QByteArray &csv, const QStringList &required, QStringList *errors, RowFn row)
{
    const QStringList lines = QString::fromUtf8(csv).split(u'\n');
    QHash<QString, int> columns;
    int needed = 0; // fields a row needs to reach its last required column
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
            for (int c = 0; c < fields.size(); ++c)
                columns.insert(fields.at(c).trimmed(), c);
            for (const QString &name : required) {
                if (!columns.contains(name)) {
                    errors->append(QStringLiteral("line %1: expected a header naming %2")
                                       .arg(i + 1)
                                       .arg(required.join(u',')));
                    return;
                }
                needed = qMax(needed, columns.value(name) + 1);
            }
            continue;
        }
        if (!ok) {
            errors->append(QStringLiteral("line %1: unterminated quote").arg(i + 1));
            continue;
        }
        if (fields.size() < needed) {
            errors->append(QStringLiteral("line %1: %2 fields, expected at least %3")
                               .arg(i + 1)
                               .arg(fields.size())
                               .arg(needed));
            continue;
        }
        row(i + 1, CsvRow(fields, columns));
    }
    if (!headerSeen)
        errors->append(QStringLiteral("the file is empty"));
}

} // namespace

MapPointsResult parseMapPoints(const QByteArray &csv)
{
    MapPointsResult result;
    const QStringList required {QStringLiteral("kind"), QStringLiteral("code"),
                                QStringLiteral("name"), QStringLiteral("lon"),
                                QStringLiteral("lat")};
    forEachRow(csv, required, &result.errors, [&](int lineNumber, const CsvRow &f) {
        MapPoint p;
        p.kind = f[QStringLiteral("kind")];
        p.code = f[QStringLiteral("code")];
        p.name = f[QStringLiteral("name")];
        p.nameEn = f[QStringLiteral("name_en")];
        if (p.name.isEmpty()) {
            result.errors << QStringLiteral("line %1: no name").arg(lineNumber);
            return;
        }
        const QString lon = f[QStringLiteral("lon")];
        const QString lat = f[QStringLiteral("lat")];
        if (!readCoordinate(lon, -180, 180, &p.lon)) {
            result.errors << QStringLiteral("line %1: longitude '%2' is not a number in "
                                            "-180..180")
                                 .arg(lineNumber)
                                 .arg(lon);
            return;
        }
        if (!readCoordinate(lat, -90, 90, &p.lat)) {
            result.errors << QStringLiteral("line %1: latitude '%2' is not a number in -90..90")
                                 .arg(lineNumber)
                                 .arg(lat);
            return;
        }
        result.points << p;
    });
    return result;
}

MapPointsResult parseOutline(const QByteArray &csv)
{
    MapPointsResult result;
    const QStringList required {QStringLiteral("lon"), QStringLiteral("lat")};
    forEachRow(csv, required, &result.errors, [&](int lineNumber, const CsvRow &f) {
        MapPoint p;
        p.kind = QStringLiteral("outline");
        const QString lon = f[QStringLiteral("lon")];
        const QString lat = f[QStringLiteral("lat")];
        if (!readCoordinate(lon, -180, 180, &p.lon) || !readCoordinate(lat, -90, 90, &p.lat)) {
            result.errors << QStringLiteral("line %1: '%2,%3' is not a longitude,latitude")
                                 .arg(lineNumber)
                                 .arg(lon, lat);
            return;
        }
        result.points << p;
    });
    return result;
}

PlaceNamesResult parsePlaceNames(const QByteArray &csv)
{
    PlaceNamesResult result;
    const QStringList required {QStringLiteral("kind"), QStringLiteral("code"),
                                QStringLiteral("name"), QStringLiteral("name_en")};
    forEachRow(csv, required, &result.errors, [&](int lineNumber, const CsvRow &f) {
        const PlaceName p {f[QStringLiteral("kind")], f[QStringLiteral("code")],
                           f[QStringLiteral("name")], f[QStringLiteral("name_en")]};
        if (p.name.isEmpty() || p.nameEn.isEmpty()) {
            result.errors
                << QStringLiteral("line %1: needs a name and an English name").arg(lineNumber);
            return;
        }
        result.names << p;
    });
    return result;
}
