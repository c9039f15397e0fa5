#pragma once

#include <QList>
#include <QLocale>
#include <QString>

// The top-level work categories an inspector records (domain.md §3).
struct Category {
    QString id;
    QString nameZh;
    QString nameEn;
    // In the app's language (QLocale's default, set when the user picks one).
    QString name() const { return QLocale().language() == QLocale::English ? nameEn : nameZh; }
};

inline const QList<Category> &workCategories()
{
    static const QList<Category> categories = {
        {QStringLiteral("village_visit"), QStringLiteral("村村结对走访"),
         QStringLiteral("Village visit")},
        {QStringLiteral("sanitation"), QStringLiteral("人居环境整治"),
         QStringLiteral("Sanitation inspection")},
        {QStringLiteral("ecology"), QStringLiteral("生态保护"), QStringLiteral("Ecological work")},
        {QStringLiteral("project_progress"), QStringLiteral("项目进度检查"),
         QStringLiteral("Project progress")},
    };
    return categories;
}

inline QString categoryName(const QString &id)
{
    for (const auto &c : workCategories())
        if (c.id == id)
            return c.name();
    return id;
}
