#pragma once

#include "reports/exportwords.h"

#include <QCoreApplication>
#include <QSqlDatabase>

// The words a CSV or GeoJSON export writes, in the app's language at export time: the person
// who exports reads the file in the language they work in (the checklists' labels follow it
// already), and the county names from the bundled place data (PlaceNames).
class ExportWordsText {
    Q_DECLARE_TR_FUNCTIONS(ExportWordsText)
public:
    static ExportWords current(QSqlDatabase db);
};
