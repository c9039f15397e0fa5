#pragma once

#include "recordfilter.h"

#include <QString>
#include <QVariantList>

// A record filter as SQL on `record r`: " WHERE ..." or empty; binds go in order. The record
// list's queries and the others over the same selection (dashboard, exports) share it.
QString recordFilterWhere(const RecordFilter &filter, QVariantList *binds);
