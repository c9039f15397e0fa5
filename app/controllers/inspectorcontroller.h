#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>

#include "categoryentry.h"
#include "templateentry.h"

// What an inspector can start: the work categories and the checklist templates in each.
class InspectorController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    // templates() of every category, read again when templatesChanged.
    Q_PROPERTY(QList<TemplateEntry> allTemplates READ allTemplates NOTIFY templatesChanged)
public:
    explicit InspectorController(QSqlDatabase db, QObject *parent = nullptr);

    // In the catalogue's order.
    Q_INVOKABLE QList<CategoryEntry> categories() const;
    // The newest template versions; all categories when category is empty.
    Q_INVOKABLE QList<TemplateEntry> templates(const QString &category = {}) const;
    QList<TemplateEntry> allTemplates() const { return templates(); }

signals:
    // A sync brought new template versions, or the language changed.
    void templatesChanged();

private:
    QSqlDatabase m_db;
};
