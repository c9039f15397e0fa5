#include "figurescontroller.h"

#include "domain/category.h"
#include "publicrecordcounts.h"
#include "storage/syncmetarepository.h"

#include <QLocale>
#include <QVariantMap>

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
    refresh();
}

void FiguresController::loadFacts(const QByteArray &json)
{
    m_facts = parseAchievementFacts(json, &m_factsError);
    setError(m_factsError.isEmpty() ? m_countsError : m_factsError);
    emit factsChanged();
}

QVariantList FiguresController::facts() const
{
    const bool en = english();
    QVariantList out;
    for (const AchievementFact &f : m_facts) {
        out << QVariantMap {{QStringLiteral("id"), f.id},
                            {QStringLiteral("group"), f.group},
                            {QStringLiteral("label"), en ? f.labelEn : f.labelZh},
                            {QStringLiteral("value"), en ? f.valueEn : f.valueZh},
                            {QStringLiteral("when"), en ? f.whenEn : f.whenZh},
                            {QStringLiteral("source"), f.sources.join(QStringLiteral("；"))}};
    }
    return out;
}

QVariantList FiguresController::categoryCounts() const
{
    QVariantList out;
    for (const Category &c : workCategories()) {
        out << QVariantMap {{QStringLiteral("id"), c.id},
                            {QStringLiteral("name"), c.name()},
                            {QStringLiteral("count"), m_counts.byCategory.value(c.id)}};
    }
    return out;
}

QVariantList FiguresController::unitCounts() const
{
    const bool en = english();
    QVariantList out;
    for (const PairedUnit &u : m_units) {
        out << QVariantMap {{QStringLiteral("code"), u.code},
                            {QStringLiteral("name"), en ? u.nameEn : u.name},
                            {QStringLiteral("count"), m_counts.byUnit.value(u.code)}};
    }
    return out;
}

void FiguresController::refresh()
{
    PublicRecordCounts counts;
    if (countPublicRecords(m_db, &counts, &m_countsError)) {
        m_countsError.clear();
        m_counts = {counts.total, counts.byCategory, counts.byUnit};
    }
    const qint64 lastMs = SyncMetaRepository(m_db).value(QLatin1String(kLastSyncKey)).toLongLong();
    m_lastSync = lastMs > 0 ? QDateTime::fromMSecsSinceEpoch(lastMs) : QDateTime();
    setError(m_factsError.isEmpty() ? m_countsError : m_factsError);
    emit countsChanged();
}

void FiguresController::syncFinished(bool ok, int, int pulled)
{
    if (!ok)
        return;
    SyncMetaRepository(m_db).setValue(QLatin1String(kLastSyncKey),
                                      QString::number(QDateTime::currentMSecsSinceEpoch()));
    Q_UNUSED(pulled) // dated either way; the counts are cheap (two indexed GROUP BYs)
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
