#include "sqlitebackup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace {

struct CloseDatabase {
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, CloseDatabase>;

QString messageOf(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

Connection open(const QString &path, int flags, QString *error)
{
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr);
    Connection connection(db);
    if (rc != SQLITE_OK) {
        *error = QStringLiteral("cannot open %1: %2")
                     .arg(path, db ? messageOf(db) : QString::fromUtf8(sqlite3_errstr(rc)));
        return nullptr;
    }
    sqlite3_busy_timeout(db, 10000);
    return connection;
}

// The first column of the first row of `sql`, as text; false if there is none.
bool selectText(sqlite3 *db, const char *sql, QString *value)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        return false;
    const bool found = sqlite3_step(statement) == SQLITE_ROW;
    if (found)
        *value
            = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    return found;
}

// The copy is a whole server database: intact, with its schema and its history's name.
bool verify(sqlite3 *db, const QString &path, SqliteBackupInfo *info, QString *error)
{
    QString integrity, schema, lastSeq;
    if (!selectText(db, "PRAGMA integrity_check", &integrity) || integrity != "ok") {
        *error = QStringLiteral("the copy %1 fails its integrity check: %2")
                     .arg(path, integrity.isEmpty() ? messageOf(db) : integrity);
        return false;
    }
    if (!selectText(db, "PRAGMA user_version", &schema)
        || !selectText(db, "SELECT value FROM server_meta WHERE key = 'epoch'", &info->epoch)
        || !selectText(db, "SELECT value FROM server_meta WHERE key = 'last_seq'", &lastSeq)) {
        *error = QStringLiteral("the copy %1 lacks the server's meta data: %2")
                     .arg(path, messageOf(db));
        return false;
    }
    info->schema = schema.toInt();
    info->lastSeq = lastSeq.toLongLong();
    return true;
}

bool syncToDisk(const QString &path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

void removeCopy(const QString &path)
{
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

bool backUpSqlite(const QString &source, const QString &target, SqliteBackupInfo *info,
                  QString *error)
{
    const QFileInfo from(source), to(target);
    if (!from.isFile()) {
        *error = QStringLiteral("no database file at %1").arg(source);
        return false;
    }
    if (to.exists() && to.canonicalFilePath() == from.canonicalFilePath()) {
        *error = QStringLiteral("--to names the database itself");
        return false;
    }
    if (!to.absoluteDir().exists()) {
        *error = QStringLiteral("the folder %1 does not exist").arg(to.absolutePath());
        return false;
    }
    if (!QFileInfo(to.absolutePath()).isWritable()) {
        *error = QStringLiteral("cannot write in the folder %1").arg(to.absolutePath());
        return false;
    }
    // Read-write (never created) though only read: as the last connection to close, this one
    // tidies the -wal and -shm files away, as the server does, instead of leaving them
    // behind with its owner (a stopped server's database copied as root).
    const Connection src = open(source, SQLITE_OPEN_READWRITE, error);
    if (!src)
        return false;
    QString epoch;
    if (!selectText(src.get(), "SELECT value FROM server_meta WHERE key = 'epoch'", &epoch)) {
        *error = QStringLiteral("%1 is no qingshui-server database: %2")
                     .arg(source, messageOf(src.get()));
        return false;
    }

    const QString partial = to.absoluteFilePath() + QStringLiteral(".partial");
    removeCopy(partial); // what a killed backup left
    {
        const Connection dst = open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
        if (!dst) {
            removeCopy(partial);
            return false;
        }
        sqlite3_backup *backup = sqlite3_backup_init(dst.get(), "main", src.get(), "main");
        if (!backup) {
            *error = QStringLiteral("cannot start the copy: %1").arg(messageOf(dst.get()));
            removeCopy(partial);
            return false;
        }
        // All pages in one step: one read transaction, one snapshot.
        const int stepped = sqlite3_backup_step(backup, -1);
        const int finished = sqlite3_backup_finish(backup);
        if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
            *error = QStringLiteral("cannot copy %1 to %2: %3")
                         .arg(source, partial, messageOf(dst.get()));
            removeCopy(partial);
            return false;
        }
        if (!verify(dst.get(), partial, info, error)) {
            removeCopy(partial);
            return false;
        }
    }
    info->bytes = QFileInfo(partial).size();
    if (!syncToDisk(partial, O_RDONLY)
        || std::rename(QFile::encodeName(partial).constData(),
                       QFile::encodeName(to.absoluteFilePath()).constData())
            != 0) {
        *error = QStringLiteral("cannot put the copy in place as %1").arg(target);
        removeCopy(partial);
        return false;
    }
    syncToDisk(to.absolutePath(), O_RDONLY | O_DIRECTORY); // the new name, too
    return true;
}
