#include "sqlitestatement.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

// Without SQLite's headers (Android: Qt's SQLite lives inside its plugin) only the Qt path
// is built; every direct branch below is inside QS_DIRECT_SQLITE.
#ifdef QS_DIRECT_SQLITE
#include <dlfcn.h>
#include <sqlite3.h>

namespace {

sqlite3 *handleOf(const QSqlDatabase &db)
{
    // QSQLITE hands out its sqlite3* as a QVariant whose type is named "sqlite3*".
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

// Whether the driver's plugin resolves sqlite3_prepare_v2 to the function this program
// calls: only then may a handle it opened be used here. A plugin with a SQLite of its own
// inside answers another address, or none.
bool driverSharesOurSqlite(const QSqlDriver *driver)
{
    Dl_info info {};
    // The first word of a polymorphic object points into its class's vtable, in the plugin.
    const void *vtable = *reinterpret_cast<void *const *>(driver);
    if (!dladdr(vtable, &info) || !info.dli_fname)
        return false;
    void *plugin = dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
    if (!plugin)
        return false;
    const void *theirs = dlsym(plugin, "sqlite3_prepare_v2");
    dlclose(plugin);
    return theirs == reinterpret_cast<const void *>(&sqlite3_prepare_v2);
}

} // namespace
#endif

SqliteStatement::Path SqliteStatement::pathFor(const QSqlDatabase &db)
{
#ifdef QS_DIRECT_SQLITE
    if (handleOf(db)) {
        // One SQLite plugin per process: ask once.
        static const bool shared = driverSharesOurSqlite(db.driver());
        if (shared)
            return Path::Direct;
    }
#endif
    Q_UNUSED(db);
    return Path::ThroughQt;
}

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const char *sql)
    : SqliteStatement(db, sql, pathFor(db))
{
}

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const char *sql, Path path)
{
#ifdef QS_DIRECT_SQLITE
    if (path == Path::Direct && pathFor(db) == Path::Direct) {
        m_path = Path::Direct;
        m_db = handleOf(db);
        m_prepared = sqlite3_prepare_v2(m_db, sql, -1, &m_stmt, nullptr) == SQLITE_OK;
        if (!m_prepared) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
            m_failed = true;
        }
        return;
    }
#endif
    Q_UNUSED(path);
    m_query = std::make_unique<QSqlQuery>(db);
    m_query->setForwardOnly(true);
    m_prepared = m_query->prepare(QString::fromUtf8(sql));
    if (!m_prepared) {
        m_error = m_query->lastError().text();
        m_failed = true;
    }
}

SqliteStatement::~SqliteStatement()
{
#ifdef QS_DIRECT_SQLITE
    sqlite3_finalize(m_stmt);
#endif
}

void SqliteStatement::bind(int pos, qint64 value)
{
    if (!m_prepared)
        return;
#ifdef QS_DIRECT_SQLITE
    if (m_stmt) {
        sqlite3_bind_int64(m_stmt, pos, value);
        return;
    }
#endif
    m_query->bindValue(pos - 1, value);
}

void SqliteStatement::bindText(int pos, std::string_view utf8)
{
    if (!m_prepared)
        return;
#ifdef QS_DIRECT_SQLITE
    if (m_stmt) {
        sqlite3_bind_text(m_stmt, pos, utf8.data(), int(utf8.size()), SQLITE_STATIC);
        return;
    }
#endif
    m_query->bindValue(pos - 1, QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
}

void SqliteStatement::bindText(int pos, const QString &text)
{
    if (!m_prepared)
        return;
#ifdef QS_DIRECT_SQLITE
    if (m_stmt) {
        const QByteArray utf8 = text.toUtf8(); // a null QString binds '' as on the Qt path
        sqlite3_bind_text(m_stmt, pos, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return;
    }
#endif
    m_query->bindValue(pos - 1, text.isNull() ? QStringLiteral("") : text);
}

void SqliteStatement::bindBlob(int pos, std::string_view bytes)
{
    if (!m_prepared)
        return;
#ifdef QS_DIRECT_SQLITE
    if (m_stmt) {
        sqlite3_bind_blob(m_stmt, pos, bytes.data(), int(bytes.size()), SQLITE_STATIC);
        return;
    }
#endif
    m_query->bindValue(pos - 1, QByteArray(bytes.data(), qsizetype(bytes.size())));
}

bool SqliteStatement::step()
{
    if (m_failed)
        return false;
#ifdef QS_DIRECT_SQLITE
    if (m_stmt) {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE) {
            m_failed = true;
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        }
        return false;
    }
#endif
    if (!m_executed) {
        m_executed = true;
        if (!m_query->exec()) {
            m_failed = true;
            m_error = m_query->lastError().text();
            return false;
        }
    }
    return m_query->next();
}

int SqliteStatement::changes() const
{
    if (!m_prepared)
        return 0;
#ifdef QS_DIRECT_SQLITE
    if (m_stmt)
        return sqlite3_changes(m_db);
#endif
    return m_query->numRowsAffected();
}

qint64 SqliteStatement::columnInt64(int col) const
{
#ifdef QS_DIRECT_SQLITE
    if (m_stmt)
        return sqlite3_column_int64(m_stmt, col);
#endif
    return m_query->value(col).toLongLong();
}

QString SqliteStatement::columnText(int col) const
{
#ifdef QS_DIRECT_SQLITE
    if (m_stmt) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
        return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, col));
    }
#endif
    return m_query->value(col).toString();
}

QByteArray SqliteStatement::columnBlob(int col) const
{
#ifdef QS_DIRECT_SQLITE
    if (m_stmt) {
        const auto *bytes = static_cast<const char *>(sqlite3_column_blob(m_stmt, col));
        return QByteArray(bytes, sqlite3_column_bytes(m_stmt, col));
    }
#endif
    return m_query->value(col).toByteArray();
}

void SqliteStatement::reset()
{
    if (!m_prepared)
        return; // what failed to prepare stays failed
#ifdef QS_DIRECT_SQLITE
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
#endif
    if (m_query) {
        m_query->finish();
        m_executed = false;
    }
    m_failed = false;
    m_error.clear();
}
