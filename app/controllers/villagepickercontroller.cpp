#include "villagepickercontroller.h"

#include "domain/region.h"
#include "placenames.h"
#include "storage/referencedatarepository.h"

namespace {

PlaceEntry entry(const QString &code, const QString &name, const QString &detail = {})
{
    return {code, name, detail};
}

} // namespace

VillagePickerController::VillagePickerController(QSqlDatabase db, QObject *parent)
    : QObject(parent), m_db(db)
{
}

QList<PlaceEntry> VillagePickerController::units() const
{
    QList<PlaceEntry> out;
    for (const PairedUnit &u : ReferenceDataRepository(m_db).units())
        out << entry(u.code, PlaceNames::unit(u),
                     tr("%1 · 结对：%2")
                         .arg(PlaceNames::place(u.provinceName), PlaceNames::partnerDistrict(u)));
    return out;
}

QList<PlaceEntry> VillagePickerController::townships(const QString &unitCode) const
{
    QList<PlaceEntry> out;
    for (const Township &t : ReferenceDataRepository(m_db).townships(unitCode))
        out << entry(t.code, t.name);
    return out;
}

QList<PlaceEntry> VillagePickerController::villages(const QString &townshipCode) const
{
    QList<PlaceEntry> out;
    for (const Village &v : ReferenceDataRepository(m_db).villages(townshipCode))
        out << entry(v.code, v.name);
    return out;
}

QList<PlaceEntry> VillagePickerController::withPlace(const QList<Village> &villages) const
{
    QList<PlaceEntry> out;
    for (const Village &v : villages)
        out << entry(v.code, v.name, describe(v.code));
    return out;
}

QList<PlaceEntry> VillagePickerController::search(const QString &text,
                                                  const QString &unitCode) const
{
    if (text.trimmed().isEmpty())
        return {};
    return withPlace(ReferenceDataRepository(m_db).searchVillages(text, unitCode, kSearchLimit));
}

QList<PlaceEntry> VillagePickerController::recent() const
{
    return withPlace(ReferenceDataRepository(m_db).recentVillages(kRecentLimit));
}

QString VillagePickerController::describe(const QString &villageCode) const
{
    ReferenceDataRepository reference(m_db);
    const auto unit = reference.unitOfVillage(villageCode);
    const auto township = reference.township(villageCode.left(9));
    return tr("%1 · %2 · 结对：%3")
        .arg(unit ? PlaceNames::unit(*unit) : QString(), township ? township->name : QString(),
             unit ? PlaceNames::partnerDistrict(*unit) : QString());
}

QString VillagePickerController::villageName(const QString &villageCode) const
{
    const auto village = ReferenceDataRepository(m_db).village(villageCode);
    return village ? village->name : QString();
}
