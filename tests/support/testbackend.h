#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <cstdlib>
#include <unistd.h>

// The storage backend of the qingshui-server processes a test starts, as its ctest
// registration chose (tests/backends.cmake): QS_TEST_BACKEND=sqlite (or unset), the SQLite
// file at the path the test names; QS_TEST_BACKEND=postgres, a fresh PostgreSQL database in
// the run's throwaway cluster (QS_TEST_PG_URL) for each such path — the same database every
// time this program names that path (a server restarted on its store finds its data), made
// on first use with psql (a marker PATH.postgres beside it: delete the folder and the next
// use gets a fresh one), dropped when the program ends. The path stays the test's handle for
// "this server's store", so tests read the same on both backends.
namespace TestBackend {

inline bool isPostgres()
{
    return qgetenv("QS_TEST_BACKEND") == "postgres";
}

inline QString psqlPath()
{
    const QString path = qEnvironmentVariable("QS_TEST_PSQL");
    return path.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin/psql") : path;
}

// psql ARGS against url; stdout in *out. On failure, psql's complaint in *error.
inline bool runPsql(const QString &url, const QStringList &args, QByteArray *out = nullptr,
                    QString *error = nullptr)
{
    QProcess p;
    p.start(psqlPath(),
            QStringList {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                         QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), url}
                + args);
    const bool ran = p.waitForFinished(60000);
    if (out)
        *out = p.readAllStandardOutput();
    if (ran && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return true;
    if (error)
        *error = QStringLiteral("psql %1: %2 %3")
                     .arg(args.join(QLatin1Char(' ')), p.errorString(),
                          QString::fromUtf8(p.readAllStandardError()));
    return false;
}

// The cluster's URL with another database name: postgresql://postgres@/NAME?host=DIR.
inline QString urlOfDatabase(const QString &clusterUrl, const QString &name)
{
    const qsizetype query = clusterUrl.indexOf(QLatin1Char('?'));
    const qsizetype slash = clusterUrl.lastIndexOf(QLatin1Char('/'), query < 0 ? -1 : query);
    return clusterUrl.left(slash + 1) + name + (query < 0 ? QString() : clusterUrl.mid(query));
}

// The databases this program made, one per store path; dropped at exit.
class Databases {
public:
    static Databases &instance()
    {
        static Databases databases;
        return databases;
    }

    // From now on the store at path is the database at url (made by the caller, who drops
    // it): a test that needs its own role or its own cluster.
    void assign(const QString &path, const QString &url)
    {
        QMutexLocker lock(&m_mutex);
        m_urls.insert(path, url);
        m_assigned.insert(path);
    }

    QString urlFor(const QString &path)
    {
        QMutexLocker lock(&m_mutex);
        // A test that deleted the store's folder starts again from nothing, as with SQLite:
        // the database made for the path lives as long as the marker file beside it.
        const QString marker = path + QStringLiteral(".postgres");
        if (const auto found = m_urls.constFind(path); found != m_urls.constEnd()) {
            if (m_assigned.contains(path) || QFile::exists(marker))
                return *found;
            runPsql(m_cluster,
                    {QStringLiteral("-c"),
                     QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                         .arg(m_names.value(*found))});
        }
        const QString cluster = qEnvironmentVariable("QS_TEST_PG_URL");
        if (cluster.isEmpty())
            qFatal("QS_TEST_BACKEND=postgres but QS_TEST_PG_URL is not set: run this test "
                   "through ctest (fixture pg_cluster, tests/backends.cmake)");
        const QString name = QStringLiteral("qs_%1_%2").arg(::getpid()).arg(++m_made);
        QString error;
        if (!runPsql(cluster, {QStringLiteral("-c"), QStringLiteral("CREATE DATABASE ") + name},
                     nullptr, &error))
            qFatal("cannot make a database in the test cluster %s (did pg_cluster_start "
                   "fail?): %s",
                   qPrintable(cluster), qPrintable(error));
        m_cluster = cluster;
        const QString url = urlOfDatabase(cluster, name);
        m_names.insert(url, name);
        QDir().mkpath(QFileInfo(marker).absolutePath());
        QFile file(marker);
        if (!file.open(QIODevice::WriteOnly) || file.write(url.toUtf8()) < 0)
            qFatal("cannot write %s", qPrintable(marker));
        return *m_urls.insert(path, url);
    }

    ~Databases()
    {
        if (m_names.isEmpty())
            return;
        // At exit, after QCoreApplication is gone: a plain shell, no QProcess.
        QString command = QStringLiteral("'%1' -X -q -d '%2'").arg(psqlPath(), m_cluster);
        for (const QString &name : std::as_const(m_names))
            command += QStringLiteral(" -c 'DROP DATABASE IF EXISTS %1 WITH (FORCE)'").arg(name);
        command += QStringLiteral(" >/dev/null 2>&1");
        [[maybe_unused]] const int ignored = std::system(command.toLocal8Bit().constData());
    }

private:
    Databases() = default;
    QMutex m_mutex;
    QHash<QString, QString> m_urls;
    QHash<QString, QString> m_names; // database name by URL
    QSet<QString> m_assigned;
    int m_made = 0;
    QString m_cluster;
};

// What a qingshui-server (or one of its admin commands) gets as --db for the store at path.
inline QString dbArgument(const QString &path)
{
    return isPostgres() ? Databases::instance().urlFor(path) : path;
}

// False when the store at path should be a PostgreSQL database and holds no table: a server
// that took the URL for a file name would otherwise pass every test on SQLite.
inline bool storeIsWhereItShouldBe(const QString &path)
{
    const QString db = dbArgument(path);
    if (!db.startsWith(QLatin1String("postgresql://")))
        return true;
    QByteArray out;
    return runPsql(db,
                   {QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-c"),
                    QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                                   "table_schema NOT IN ('pg_catalog', 'information_schema')")},
                   &out)
        && out.trimmed().toInt() > 0;
}

// The store at path stays that SQLite file whatever the backend: for a test of SQLite's own
// history (a server file of an older schema that only SQLite ever had).
inline void keepSqliteFile(const QString &path)
{
    if (isPostgres())
        Databases::instance().assign(path, path);
}

// `args` with the value of every --db replaced by dbArgument(value).
inline QStringList withBackend(QStringList args)
{
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--db"))
            args[i + 1] = dbArgument(args.at(i + 1));
    }
    return args;
}

} // namespace TestBackend
