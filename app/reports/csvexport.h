#pragma once

#include "exportoutcome.h"
#include "exportwords.h"
#include "storage/recordfilter.h"

#include <QSqlDatabase>
#include <QString>

// The selected records as CSV for Excel and reports: UTF-8 with a BOM (Excel then reads
// Chinese), RFC 4180 (CRLF, quotes doubled), one row per record, a header row of labels in
// the app's language at export time (words; the checklists' labels follow it too), the
// record's place, status, times and point, then one column per question of the templates in
// the export. Photo cells name the files of the photo ZIP.
ExportOutcome exportCsv(QSqlDatabase db, const RecordFilter &filter, const QString &path,
                        const ExportWords &words = {});
