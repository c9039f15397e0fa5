#include "inspectorcontroller.h"

#include "domain/category.h"
#include "storage/templaterepository.h"

InspectorController::InspectorController(QSqlDatabase db, QObject *parent)
    : QObject(parent), m_db(db)
{
}

QVariantList InspectorController::categories() const
{
    QVariantList out;
    for (const Category &c : workCategories())
        out << QVariantMap {{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name()}};
    return out;
}

QVariantList InspectorController::templates(const QString &category) const
{
    QVariantList out;
    for (const FormTemplate &t : TemplateRepository(m_db).latestAll()) {
        if (!category.isEmpty() && t.category != category)
            continue;
        out << QVariantMap {{QStringLiteral("id"), t.id},
                            {QStringLiteral("title"), t.title.text()},
                            {QStringLiteral("category"), t.category},
                            {QStringLiteral("categoryName"), categoryName(t.category)},
                            {QStringLiteral("version"), t.version}};
    }
    return out;
}
