#pragma once

#include "domain/record.h"

#include <QAbstractListModel>
#include <QHash>
#include <QQmlEngine>
#include <QSqlDatabase>

// The records in the local store, newest first, for the inspector's and supervisor's lists.
class RecordListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Services")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1,
        CategoryRole,
        CategoryNameRole,
        VillageNameRole,
        StatusTextRole,
        SyncStateRole,
        SyncStateTextRole,
        UpdatedAtRole,
        NoteRole,
    };
    Q_ENUM(Role)

    explicit RecordListModel(QSqlDatabase db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void reload();

    static constexpr int kPageSize = 500;

signals:
    void countChanged();

private:
    QString villageName(const QString &code) const;

    QSqlDatabase m_db;
    QList<Record> m_records;
    mutable QHash<QString, QString> m_villageNames;
};
