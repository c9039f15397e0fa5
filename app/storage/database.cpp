#include "database.h"

#include "searchindexfile.h"
#include "transaction.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcStore, "qs.store")

namespace {

// Migrations are numbered resources: :/qingshui/migrations/001.sql, 002.sql, ...
QString migrationPath(int version)
{
    return QStringLiteral(":/qingshui/migrations/%1.sql").arg(version, 3, 10, QLatin1Char('0'));
}

// Splits a migration script into statements; statements end with ';' at the end of a line.
QStringList statements(const QString &script)
{
    QStringList out;
    QString current;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            out << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

bool exec(QSqlDatabase db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("%1: %2").arg(sql.left(80), q.lastError().text());
    return false;
}

} // namespace

Database::~Database()
{
    close();
}

int Database::latestSchemaVersion()
{
    int v = 0;
    for (const QString &name : QDir(QStringLiteral(":/qingshui/migrations")).entryList())
        v = std::max(v, QFileInfo(name).baseName().toInt());
    return v;
}

bool Database::open(const QString &path, Checkpoints checkpoints, SearchIndexUse searchIndex)
{
    static QAtomicInt counter;
    close();
    m_path = path;
    m_name = QStringLiteral("qs-store-%1").arg(counter.fetchAndAddRelaxed(1));
    QDir().mkpath(QFileInfo(path).absolutePath());

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        m_error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        return false;
    }
    // WAL: readers (UI) never block the writer (sync); NORMAL is durable across app crashes.
    // A page cache of up to 16 MiB (default 2): a pulled page of a thousand records touches
    // eight indexes of the record table, and with 2 MiB a fifth of its time went to reading
    // back pages it had just written.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                               "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-16384"}) {
        if (!exec(db, QLatin1String(pragma), &m_error))
            return false;
    }
    if (!exec(db, QStringLiteral("PRAGMA journal_size_limit=%1").arg(kWalSizeLimitBytes), &m_error))
        return false;
    if (checkpoints == ManualCheckpoints
        && !exec(db, QStringLiteral("PRAGMA wal_autocheckpoint=0"), &m_error))
        return false;
    if (!migrate())
        return false;
    // The full-text index's own file: searches join it to the store.
    return searchIndex == StoreOnly || SearchIndexFile::attach(db, path, &m_error);
}

void Database::close()
{
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
}

bool Database::migrate()
{
    const int from = schemaVersion();
    const int to = latestSchemaVersion();
    if (from < 0) {
        m_error = QStringLiteral("%1 is not a readable SQLite database").arg(m_path);
        return false;
    }
    if (from > to) {
        m_error = QStringLiteral("%1 has schema %2, newer than this app knows (%3)")
                      .arg(m_path)
                      .arg(from)
                      .arg(to);
        return false;
    }
    if (from > 0 && from < to) {
        // Keep a copy of the old file before touching the schema of real data.
        const QString backup = m_path + QStringLiteral(".v%1.bak").arg(from);
        exec(connection(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), &m_error);
        QFile::remove(backup);
        if (!QFile::copy(m_path, backup)) {
            m_error = QStringLiteral("cannot back up %1 before migrating").arg(m_path);
            return false;
        }
    }
    for (int v = from + 1; v <= to; ++v) {
        QFile f(migrationPath(v));
        if (!f.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("missing migration %1").arg(v);
            return false;
        }
        const QString script = QString::fromUtf8(f.readAll());
        Transaction tx(connection());
        for (const QString &sql : statements(script)) {
            if (!exec(connection(), sql, &m_error)) {
                m_error = QStringLiteral("migration %1 failed: %2").arg(v).arg(m_error);
                return false;
            }
        }
        if (!exec(connection(), QStringLiteral("PRAGMA user_version=%1").arg(v), &m_error)
            || !tx.commit()) {
            m_error = QStringLiteral("migration %1 could not commit").arg(v);
            return false;
        }
        qCInfo(lcStore) << "migrated" << m_path << "to schema" << v;
    }
    return true;
}
