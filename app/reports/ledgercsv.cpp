#include "ledgercsv.h"

#include "csvline.h"
#include "domain/category.h"
#include "exportfile.h"
#include "exportrecordfields.h"
#include "storage/referencedatarepository.h"

#include <QDateTime>
#include <QHash>

namespace {

constexpr int kPage = 1000;
constexpr double kMsPerDay = 24.0 * 3600 * 1000;

struct Place {
    QString county;
    QString township;
    QString village;
};

// The names of a village's places, each looked up once per export.
class Places {
public:
    explicit Places(QSqlDatabase db) : m_reference(db)
    {
        for (const PairedUnit &u : m_reference.units())
            m_units.insert(u.code, u.name);
    }
    Place of(const QString &villageCode)
    {
        const auto found = m_places.constFind(villageCode);
        if (found != m_places.constEnd())
            return *found;
        Place p;
        p.county = m_units.value(pairedUnitCodeOfVillage(villageCode));
        if (const auto township = m_reference.township(villageCode.left(9)))
            p.township = township->name;
        if (const auto village = m_reference.village(villageCode))
            p.village = village->name;
        m_places.insert(villageCode, p);
        return p;
    }

private:
    ReferenceDataRepository m_reference;
    QHash<QString, QString> m_units;
    QHash<QString, Place> m_places;
};

QString timeOrNone(qint64 ms)
{
    return ms > 0 ? localIsoTime(ms) : QString();
}

} // namespace

ExportOutcome exportLedgerCsv(QSqlDatabase db, const LedgerFilter &filter, const QString &path,
                              const LedgerCsvWords &words)
{
    ExportOutcome out;
    out.path = path;
    ExportFile file(path);
    if (!file.open(&out.error))
        return out;
    bool written = file.write(csvBom() + csvLine(words.header));
    LedgerQuery ledger(db);
    Places places(db);
    // Pages in the ledger's order, measured against one moment for the whole file.
    LedgerFilter fixed = filter;
    if (fixed.nowMs == 0)
        fixed.nowMs = QDateTime::currentMSecsSinceEpoch();
    for (int offset = 0; written;) {
        const QList<LedgerRow> rows = ledger.page(fixed, offset, kPage);
        if (!ledger.lastError().isEmpty())
            break;
        for (const LedgerRow &r : rows) {
            const Place place = places.of(r.villageCode);
            const bool closed = r.state == ProblemState::Closed && r.closedAtMs > 0;
            const QStringList fields
                = {r.id,
                   place.county,
                   place.township,
                   place.village,
                   r.villageCode,
                   categoryName(r.category),
                   words.severities.value(r.severity - 1, QString::number(r.severity)),
                   r.description,
                   words.states.value(static_cast<int>(r.state) - 1),
                   r.responsibleName,
                   timeOrNone(r.deadlineMs),
                   timeOrNone(r.raisedAtMs),
                   timeOrNone(r.closedAtMs),
                   r.overdue ? words.yes : words.no,
                   closed ? QString::number((r.closedAtMs - r.raisedAtMs) / kMsPerDay, 'f', 1)
                          : QString(),
                   r.ledgerMonth,
                   QString::number(r.conflicts)};
            ++out.records;
            written = written && file.write(csvLine(fields));
        }
        if (rows.size() < kPage)
            break;
        offset += kPage;
    }
    file.finish(written, ledger.lastError().isEmpty(), ledger.lastError(), &out);
    return out;
}
