#include "synclogmodel.h"

#include "controllers/syncerrortext.h"

#include <QDateTime>

SyncLogModel::SyncLogModel(QSqlDatabase db, QObject *parent) : QAbstractListModel(parent), m_db(db)
{
}

void SyncLogModel::reload()
{
    beginResetModel();
    m_entries = SyncLogRepository(m_db).latest();
    endResetModel();
    emit countChanged();
}

int SyncLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant SyncLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const SyncLogEntry &e = m_entries.at(index.row());
    switch (role) {
    case StartedAtRole:
        return QDateTime::fromMSecsSinceEpoch(e.startedAtMs);
    case DurationMsRole:
        return e.durationMs;
    case OutcomeRole:
        return int(e.outcome);
    case OutcomeTextRole:
        switch (e.outcome) {
        case SyncLogEntry::Succeeded:
            return tr("成功");
        case SyncLogEntry::Offline:
            return tr("离线");
        case SyncLogEntry::Failed:
            return tr("失败");
        }
        return {};
    case ServerRole:
        return e.server;
    case PushedRole:
        return e.pushed;
    case PulledRole:
        return e.pulled;
    case PhotosSentRole:
        return e.photosSent;
    case PhotosReceivedRole:
        return e.photosReceived;
    case ErrorTextRole:
        return SyncErrorText::describe(e.errorCode, e.errorArgs, e.errorDetail);
    default:
        return {};
    }
}

QHash<int, QByteArray> SyncLogModel::roleNames() const
{
    return {{StartedAtRole, "startedAt"},
            {DurationMsRole, "durationMs"},
            {OutcomeRole, "outcome"},
            {OutcomeTextRole, "outcomeText"},
            {ServerRole, "server"},
            {PushedRole, "pushed"},
            {PulledRole, "pulled"},
            {PhotosSentRole, "photosSent"},
            {PhotosReceivedRole, "photosReceived"},
            {ErrorTextRole, "errorText"}};
}
