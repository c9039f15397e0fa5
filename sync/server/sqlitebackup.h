#pragma once

#include <QString>

// What a finished copy of a server's database holds.
struct SqliteBackupInfo {
    int schema = 0; // PRAGMA user_version
    QString epoch; // the history it belongs to
    qint64 lastSeq = 0; // the last server_seq in it
    qint64 bytes = 0;
};

// Copies the server's SQLite file `source` to `target` with SQLite's online backup API, in
// one read transaction: a consistent snapshot while the server goes on writing (WAL lets its
// writers pass the reader). The copy is written beside `target` under another name, checked
// (PRAGMA integrity_check, the server's meta data readable), synced to disk and only then
// renamed to `target`: a failure (a full disk, a file that is no server database) leaves
// whatever `target` was untouched and nothing else behind. False with the reason in `error`.
bool backUpSqlite(const QString &source, const QString &target, SqliteBackupInfo *info,
                  QString *error);
