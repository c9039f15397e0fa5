#include "inspectorcontroller.h"

#include "domain/category.h"
#include "storage/templaterepository.h"

InspectorController::InspectorController(QSqlDatabase db, QObject *parent)
    : QObject(parent), m_db(db)
{
}

QList<CategoryEntry> InspectorController::categories() const
{
    QList<CategoryEntry> out;
    for (const Category &c : workCategories())
        out << CategoryEntry {c.id, c.name()};
    return out;
}

QList<TemplateEntry> InspectorController::templates(const QString &category) const
{
    QList<TemplateEntry> out;
    for (const FormTemplate &t : TemplateRepository(m_db).latestAll()) {
        if (!category.isEmpty() && t.category != category)
            continue;
        out << TemplateEntry {t.id, t.title.text(), t.category, categoryName(t.category),
                              t.version};
    }
    return out;
}
