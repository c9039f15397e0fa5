#include "referencedatarepository.h"

#include "sqllike.h"
#include "syncmetarepository.h"
#include "transaction.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// The bundled CSVs are plain: a header line, comma-separated, no quoting.
QList<QStringList> readCsv(const QString &path, int columns, QString *error)
{
    QFile f(path);
    QList<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("missing reference data %1").arg(path);
        return rows;
    }
    f.readLine(); // header
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList fields = line.split(QLatin1Char(','));
        if (fields.size() != columns) {
            *error = QStringLiteral("%1: bad line %2").arg(path, line);
            return {};
        }
        rows << fields;
    }
    return rows;
}

// Inserts rows, picking the given CSV columns in order.
bool insertRows(QSqlDatabase db, const QString &sql, const QList<QStringList> &rows,
                const QList<int> &columns, QString *error)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QStringList &row : rows) {
        for (int c : columns)
            q.addBindValue(row.at(c));
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

bool ReferenceDataRepository::loadIfEmpty()
{
    if (unitCount() > 0)
        return true;
    const auto units = readCsv(QStringLiteral(":/qingshui/reference/units.csv"), 11, &m_error);
    const auto townships
        = readCsv(QStringLiteral(":/qingshui/reference/townships.csv"), 7, &m_error);
    const auto villages = readCsv(QStringLiteral(":/qingshui/reference/villages.csv"), 6, &m_error);
    if (units.isEmpty() || townships.isEmpty() || villages.isEmpty())
        return false;

    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO paired_unit (code, name, name_en, prefecture_name, province_name, zone, "
        "upstream, partner_district_code, partner_district_name, sort_order) "
        "VALUES (?,?,?,?,?,?,?,?,?,?)"));
    for (int i = 0; i < units.size(); ++i) {
        const QStringList &u = units.at(i);
        for (int c : {0, 1, 2, 4, 6, 7})
            q.addBindValue(u.at(c));
        q.addBindValue(u.at(8).toInt());
        q.addBindValue(u.at(9));
        q.addBindValue(u.at(10));
        q.addBindValue(i);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    if (!insertRows(m_db,
                    QStringLiteral("INSERT INTO township (code, name, county_code) VALUES (?,?,?)"),
                    townships, {0, 1, 2}, &m_error)
        || !insertRows(
            m_db, QStringLiteral("INSERT INTO village (code, name, township_code) VALUES (?,?,?)"),
            villages, {0, 1, 2}, &m_error))
        return false;
    return tx.commit();
}

namespace {
const char *const kUnitColumns = "code, name, name_en, prefecture_name, province_name, zone, "
                                 "upstream, partner_district_code, partner_district_name";
} // namespace

QList<PairedUnit> ReferenceDataRepository::units() const
{
    QList<PairedUnit> out;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT %1 FROM paired_unit ORDER BY sort_order")
               .arg(QLatin1String(kUnitColumns)));
    while (q.next()) {
        out << PairedUnit {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                           q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                           q.value(6).toBool(),   q.value(7).toString(), q.value(8).toString()};
    }
    return out;
}

QList<Township> ReferenceDataRepository::townships(const QString &unitCode) const
{
    // 武当山特区 is itself a township-level unit (9-digit code) and a work unit of its own,
    // parallel to 丹江口市: it is its own only township and not one of 丹江口市's.
    QList<Township> out;
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT code, name, county_code FROM township "
                       "WHERE (county_code = ? AND code NOT IN (SELECT code FROM paired_unit)) "
                       "OR code = ? ORDER BY code"));
    q.addBindValue(unitCode);
    q.addBindValue(unitCode);
    q.exec();
    while (q.next())
        out << Township {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
    return out;
}

QList<Village> ReferenceDataRepository::villages(const QString &townshipCode) const
{
    QList<Village> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT code, name, township_code FROM village "
                             "WHERE township_code = ? ORDER BY code"));
    q.addBindValue(townshipCode);
    q.exec();
    while (q.next())
        out << Village {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
    return out;
}

std::optional<Village> ReferenceDataRepository::village(const QString &code) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT code, name, township_code FROM village WHERE code = ?"));
    q.addBindValue(code);
    if (q.exec() && q.next())
        return Village {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
    return std::nullopt;
}

int ReferenceDataRepository::countOf(const char *table) const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && q.next()
        ? q.value(0).toInt()
        : 0;
}

