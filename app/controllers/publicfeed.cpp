#include "publicfeed.h"

#include "domain/category.h"
#include "domain/formtemplate.h"
#include "domain/photoreferences.h"
#include "domain/region.h"
#include "media/photostore.h"
#include "storage/publicfeedquery.h"
#include "storage/publicproblemquery.h"
#include "storage/referencedatarepository.h"
#include "storage/templaterepository.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QUrl>

Q_LOGGING_CATEGORY(lcPublicFeed, "qs.kiosk.feed")

PublicFeed::PublicFeed(QSqlDatabase db, const PhotoStore *photos, QObject *parent)
    : QObject(parent), m_db(db), m_photos(photos)
{
}

void PublicFeed::reload()
{
    if (!m_loaded)
        return; // nothing read yet: the first read reads the store as it is then
    load();
    ++m_generation;
    emit changed();
}

const QList<PublicRecord> &PublicFeed::loaded() const
{
    if (!m_loaded)
        load();
    return m_records;
}

void PublicFeed::load() const
{
    m_loaded = true;
    ReferenceDataRepository reference(m_db);
    const bool english = QLocale().language() == QLocale::English;
    m_unitNames.clear();
    for (const PairedUnit &u : reference.units())
        m_unitNames << std::pair {u.code, english ? u.nameEn : u.name};
    QHash<QString, QString> unitName(m_unitNames.begin(), m_unitNames.end());

    TemplateRepository templates(m_db);
    QHash<QString, LocalizedText> titles;
    for (const FormTemplate &t : templates.latestAll())
        titles.insert(t.id, t.title);

    m_records.clear();
    PublicFeedQuery query(m_db);
    const std::optional<QList<PublicFeedRow>> rows = query.newestFirst();
    if (!rows) {
        // Shown as an empty feed; the log says why.
        qCWarning(lcPublicFeed).noquote() << "the public feed shows nothing:" << query.lastError();
        return;
    }
    for (const PublicFeedRow &row : *rows) {
        PublicRecord e;
        e.recordId = row.recordId;
        e.title = titles.contains(row.templateId) ? titles.value(row.templateId).text()
                                                  : row.templateId;
        e.unitCode = row.unitCode;
        e.unitName = unitName.value(e.unitCode, e.unitCode);
        e.villageName = row.villageName;
        e.category = row.category;
        e.categoryName = categoryName(e.category);
        e.date = QDateTime::fromMSecsSinceEpoch(row.updatedAtMs)
                     .toString(QStringLiteral("yyyy-MM-dd"));
        for (const QString &sha : photoReferencesIn(row.content)) {
            if (m_photos && m_photos->contains(sha))
                e.photoUrls << QUrl::fromLocalFile(m_photos->pathFor(sha)).toString();
        }
        e.photoCount = int(e.photoUrls.size());
        m_records << e;
    }
}

QList<PublicRecord> PublicFeed::records(const QString &unitCode, const QString &category) const
{
    if (unitCode.isEmpty() && category.isEmpty())
        return loaded();
    QList<PublicRecord> out;
    for (const PublicRecord &e : loaded()) {
        if ((unitCode.isEmpty() || e.unitCode == unitCode)
            && (category.isEmpty() || e.category == category))
            out << e;
    }
    return out;
}

QList<PublicProblemCard> PublicFeed::problems() const
{
    loaded(); // the units' names
    QHash<QString, QString> unitName(m_unitNames.begin(), m_unitNames.end());
    TemplateRepository templates(m_db);
    ReferenceDataRepository reference(m_db);
    const auto url = [this](const QStringList &shas) {
        for (const QString &sha : shas) {
            if (m_photos && m_photos->contains(sha))
                return QUrl::fromLocalFile(m_photos->pathFor(sha)).toString();
        }
        return QString();
    };
    const auto day = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd"));
    };
    QList<PublicProblemCard> out;
    // A kiosk shows the latest closed; the screen holds a few dozen.
    constexpr int kShown = 60;
    for (const PublicProblem &p :
         PublicProblemQuery(m_db).latestClosed(kShown).value_or(QList<PublicProblem> {})) {
        PublicProblemCard card;
        card.problemId = p.problemId;
        const auto form = templates.latest(p.category);
        card.categoryText = form ? form->title.text() : p.category;
        const auto village = reference.village(p.villageCode);
        card.placeText = unitName.value(pairedUnitCodeOfVillage(p.villageCode))
            + (village ? QStringLiteral(" ") + village->name : QString());
        card.raisedText = day(p.raisedAtMs);
        card.closedText = day(p.closedAtMs);
        card.beforeUrl = url(p.beforePhotos);
        card.afterUrl = url(p.afterPhotos);
        out << card;
    }
    return out;
}

QList<ClosureRateLine> PublicFeed::closureRates() const
{
    loaded();
    QHash<QString, ClosureTally> byUnit;
    for (const ClosureTally &t :
         PublicProblemQuery(m_db).tallies().value_or(QList<ClosureTally> {}))
        byUnit.insert(t.unitCode, t);
    QList<ClosureRateLine> out;
    for (const auto &[code, name] : m_unitNames) {
        const ClosureTally t = byUnit.value(code);
        if (t.raised == 0)
            continue;
        out << ClosureRateLine {code, name, t.raised, t.closed,
                                qRound(100.0 * t.closed / t.raised)};
    }
    return out;
}

QList<UnitCount> PublicFeed::counties() const
{
    QHash<QString, int> counts;
    for (const PublicRecord &e : loaded())
        ++counts[e.unitCode];
    QList<UnitCount> out;
    for (const auto &[code, name] : m_unitNames) {
        if (counts.value(code) > 0)
            out << UnitCount {code, name, counts.value(code)};
    }
    return out;
}

QList<CategoryCount> PublicFeed::categories() const
{
    QList<CategoryCount> out;
    for (const CategoryCount &c : categoryCounts(QString())) {
        if (c.count > 0)
            out << c;
    }
    return out;
}

QList<CategoryCount> PublicFeed::categoryCounts(const QString &unitCode) const
{
    QList<CategoryCount> out;
    for (const Category &c : workCategories()) {
        int n = 0;
        for (const PublicRecord &e : loaded())
            n += (unitCode.isEmpty() || e.unitCode == unitCode) && e.category == c.id ? 1 : 0;
        out << CategoryCount {c.id, c.name(), n};
    }
    return out;
}
