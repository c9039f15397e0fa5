#pragma once

#include "domain/record.h"

#include <QList>
#include <QString>
#include <QStringList>

// What the record list is narrowed to. Empty fields do not filter.
struct RecordFilter {
    QList<ListStatus> statuses;
    QString unitCode;
    QString townshipCode;
    QString villageCode;
    QString category;
    QString author; // the user name the server stamped on the revision
    qint64 fromMs = 0; // updated at or after
    qint64 toMs = 0; // updated before
    QString search; // substring of the village name or any text answer
    // Only these records (a selection drawn on the supervisor's map); empty: no such limit.
    QStringList recordIds;

    bool operator==(const RecordFilter &o) const
    {
        return statuses == o.statuses && unitCode == o.unitCode && townshipCode == o.townshipCode
            && villageCode == o.villageCode && category == o.category && author == o.author
            && fromMs == o.fromMs && toMs == o.toMs && search == o.search
            && recordIds == o.recordIds;
    }
};
