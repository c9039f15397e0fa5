#include "referencecatalog.h"

#include "catalogstore.h"

#include "qingshui/v1/catalog.pb.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace {

constexpr int kBundledVersion = 1;

// Plain CSV as the app ships it: a header line, comma-separated, no quoting.
QList<QStringList> rowsOf(const QByteArray &csv, int columns, int codeLength, QString *error)
{
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    QList<QStringList> rows;
    const QList<QByteArray> lines = csv.split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList fields = line.split(QLatin1Char(','));
        const QString code = fields.value(0);
        if (fields.size() != columns
            || (code.size() != codeLength && !(codeLength == 6 && code.size() == 9))
            || !digits.match(code).hasMatch()) {
            *error = QStringLiteral("line %1: '%2'").arg(i + 1).arg(line);
            return {};
        }
        rows << fields;
    }
    if (rows.isEmpty())
        *error = QStringLiteral("no rows");
    return rows;
}

struct Csvs {
    QByteArray units, townships, villages;
};

bool check(const Csvs &c, QString *error)
{
    QString why;
    if (rowsOf(c.units, 11, 6, &why).isEmpty()) {
        *error = QStringLiteral("units.csv: ") + why;
        return false;
    }
    if (rowsOf(c.townships, 7, 9, &why).isEmpty()) {
        *error = QStringLiteral("townships.csv: ") + why;
        return false;
    }
    if (rowsOf(c.villages, 6, 12, &why).isEmpty()) {
        *error = QStringLiteral("villages.csv: ") + why;
        return false;
    }
    return true;
}

bool readFolder(const QString &folder, Csvs *out, QString *error)
{
    const QDir dir(folder);
    for (auto [name, target] :
         {std::pair {"units.csv", &out->units}, std::pair {"townships.csv", &out->townships},
          std::pair {"villages.csv", &out->villages}}) {
        QFile f(dir.filePath(QLatin1String(name)));
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(f.fileName());
            return false;
        }
        *target = f.readAll();
    }
    return true;
}

} // namespace

int ReferenceCatalog::latestVersion()
{
    return std::max(m_store.latestReferenceVersion(), kBundledVersion);
}

int ReferenceCatalog::load(const QString &folder, QString *error)
{
    Csvs csvs;
    if (!readFolder(folder, &csvs, error) || !check(csvs, error))
        return -1;
    return m_store.addReference({csvs.units, csvs.townships, csvs.villages}, kBundledVersion,
                                QDateTime::currentMSecsSinceEpoch(), error);
}

bool ReferenceCatalog::fill(int knownVersion, qingshui::v1::ReferenceDataResponse *out,
                            QString *error)
{
    const int version = latestVersion();
    out->set_version(version);
    if (version <= knownVersion)
        return true;
    Csvs csvs;
    if (version == kBundledVersion) {
        if (!readFolder(QStringLiteral(":/qingshui/server/reference"), &csvs, error))
            return false;
    } else {
        CatalogStore::Reference stored;
        if (!m_store.reference(version, &stored, error))
            return false;
        csvs = {stored.units, stored.townships, stored.villages};
    }
    QString why;
    int order = 0;
    for (const QStringList &u : rowsOf(csvs.units, 11, 6, &why)) {
        qingshui::v1::Unit *unit = out->add_units();
        unit->set_code(u[0].toStdString());
        unit->set_name(u[1].toStdString());
        unit->set_name_en(u[2].toStdString());
        unit->set_prefecture_name(u[4].toStdString());
        unit->set_province_name(u[6].toStdString());
        unit->set_zone(u[7].toStdString());
        unit->set_upstream(u[8].toInt() != 0);
        unit->set_partner_district_code(u[9].toStdString());
        unit->set_partner_district_name(u[10].toStdString());
        unit->set_sort_order(order++);
    }
    for (const QStringList &t : rowsOf(csvs.townships, 7, 9, &why)) {
        qingshui::v1::Township *township = out->add_townships();
        township->set_code(t[0].toStdString());
        township->set_name(t[1].toStdString());
        township->set_county_code(t[2].toStdString());
    }
    for (const QStringList &v : rowsOf(csvs.villages, 6, 12, &why)) {
        qingshui::v1::Village *village = out->add_villages();
        village->set_code(v[0].toStdString());
        village->set_name(v[1].toStdString());
        village->set_township_code(v[2].toStdString());
    }
    return true;
}
