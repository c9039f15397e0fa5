#pragma once

#include "storage/synclogrepository.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSqlDatabase>

// The sync log for the settings page: the last attempts, newest first, each with when, how
// long, the outcome, what went up and down, and the error worded in the language of the
// moment (reload() when the page opens, after a sync and after a language switch; empty
// until the first reload).
class SyncLogModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The settings service's sync log")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        StartedAtRole = Qt::UserRole + 1,
        DurationMsRole,
        OutcomeRole, // SyncLogEntry::Outcome as int: 0 succeeded, 1 offline, 2 failed
        OutcomeTextRole,
        ServerRole,
        PushedRole,
        PulledRole,
        PhotosSentRole,
        PhotosReceivedRole,
        ErrorTextRole,
    };
    Q_ENUM(Role)

    explicit SyncLogModel(QSqlDatabase db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

public slots:
    void reload();

signals:
    void countChanged();

private:
    QSqlDatabase m_db;
    QList<SyncLogEntry> m_entries;
};
