#include "villagepickercontroller.h"

#include "storage/referencedatarepository.h"

namespace {
QVariantMap choice(const QString &code, const QString &name)
{
    return {{QStringLiteral("code"), code}, {QStringLiteral("name"), name}};
}
} // namespace

VillagePickerController::VillagePickerController(QSqlDatabase db, QObject *parent)
    : QObject(parent), m_db(db)
{
}

QVariantList VillagePickerController::units() const
{
    QVariantList out;
    for (const PairedUnit &u : ReferenceDataRepository(m_db).units())
        out << choice(u.code, u.name);
    return out;
}

QVariantList VillagePickerController::townships(const QString &unitCode) const
{
    QVariantList out;
    for (const Township &t : ReferenceDataRepository(m_db).townships(unitCode))
        out << choice(t.code, t.name);
    return out;
}

QVariantList VillagePickerController::villages(const QString &townshipCode) const
{
    QVariantList out;
    for (const Village &v : ReferenceDataRepository(m_db).villages(townshipCode))
        out << choice(v.code, v.name);
    return out;
}
