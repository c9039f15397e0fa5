#pragma once

#include "domain/record.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The words for a record's status, in the language of the moment — the one set the list's
// rows, its status filter, the record view, the form and the exports all show.
class ListStatusText {
    Q_DECLARE_TR_FUNCTIONS(ListStatusText)
public:
    static QString of(ListStatus status);
    // Draft, waiting to sync, synced, returned, approved, rejected: ListStatus's order.
    static QStringList all();
};
