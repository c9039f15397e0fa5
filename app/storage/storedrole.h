#pragma once

#include "domain/accountrole.h"

#include <QString>
#include <optional>

// The role a store is logged in as, read before any Qt application exists (main() picks a
// QApplication or a QGuiApplication by the face it will show, and Qt SQL cannot load its
// driver before there is an application). Read-only through SQLite's own library; the file
// is never created or changed. nullopt: this build cannot tell (no SQLite library linked);
// AccountRole::Unknown: no store, not logged in, or not readable.
std::optional<AccountRole> storedAccountRole(const QString &storePath);
