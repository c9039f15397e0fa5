#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QVariantList>

// What an inspector can start: the work categories and the checklist templates in each.
class InspectorController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    // templates() of every category, read again when templatesChanged.
    Q_PROPERTY(QVariantList allTemplates READ allTemplates NOTIFY templatesChanged)
public:
    explicit InspectorController(QSqlDatabase db, QObject *parent = nullptr);

    // [{id, name}] in the app's language.
    Q_INVOKABLE QVariantList categories() const;
    // [{id, title, category, categoryName, version}] of the newest template versions;
    // all categories when category is empty.
    Q_INVOKABLE QVariantList templates(const QString &category = {}) const;
    QVariantList allTemplates() const { return templates(); }

signals:
    // A sync brought new template versions, or the language changed.
    void templatesChanged();

private:
    QSqlDatabase m_db;
};
