#pragma once

#include "record.h"

#include <QStringList>
#include <QtGlobal>

// A record's status as its source text (Chinese), the one list of these words: the backend
// translates them (ListStatusText, context "ListStatusText"), an export given no words writes
// them as they are.
inline const char *listStatusSourceText(ListStatus status)
{
    switch (status) {
    case ListStatus::Draft:
        return QT_TRANSLATE_NOOP("ListStatusText", "草稿");
    case ListStatus::Pending:
        return QT_TRANSLATE_NOOP("ListStatusText", "待同步");
    case ListStatus::Synced:
        return QT_TRANSLATE_NOOP("ListStatusText", "已同步");
    case ListStatus::Returned:
        return QT_TRANSLATE_NOOP("ListStatusText", "已退回");
    case ListStatus::Approved:
        return QT_TRANSLATE_NOOP("ListStatusText", "已通过");
    case ListStatus::Rejected:
        return QT_TRANSLATE_NOOP("ListStatusText", "已驳回");
    }
    return "";
}

// Every status's source text in ListStatus's order (draft … rejected).
inline QStringList listStatusSourceTexts()
{
    QStringList words;
    for (int s = int(ListStatus::Draft); s <= int(ListStatus::Rejected); ++s)
        words << QString::fromUtf8(listStatusSourceText(ListStatus(s)));
    return words;
}
