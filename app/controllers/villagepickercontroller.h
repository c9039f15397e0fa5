#pragma once

#include "domain/region.h"

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QVariantList>

// County → township → village, search by name and recently used villages, for the
// village picker. Each entry is a map {code, name, detail}, detail naming where it is.
class VillagePickerController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
public:
    explicit VillagePickerController(QSqlDatabase db, QObject *parent = nullptr);

    // The 16 paired units; detail = province and the Beijing partner district.
    Q_INVOKABLE QVariantList units() const;
    Q_INVOKABLE QVariantList townships(const QString &unitCode) const;
    Q_INVOKABLE QVariantList villages(const QString &townshipCode) const;
    // Villages whose name contains the text, within a unit if given; detail = township, unit.
    Q_INVOKABLE QVariantList search(const QString &text, const QString &unitCode = {}) const;
    // The villages used last on this device, newest first.
    Q_INVOKABLE QVariantList recent() const;
    Q_INVOKABLE QString villageName(const QString &villageCode) const;
    // "县 · 乡镇 · 结对：北京市X区", place names in the language of the moment for a chosen
    // village.
    Q_INVOKABLE QString describe(const QString &villageCode) const;

    static constexpr int kSearchLimit = 50;
    static constexpr int kRecentLimit = 8;

private:
    QVariantList withPlace(const QList<Village> &villages) const;

    QSqlDatabase m_db;
};