QList<Village> ReferenceDataRepository::searchVillages(const QString &text, const QString &unitCode,
                                                       int limit) const
{
    QList<Village> out;
    const QString pattern = text.trimmed();
    if (pattern.isEmpty())
        return out;
    QSqlQuery q(m_db);
    // 武当山特区 is a township-level unit: its villages are found by the township code.
    q.prepare(QStringLiteral(
        "SELECT code, name, township_code FROM village WHERE name LIKE ? ESCAPE '\\' "
        "AND (? = '' OR (substr(code, 1, length(?)) = ? AND (length(?) = 9 OR "
        "substr(code, 1, 9) NOT IN (SELECT code FROM paired_unit)))) "
        "ORDER BY code LIMIT ?"));
    q.addBindValue(likeContains(pattern));
    // A null QString (as QML's "" may arrive) would bind as NULL and match nothing.
    const QString unit = unitCode.isNull() ? QStringLiteral("") : unitCode;
    for (int i = 0; i < 4; ++i)
        q.addBindValue(unit);
    q.addBindValue(limit);
    q.exec();
    while (q.next())
        out << Village {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
    return out;
}

QList<Village> ReferenceDataRepository::recentVillages(int limit) const
{
    QList<Village> out;
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT v.code, v.name, v.township_code FROM recent_village r "
                       "JOIN village v ON v.code = r.code ORDER BY r.used_at_ms DESC LIMIT ?"));
    q.addBindValue(limit);
    q.exec();
    while (q.next())
        out << Village {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
    return out;
}

bool ReferenceDataRepository::markVillageUsed(const QString &code, qint64 atMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO recent_village (code, used_at_ms) VALUES (?, ?) "
                             "ON CONFLICT(code) DO UPDATE SET used_at_ms = excluded.used_at_ms"));
    q.addBindValue(code);
    q.addBindValue(atMs);
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    return false;
}

std::optional<Township> ReferenceDataRepository::township(const QString &code) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT code, name, county_code FROM township WHERE code = ?"));
    q.addBindValue(code);
    if (q.exec() && q.next())
        return Township {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
    return std::nullopt;
}

std::optional<PairedUnit> ReferenceDataRepository::unitOfVillage(const QString &villageCode) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM paired_unit WHERE code = ?")
                  .arg(QLatin1String(kUnitColumns)));
    q.addBindValue(pairedUnitCodeOfVillage(villageCode));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return PairedUnit {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                       q.value(6).toBool(),   q.value(7).toString(), q.value(8).toString()};
}

QString ReferenceDataRepository::firstVillageOf(const QString &unitCode) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT code FROM village WHERE code LIKE ? ORDER BY code LIMIT 1"));
    q.addBindValue(unitCode + QLatin1Char('%'));
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

int ReferenceDataRepository::version() const
{
    return SyncMetaRepository(m_db)
        .value(QStringLiteral("reference_version"), QStringLiteral("1"))
        .toInt();
}

bool ReferenceDataRepository::replaceAll(const QList<PairedUnit> &units,
                                         const QList<Township> &townships,
                                         const QList<Village> &villages, int version)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    for (const char *table : {"village", "township", "paired_unit"}) {
        if (!q.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)))) {
            m_error = q.lastError().text();
            return false;
        }
    }
    q.prepare(QStringLiteral(
        "INSERT INTO paired_unit (code, name, name_en, prefecture_name, province_name, zone, "
        "upstream, partner_district_code, partner_district_name, sort_order) "
        "VALUES (?,?,?,?,?,?,?,?,?,?)"));
    for (int i = 0; i < units.size(); ++i) {
        const PairedUnit &u = units[i];
        for (const QString &v :
             {u.code, u.name, u.nameEn, u.prefectureName, u.provinceName, u.zone})
            q.addBindValue(v);
        q.addBindValue(u.upstream ? 1 : 0);
        q.addBindValue(u.partnerDistrictCode);
        q.addBindValue(u.partnerDistrictName);
        q.addBindValue(i);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    q.prepare(QStringLiteral("INSERT INTO township (code, name, county_code) VALUES (?,?,?)"));
    for (const Township &t : townships) {
        q.addBindValue(t.code);
        q.addBindValue(t.name);
        q.addBindValue(t.countyCode);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    q.prepare(QStringLiteral("INSERT INTO village (code, name, township_code) VALUES (?,?,?)"));
    for (const Village &v : villages) {
        q.addBindValue(v.code);
        q.addBindValue(v.name);
        q.addBindValue(v.townshipCode);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    if (!SyncMetaRepository(m_db).setValue(QStringLiteral("reference_version"),
                                           QString::number(version))) {
        m_error = QStringLiteral("cannot store the reference version");
        return false;
    }
    return tx.commit();
}
