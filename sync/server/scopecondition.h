#pragma once

#include "caller.h"

#include <QString>
#include <QVariantList>

// "village_code starts with one of the caller's codes", as SQL both backends run, with its
// binds appended. Admins need no condition; kiosks and callers without codes match nothing.
// The substr(column, 1, N) = ? form is what the pull-by-scope indexes are made for.
QString scopeCondition(const Caller &caller, const char *column, QVariantList *binds);

// "the package's scope meets one of the caller's codes", for basemaps: a county's package
// serves the county and its townships, a township's package the township and its county
// (one code starts with the other). The same roles match everything and nothing as above.
QString basemapScopeCondition(const Caller &caller, const char *column, QVariantList *binds);
