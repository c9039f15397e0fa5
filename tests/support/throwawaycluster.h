#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A PostgreSQL cluster of its own (scripts/pg-cluster.sh; QS_PG_CLUSTER_SCRIPT names it) in a
// new folder under /tmp — reachable by the postgres user when we run as root, and short
// enough for its unix socket — stopped and deleted when this goes out of scope. For what the
// run's shared cluster must not see: being stopped and started again, a benchmark's load.
class ThrowawayCluster {
public:
    ~ThrowawayCluster() { run(QStringLiteral("stop")); }
    // options: postmaster settings, e.g. {"-c", "fsync=on"} (the script's defaults are for
    // tests: fsync off).
    bool start(const QStringList &options = {})
    {
        return run(QStringLiteral("start"), &m_url, options);
    }
    // The cluster stops, its data kept; up() starts it again.
    bool down() { return run(QStringLiteral("down")); }
    bool up() { return run(QStringLiteral("up")); }
    QString url() const { return m_url; }
    QString error() const { return m_error; }

private:
    // scripts/pg-cluster.sh COMMAND DIR; what it printed in *out.
    bool run(const QString &command, QString *out = nullptr, const QStringList &options = {})
    {
        if (!m_dir.isValid())
            return false;
        QProcess p;
        p.start(QStringLiteral("bash"),
                QStringList {QStringLiteral(QS_PG_CLUSTER_SCRIPT), command, m_dir.path()}
                    + options);
        p.waitForFinished(120000);
        m_error = QString::fromUtf8(p.readAllStandardError());
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QTemporaryDir m_dir {QStringLiteral("/tmp/qs-pg-XXXXXX")};
    QString m_url;
    QString m_error;
};
