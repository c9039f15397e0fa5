#include "storedrole.h"

#include "syncmetarepository.h"

#include <QFileInfo>

#ifdef QS_DIRECT_SQLITE
#include <sqlite3.h>
#endif

std::optional<AccountRole> storedAccountRole(const QString &storePath)
{
#ifdef QS_DIRECT_SQLITE
    if (!QFileInfo(storePath).isFile())
        return AccountRole::Unknown;
    sqlite3 *db = nullptr;
    AccountRole role = AccountRole::Unknown;
    if (sqlite3_open_v2(storePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr)
        == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        // The role counts only with a token: a logged-out store has no account.
        const char *sql = "SELECT r.value FROM sync_meta r JOIN sync_meta t ON t.key = ?2 "
                          "WHERE r.key = ?1 AND t.value <> ''";
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK) {
            sqlite3_bind_text(statement, 1, SyncMetaRepository::kAuthRole, -1, SQLITE_STATIC);
            sqlite3_bind_text(statement, 2, SyncMetaRepository::kAuthToken, -1, SQLITE_STATIC);
            if (sqlite3_step(statement) == SQLITE_ROW) {
                const auto *text
                    = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
                role = accountRoleFromNumber(text ? QByteArray(text).toInt() : 0);
            }
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return role;
#else
    Q_UNUSED(storePath);
    return std::nullopt;
#endif
}
