#include "rawsqlitebench.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <sqlite3.h>

double rawSqliteInsertsPerSecond()
{
    constexpr int kRows = 100000;
    QTemporaryDir dir;
    sqlite3 *db = nullptr;
    if (sqlite3_open(dir.filePath(QStringLiteral("raw.db")).toUtf8().constData(), &db) != SQLITE_OK)
        return 0;
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                 "CREATE TABLE row (id TEXT PRIMARY KEY, body BLOB NOT NULL)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO row VALUES (?, ?)", -1, &insert, nullptr);
    const QByteArray body(1024, 'x');
    QElapsedTimer clock;
    clock.start();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (int i = 0; i < kRows; ++i) {
        // Ids like the records' (36 characters, not in order), so the index does real work.
        const QByteArray id
            = QByteArray::number(quint64(i) * 2654435761u % 4294967291u).rightJustified(36, '0');
        sqlite3_bind_text(insert, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_blob(insert, 2, body.constData(), int(body.size()), SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    const bool committed = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    const double seconds = clock.nsecsElapsed() / 1e9;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return committed ? kRows / seconds : 0;
}
