#include "liststatustext.h"

#include "domain/liststatuswords.h"

QString ListStatusText::of(ListStatus status)
{
    return tr(listStatusSourceText(status));
}

QStringList ListStatusText::all()
{
    QStringList words;
    for (int s = int(ListStatus::Draft); s <= int(ListStatus::Rejected); ++s)
        words << of(ListStatus(s));
    return words;
}
