#!/usr/bin/env bash
# The layer rules the compiler cannot see (docs/architecture.md). The include roots make a
# rightward `#include "folder/file.h"` fail to build; this closes the two ways around them:
#   - a relative include out of a folder ("../models/…") finds any file;
#   - SQL (QSqlQuery) outside the store: only app/storage, the statement helper in
#     app/common and the server (sync/server) run SQL.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
if git grep -n '#include "\.\./' -- 'app/*' 'sync/*'; then
    echo "check-layers: include a header by its folder (\"storage/database.h\"), not by ../" >&2
    status=1
fi
if git grep -n -E 'QSqlQuery|QSqlRecord' -- 'app/*.cpp' 'app/*.h' 'sync/*.cpp' 'sync/*.h' \
        ':!app/storage/' ':!app/common/sqlitestatement.*' ':!sync/server/'; then
    echo "check-layers: SQL belongs in app/storage (a repository or query there)" >&2
    status=1
fi
[ "$status" = 0 ] && echo "check-layers: no relative includes, SQL only in storage and the server"
exit "$status"
