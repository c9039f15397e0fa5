#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

// How many public records a kiosk's store holds (its cached feed: only published, redacted
// copies), by work category and by paired unit (武当山特区 as its own unit, 420381450, as
// record.unit_code has it).
struct PublicRecordCounts {
    int total = 0;
    QHash<QString, int> byCategory; // category id → count
    QHash<QString, int> byUnit; // unit code → count
};

// false with *error set when the store cannot be read.
bool countPublicRecords(QSqlDatabase db, PublicRecordCounts *counts, QString *error);
