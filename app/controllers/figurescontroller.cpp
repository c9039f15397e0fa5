#include "figurescontroller.h"

#include "domain/category.h"
#include "storage/publicrecordcounts.h"
#include "storage/syncmetarepository.h"

#include <QLocale>

namespace {

bool english()
{
    return QLocale().language() == QLocale::English;
}

} // namespace

FiguresController::FiguresController(QSqlDatabase db, QList<PairedUnit> units, QObject *parent)
    : QObject(parent), m_db(db), m_units(std::move(units))
{
    m_facts = bundledAchievementFacts(&m_factsError);
    m_error = m_factsError;
}

void FiguresController::loadFacts(const QByteArray &json)
{
    m_facts = parseAchievementFacts(json, &m_factsError);
    setError(m_factsError.isEmpty() ? m_countsError : m_factsError);
    emit factsChanged();
}

QList<FactLine> FiguresController::facts() const
{
    const bool en = english();
    QList<FactLine> out;
    for (const AchievementFact &f : m_facts) {
        out << FactLine {f.id,
                         f.group,
                         en ? f.labelEn : f.labelZh,
                         en ? f.valueEn : f.valueZh,
                         en ? f.whenEn : f.whenZh,
                         en ? f.sourcesEn.join(QStringLiteral("; "))
                            : f.sourcesZh.join(QStringLiteral("；"))};
    }
    return out;
}

QList<CategoryCount> FiguresController::categoryCounts() const
{
    QList<CategoryCount> out;
    for (const Category &c : workCategories())
        out << CategoryCount {c.id, c.name(), counted().byCategory.value(c.id)};
    return out;
}

QList<UnitCount> FiguresController::unitCounts() const
{
    const bool en = english();
    QList<UnitCount> out;
    for (const PairedUnit &u : m_units)
        out << UnitCount {u.code, en ? u.nameEn : u.name, counted().byUnit.value(u.code)};
    return out;
}

const FiguresController::Counts &FiguresController::counted() const
{
    if (!m_isCounted)
        countNow();
    return m_counts;
}

void FiguresController::countNow() const
{
    PublicRecordCounts counts;
    if (countPublicRecords(m_db, &counts, &m_countsError)) {
        m_countsError.clear();
        m_counts = {counts.total, counts.byCategory, counts.byUnit};
    }
    const qint64 lastMs = SyncMetaRepository(m_db).value(QLatin1String(kLastSyncKey)).toLongLong();
    m_lastSync = lastMs > 0 ? QDateTime::fromMSecsSinceEpoch(lastMs) : QDateTime();
    m_isCounted = true;
}

void FiguresController::refresh()
{
    countNow();
    setError(m_factsError.isEmpty() ? m_countsError : m_factsError);
    emit countsChanged();
}

void FiguresController::syncFinished(bool ok, int, int)
{
    if (!ok)
        return;
    SyncMetaRepository(m_db).setValue(QLatin1String(kLastSyncKey),
                                      QString::number(QDateTime::currentMSecsSinceEpoch()));
    // The date changed either way, so count again too (two indexed GROUP BYs) rather than
    // trust `pulled` to cover withdrawals. Not yet shown: counted when first read.
    if (m_isCounted)
        refresh();
}

void FiguresController::languageChanged()
{
    emit factsChanged();
    emit countsChanged();
}

void FiguresController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}
