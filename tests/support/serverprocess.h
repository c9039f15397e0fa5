#pragma once

#include "testbackend.h"

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <csignal>
#include <sys/resource.h>

// A real qingshui-server process on loopback, stopped when this goes out of scope. dbPath
// names its store: that SQLite file, or on PostgreSQL the database the test backend made for
// it (testbackend.h); its admin commands' --db is mapped the same way.
class ServerProcess {
public:
    explicit ServerProcess(const QString &dbPath) : m_dbPath(dbPath) { }
    ~ServerProcess() { stop(); }

    static constexpr const char *kPassword = "test-password-1";

    // Adds an account with `qingshui-server user add`, as an administrator would; the
    // server may be running. role: inspector|supervisor|admin|kiosk; scope: codes, comma
    // separated. The password is kPassword.
    bool addUser(const QString &username, const QString &role, const QString &scope = {})
    {
        QStringList args {QStringLiteral("user"),
                          QStringLiteral("add"),
                          username,
                          QStringLiteral("--db"),
                          m_dbPath,
                          QStringLiteral("--role"),
                          role};
        if (!scope.isEmpty())
            args << QStringLiteral("--scope") << scope;
        return runAdmin(args, QByteArray(kPassword) + '\n');
    }

    // `qingshui-server ARGS...` on this server's file; true on exit code 0.
    bool runAdmin(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.start(QStringLiteral(QINGSHUI_SERVER_PATH), TestBackend::withBackend(args));
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        m_adminOutput = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }
    QString adminOutput() const { return m_adminOutput; }

    // From the next start on, no file the server writes may grow past `bytes` (0: no limit),
    // as on a disk that is full: its writes fail with EFBIG, not a signal.
    void limitFileSize(qint64 bytes)
    {
        if (bytes == 0) {
            m_process.setChildProcessModifier({});
            return;
        }
        m_process.setChildProcessModifier([bytes] {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit {rlim_t(bytes), rlim_t(bytes)};
            setrlimit(RLIMIT_FSIZE, &limit);
        });
    }

    // Starts the server (on a free port unless told where) and waits for it to say where it
    // listens.
    bool start(const QString &listen) { return start({}, listen); }
    bool start(const QStringList &extraArgs = {},
               const QString &listen = QStringLiteral("127.0.0.1:0"))
    {
        m_process.setProgram(QStringLiteral(QINGSHUI_SERVER_PATH));
        QStringList args {QStringLiteral("--db"), TestBackend::dbArgument(m_dbPath),
                          QStringLiteral("--listen"), listen};
        // Blob files beside the store's path on both backends (SQLite's default).
        if (TestBackend::isPostgres() && !extraArgs.contains(QStringLiteral("--blobs")))
            args << QStringLiteral("--blobs") << m_dbPath + QStringLiteral(".blobs");
        m_process.setArguments(args + extraArgs);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(
            QStringLiteral("listening on (\\S+):(\\d+) epoch (\\S+)"));
        QByteArray out;
        while (m_process.waitForReadyRead(10000)) {
            out += m_process.readAllStandardOutput();
            const auto m = listening.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                m_address = m.captured(1) + QLatin1Char(':') + m.captured(2);
                m_epoch = m.captured(3);
                m_output = out;
                if (TestBackend::storeIsWhereItShouldBe(m_dbPath))
                    return true;
                qWarning("qingshui-server --db %s listens, but that PostgreSQL database holds "
                         "no table: the server does not keep its store there",
                         qPrintable(TestBackend::dbArgument(m_dbPath)));
                stop();
                return false;
            }
        }
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    // SIGKILL: no shutdown, no flush, as a crash or a pulled plug would do it.
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
    }

    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QString address() const { return m_address; }
    qint64 processId() const { return m_process.processId(); }
    QString epoch() const { return m_epoch; }
    qint64 pid() const { return m_process.processId(); }
    QString errorOutput() { return QString::fromUtf8(m_process.readAllStandardError()); }
    // All the server wrote on standard output so far (its start lines, the call log), after
    // waiting up to `waitMs` for more.
    QByteArray standardOutput(int waitMs = 0)
    {
        if (waitMs > 0)
            m_process.waitForReadyRead(waitMs);
        m_output += m_process.readAllStandardOutput();
        return m_output;
    }

private:
    QString m_dbPath;
    QString m_address;
    QString m_adminOutput;
    QString m_epoch;
    QByteArray m_output;
    QProcess m_process;
};
