#include "liststatustext.h"

QString ListStatusText::of(ListStatus status)
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

QStringList ListStatusText::all()
{
    QStringList words;
    for (int s = int(ListStatus::Draft); s <= int(ListStatus::Rejected); ++s)
        words << of(ListStatus(s));
    return words;
}
