#include "recordlistmodel.h"

#include "domain/category.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

RecordListModel::RecordListModel(QSqlDatabase db, QObject *parent)
    : QAbstractListModel(parent), m_db(db)
{
    reload();
}

void RecordListModel::reload()
{
    beginResetModel();
    m_records = RecordRepository(m_db).list(kPageSize);
    endResetModel();
    emit countChanged();
}

int RecordListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

QString RecordListModel::villageName(const QString &code) const
{
    auto it = m_villageNames.constFind(code);
    if (it != m_villageNames.constEnd())
        return *it;
    const auto village = ReferenceDataRepository(m_db).village(code);
    return *m_villageNames.insert(code, village ? village->name : code);
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const Record &r = m_records.at(index.row());
    switch (role) {
    case RecordIdRole:
        return r.id;
    case CategoryRole:
        return r.category;
    case CategoryNameRole:
        return categoryNameZh(r.category);
    case VillageNameRole:
        return villageName(r.villageCode);
    case StatusTextRole:
        return r.status == RecordStatus::Draft ? tr("草稿") : tr("已提交");
    case SyncStateRole:
        return static_cast<int>(r.syncState);
    case SyncStateTextRole:
        switch (r.syncState) {
        case SyncState::LocalOnly:
            return tr("仅本机");
        case SyncState::Pending:
            return tr("待同步");
        case SyncState::Synced:
            return tr("已同步");
        }
        return {};
    case UpdatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(r.updatedAtMs)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case NoteRole:
        return QJsonDocument::fromJson(r.content).object().value(QLatin1String("note")).toString();
    }
    return {};
}

QHash<int, QByteArray> RecordListModel::roleNames() const
{
    return {
        {RecordIdRole, "recordId"},
        {CategoryRole, "category"},
        {CategoryNameRole, "categoryName"},
        {VillageNameRole, "villageName"},
        {StatusTextRole, "statusText"},
        {SyncStateRole, "syncState"},
        {SyncStateTextRole, "syncStateText"},
        {UpdatedAtRole, "updatedAt"},
        {NoteRole, "note"},
    };
}
