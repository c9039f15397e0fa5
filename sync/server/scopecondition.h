#pragma once

#include "caller.h"

#include <QString>
#include <QVariantList>

// "village_code starts with one of the caller's codes", as SQL both backends run, with its
// binds appended. Admins need no condition; kiosks and callers without codes match nothing.
// The substr(column, 1, N) = ? form is what the pull-by-scope indexes are made for.
QString scopeCondition(const Caller &caller, const char *column, QVariantList *binds);
