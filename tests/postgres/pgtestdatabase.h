#pragma once

#include <QCoreApplication>
#include <QProcess>
#include <QString>
#include <QStringList>

// A database of its own in the test cluster (QS_TEST_PG_URL), dropped at the end.
class PgTestDatabase {
public:
    explicit PgTestDatabase(const QString &purpose) : m_purpose(purpose) { }

    bool create(QString *error)
    {
        m_cluster = qEnvironmentVariable("QS_TEST_PG_URL");
        if (m_cluster.isEmpty()) {
            *error = QStringLiteral("QS_TEST_PG_URL is not set: run through ctest (fixture "
                                    "pg_cluster) or point it at a PostgreSQL 15 cluster");
            return false;
        }
        m_name = QStringLiteral("qs_%1_%2").arg(m_purpose).arg(QCoreApplication::applicationPid());
        return psql({QStringLiteral("-c"), QStringLiteral("DROP DATABASE IF EXISTS ") + m_name,
                     QStringLiteral("-c"), QStringLiteral("CREATE DATABASE ") + m_name},
                    error);
    }
    ~PgTestDatabase()
    {
        if (!m_name.isEmpty()) {
            QString ignored;
            psql({QStringLiteral("-c"),
                  QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name)},
                 &ignored);
        }
    }
    // The cluster's URL with this database's name.
    QString url() const
    {
        const qsizetype query = m_cluster.indexOf(QLatin1Char('?'));
        const qsizetype slash = m_cluster.lastIndexOf(QLatin1Char('/'), query < 0 ? -1 : query);
        return m_cluster.left(slash + 1) + m_name + (query < 0 ? QString() : m_cluster.mid(query));
    }

private:
    bool psql(const QStringList &args, QString *error) const
    {
        QProcess p;
        const QString psqlPath = qEnvironmentVariable("QS_TEST_PSQL");
        p.start(psqlPath.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin/psql") : psqlPath,
                QStringList {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"),
                             m_cluster}
                    + args);
        if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return true;
        *error = QStringLiteral("psql: %1 %2")
                     .arg(p.errorString(), QString::fromUtf8(p.readAllStandardError()));
        return false;
    }

    QString m_purpose;
    QString m_cluster;
    QString m_name;
};
