#include "serverdatabase.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace {

constexpr int kSchemaVersion = 15;

QStringList statementsOf(const QString &resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    lines.removeIf([](const QString &l) { return l.trimmed().startsWith(QLatin1String("--")); });
    QStringList out;
    for (const QString &sql : lines.join(QLatin1Char('\n')).split(QLatin1Char(';'))) {
        if (!sql.trimmed().isEmpty())
            out << sql;
    }
    return out;
}

QString metaValue(QSqlDatabase &db, const char *key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM server_meta WHERE key = ?"));
    q.addBindValue(QLatin1String(key));
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

bool setMetaValue(QSqlDatabase &db, const char *key, const QString &value)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO server_meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(QLatin1String(key));
    q.addBindValue(value);
    return q.exec();
}

QString newEpoch()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

int ServerDatabase::latestSchemaVersion()
{
    return kSchemaVersion;
}

ServerDatabase::~ServerDatabase()
{
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (!m_connectionPrefix.isEmpty() && name.startsWith(m_connectionPrefix)) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }
}

QSqlDatabase ServerDatabase::connection()
{
    const QString name = m_connectionPrefix
        + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (db.open()) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    }
    return db;
}

bool ServerDatabase::open(const QString &path)
{
    static QAtomicInt counter;
    m_path = path;
    m_connectionPrefix = QStringLiteral("qs-server-%1-").arg(counter.fetchAndAddRelaxed(1));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        m_error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL"))) {
        m_error = QStringLiteral("%1 is not a usable SQLite database: %2")
                      .arg(path, q.lastError().text());
        return false;
    }
    q.finish();
    return migrate(db) && loadMeta(db);
}

bool ServerDatabase::migrate(QSqlDatabase &db)
{
    QSqlQuery version(db);
    if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next()) {
        m_error = QStringLiteral("%1 is not a usable SQLite database: %2")
                      .arg(m_path, version.lastError().text());
        return false;
    }
    const int from = version.value(0).toInt();
    version.finish();
    if (from > kSchemaVersion) {
        m_error = QStringLiteral("%1 has schema %2, newer than this server (%3)")
                      .arg(m_path)
                      .arg(from)
                      .arg(kSchemaVersion);
        return false;
    }
    for (int v = from + 1; v <= kSchemaVersion; ++v) {
        const QStringList statements = statementsOf(
            QStringLiteral(":/qingshui/server/migrations/%1.sql").arg(v, 3, 10, QLatin1Char('0')));
        if (!db.transaction()) {
            m_error = db.lastError().text();
            return false;
        }
        for (const QString &sql : statements) {
            QSqlQuery s(db);
            if (!s.exec(sql)) {
                m_error = QStringLiteral("schema %1: %2").arg(v).arg(s.lastError().text());
                db.rollback();
                return false;
            }
        }
        QSqlQuery bump(db);
        if (!bump.exec(QStringLiteral("PRAGMA user_version = %1").arg(v)) || !db.commit()) {
            m_error = QStringLiteral("schema %1: %2").arg(v).arg(db.lastError().text());
            db.rollback();
            return false;
        }
    }
    return true;
}

bool ServerDatabase::loadMeta(QSqlDatabase &db)
{
    m_epoch = metaValue(db, "epoch");
    m_lastSeq = metaValue(db, "last_seq").toLongLong();
    if (m_epoch.isEmpty()) {
        m_epoch = newEpoch();
        if (!db.transaction() || !setMetaValue(db, "epoch", m_epoch)
            || !setMetaValue(db, "last_seq", QString::number(m_lastSeq)) || !db.commit()) {
            m_error = QStringLiteral("cannot initialise %1: %2").arg(m_path, db.lastError().text());
            db.rollback();
            return false;
        }
    }
    return true;
}
