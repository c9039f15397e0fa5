#include "recordlistmodel.h"

#include "domain/category.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

qint64 startOfDayMs(const QDate &date)
{
    return date.isValid() ? date.startOfDay().toMSecsSinceEpoch() : 0;
}

} // namespace

RecordListModel::RecordListModel(QSqlDatabase db, QHash<QString, TemplateInfo> templates,
                                 QObject *parent)
    : QAbstractListModel(parent), m_db(db), m_templates(std::move(templates))
{
    reload();
}

void RecordListModel::reload()
{
    beginResetModel();
    RecordRepository repo(m_db);
    m_records = repo.query(m_filter, kPageSize);
    m_total = repo.count(m_filter);
    endResetModel();
    emit countChanged();
}

bool RecordListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_records.size() < m_total;
}

void RecordListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<Record> more
        = RecordRepository(m_db).query(m_filter, kPageSize, int(m_records.size()));
    if (more.isEmpty())
        return;
    beginInsertRows({}, int(m_records.size()), int(m_records.size() + more.size() - 1));
    m_records += more;
    endInsertRows();
    emit countChanged();
}

void RecordListModel::applyFilter(const RecordFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit filterChanged();
    reload();
}

int RecordListModel::statusFilter() const
{
    return m_filter.statuses.isEmpty() ? 0 : int(m_filter.statuses.first());
}

void RecordListModel::setStatusFilter(int status)
{
    RecordFilter f = m_filter;
    f.statuses.clear();
    if (status >= int(ListStatus::Draft) && status <= int(ListStatus::Rejected))
        f.statuses << ListStatus(status);
    applyFilter(f);
}

void RecordListModel::setUnitCode(const QString &code)
{
    RecordFilter f = m_filter;
    f.unitCode = code;
    applyFilter(f);
}

void RecordListModel::setTownshipCode(const QString &code)
{
    RecordFilter f = m_filter;
    f.townshipCode = code;
    applyFilter(f);
}

void RecordListModel::setAuthor(const QString &userName)
{
    RecordFilter f = m_filter;
    f.author = userName;
    applyFilter(f);
}

QStringList RecordListModel::authors() const
{
    return RecordRepository(m_db).authors();
}

void RecordListModel::setVillageCode(const QString &code)
{
    RecordFilter f = m_filter;
    f.villageCode = code;
    applyFilter(f);
}

void RecordListModel::setCategory(const QString &category)
{
    RecordFilter f = m_filter;
    f.category = category;
    applyFilter(f);
}

void RecordListModel::setFromDate(const QDate &date)
{
    m_fromDate = date;
    RecordFilter f = m_filter;
    f.fromMs = startOfDayMs(date);
    applyFilter(f);
}

void RecordListModel::setToDate(const QDate &date)
{
    m_toDate = date;
    RecordFilter f = m_filter;
    f.toMs = date.isValid() ? startOfDayMs(date.addDays(1)) : 0; // the whole last day
    applyFilter(f);
}

void RecordListModel::setSearch(const QString &text)
{
    RecordFilter f = m_filter;
    f.search = text;
    applyFilter(f);
}

void RecordListModel::clearFilters()
{
    m_fromDate = m_toDate = QDate();
    applyFilter({});
}

QString RecordListModel::recordIdAt(int row) const
{
    return row >= 0 && row < m_records.size() ? m_records.at(row).id : QString();
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

QString RecordListModel::summaryOf(const Record &record) const
{
    // The first text answer in template order; records of the first release had a note.
    const QJsonObject root = QJsonDocument::fromJson(record.content).object();
    const QJsonObject answers = root.value(QLatin1String("answers")).toObject();
    for (const QString &id : m_templates.value(record.templateId).textQuestionIds) {
        const QString text = answers.value(id).toString();
        if (!text.isEmpty())
            return text;
    }
    return root.value(QLatin1String("note")).toString();
}

QString RecordListModel::listStatusText(ListStatus status)
{
    switch (status) {
    case ListStatus::Draft:
        return tr("草稿");
    case ListStatus::Pending:
        return tr("待同步");
    case ListStatus::Synced:
        return tr("已同步");
    case ListStatus::Returned:
        return tr("已退回");
    case ListStatus::Approved:
        return tr("已通过");
    case ListStatus::Rejected:
        return tr("已驳回");
    }
    return {};
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const Record &r = m_records.at(index.row());
    switch (role) {
    case RecordIdRole:
        return r.id;
    case TemplateIdRole:
        return r.templateId;
    case TitleRole:
        if (auto it = m_templates.constFind(r.templateId); it != m_templates.constEnd())
            return it->title.text();
        return categoryName(r.category);
    case CategoryRole:
        return r.category;
    case CategoryNameRole:
        return categoryName(r.category);
    case VillageNameRole:
        return villageName(r.villageCode);
    case SummaryRole:
        return summaryOf(r);
    case ListStatusRole:
        return int(r.listStatus());
    case ListStatusTextRole:
        return listStatusText(r.listStatus());
    case UpdatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(r.updatedAtMs)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case AuthorRole:
        return r.author;
    }
    return {};
}

QHash<int, QByteArray> RecordListModel::roleNames() const
{
    return {
        {RecordIdRole, "recordId"},
        {TemplateIdRole, "templateId"},
        {TitleRole, "title"},
        {CategoryRole, "category"},
        {CategoryNameRole, "categoryName"},
        {VillageNameRole, "villageName"},
        {SummaryRole, "summary"},
        {ListStatusRole, "listStatus"},
        {ListStatusTextRole, "listStatusText"},
        {UpdatedAtRole, "updatedAt"},
        {AuthorRole, "author"},
    };
}
