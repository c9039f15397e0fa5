#include "ledgerlistmodel.h"

#include "controllers/problemlinebuilder.h"
#include "storage/ledgerquery.h"

#include <QDateTime>

LedgerListModel::LedgerListModel(QSqlDatabase db, QObject *parent)
    : QAbstractListModel(parent), m_db(db)
{
    reload();
}

int LedgerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant LedgerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || role != LineRole)
        return {};
    return QVariant::fromValue(m_rows.at(index.row()));
}

QHash<int, QByteArray> LedgerListModel::roleNames() const
{
    return {{LineRole, "line"}};
}

bool LedgerListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void LedgerListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<ProblemLine> more = readPage(int(m_rows.size()));
    if (more.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size() - 1));
    m_rows += more;
    endInsertRows();
}

QList<ProblemLine> LedgerListModel::readPage(int offset) const
{
    LedgerFilter filter {m_unitCode, m_category, m_state, m_overdueOnly, m_nowMs};
    const ProblemLineBuilder lines(m_db);
    QList<ProblemLine> out;
    for (const LedgerRow &row : LedgerQuery(m_db).page(filter, offset, kPageSize)) {
        Problem p;
        p.id = row.id;
        p.villageCode = row.villageCode;
        p.category = row.category;
        p.severity = row.severity;
        p.description = row.description;
        p.state = row.state;
        p.recheckPassed = row.recheckPassed;
        p.responsibleKind = row.responsibleKind;
        p.responsibleCode = row.responsibleCode;
        p.responsibleName = row.responsibleName;
        p.deadlineMs = row.deadlineMs;
        p.raisedAtMs = row.raisedAtMs;
        p.closedAtMs = row.closedAtMs;
        p.conflicts = row.conflicts;
        out << lines.line(p, m_nowMs);
    }
    return out;
}

void LedgerListModel::reload()
{
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    beginResetModel();
    const LedgerFilter filter {m_unitCode, m_category, m_state, m_overdueOnly, m_nowMs};
    m_total = LedgerQuery(m_db).count(filter);
    m_rows = readPage(0);
    endResetModel();
    emit countChanged();
}

void LedgerListModel::setUnitCode(const QString &code)
{
    if (code == m_unitCode)
        return;
    m_unitCode = code;
    reload();
    emit filterChanged();
}

void LedgerListModel::setCategory(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    reload();
    emit filterChanged();
}

void LedgerListModel::setState(int state)
{
    if (state == m_state)
        return;
    m_state = state;
    reload();
    emit filterChanged();
}

void LedgerListModel::setOverdueOnly(bool overdueOnly)
{
    if (overdueOnly == m_overdueOnly)
        return;
    m_overdueOnly = overdueOnly;
    reload();
    emit filterChanged();
}
