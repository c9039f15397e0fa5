#include "recordlistmodel.h"

#include "liststatustext.h"

#include "controllers/reviewflagtext.h"
#include "domain/category.h"
#include "domain/photoreferences.h"
#include "domain/reviewflags.h"
#include "media/photopresence.h"
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
    m_marks.clear();
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

QStringList RecordListModel::statusLabels() const
{
    return QStringList {tr("全部")} + ListStatusText::all();
}

void RecordListModel::retranslate()
{
    emit statusLabelsChanged();
    reload();
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
        return ListStatusText::of(r.listStatus());
    case UpdatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(r.updatedAtMs)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case AuthorRole:
        return r.author;
    case PhotosHereRole:
        return marksOf(index.row()).here;
    case PhotosTotalRole:
        return int(marksOf(index.row()).photos.size());
    case PhotosIncompleteRole: {
        const ReviewMarks &m = marksOf(index.row());
        return r.photosPending || m.here < m.photos.size();
    }
    case PhotosTextRole: {
        const ReviewMarks &m = marksOf(index.row());
        const int total = int(m.photos.size());
        return r.photosPending || m.here < total ? ReviewFlagText::photosIncomplete(m.here, total)
                                                 : QString();
    }
    case ConflictRole:
        return r.conflictWith != 0;
    case FlagsTextRole:
        return marksOf(index.row()).flagsText;
    }
    return {};
}

const RecordListModel::ReviewMarks &RecordListModel::marksOf(int row) const
{
    auto it = m_marks.find(row);
    if (it != m_marks.end())
        return *it;
    const Record &r = m_records.at(row);
    ReviewMarks marks;
    marks.photos = photoReferencesIn(r.content);
    marks.here = photoPresenceOf(r.content, m_photos).here;
    marks.flagsText
        = ReviewFlagText::compact(reviewFlagsOf(r.content, r.updatedAtMs, r.deviceClockSkewMs));
    return *m_marks.insert(row, marks);
}

void RecordListModel::photoArrived(const QString &sha256)
{
    // Only rows already shown have counts to change; the others count when they are shown.
    for (auto it = m_marks.begin(); it != m_marks.end(); ++it) {
        if (!it->photos.contains(sha256))
            continue;
        const int row = it.key();
        it->here = photoPresenceOf(m_records.at(row).content, m_photos).here;
        emit dataChanged(index(row), index(row),
                         {PhotosHereRole, PhotosIncompleteRole, PhotosTextRole});
    }
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
        {PhotosHereRole, "photosHere"},
        {PhotosTotalRole, "photosTotal"},
        {PhotosIncompleteRole, "photosIncomplete"},
        {PhotosTextRole, "photosText"},
        {ConflictRole, "conflict"},
        {FlagsTextRole, "flagsText"},
    };
}
