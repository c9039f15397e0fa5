#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// A real qingshui-server process on loopback, stopped when this goes out of scope.
class ServerProcess {
public:
    explicit ServerProcess(const QString &dbPath) : m_dbPath(dbPath) { }
    ~ServerProcess() { stop(); }

    // Starts the server (on a free port unless told where) and waits for it to say where it
    // listens.
    bool start(const QString &listen = QStringLiteral("127.0.0.1:0"))
    {
        m_process.setProgram(QStringLiteral(QINGSHUI_SERVER_PATH));
        m_process.setArguments(
            {QStringLiteral("--db"), m_dbPath, QStringLiteral("--listen"), listen});
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(QStringLiteral("listening on (\\S+):(\\d+)"));
        QByteArray out;
        while (m_process.waitForReadyRead(10000)) {
            out += m_process.readAllStandardOutput();
            const auto m = listening.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                m_address = m.captured(1) + QLatin1Char(':') + m.captured(2);
                return true;
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

    QString address() const { return m_address; }
    QString errorOutput() { return QString::fromUtf8(m_process.readAllStandardError()); }

private:
    QString m_dbPath;
    QString m_address;
    QProcess m_process;
};
