#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QVariantList>

// County → township → village choices for the new-record form, each as {code, name}.
class VillagePickerController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Services")
public:
    explicit VillagePickerController(QSqlDatabase db, QObject *parent = nullptr);

    Q_INVOKABLE QVariantList units() const;
    Q_INVOKABLE QVariantList townships(const QString &unitCode) const;
    Q_INVOKABLE QVariantList villages(const QString &townshipCode) const;

private:
    QSqlDatabase m_db;
};
