#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

// `qingshui --automation SOCKET`: lets a test drive the running app as a user would, one JSON
// command per line in, one JSON answer per line out (automationcommands.h lists them), over
// a local socket only this user may open. Made only when the option is given: without it
// nothing listens and start-up does no more work.
class AutomationServer : public QObject {
    Q_OBJECT
public:
    explicit AutomationServer(QObject *parent = nullptr);

    // Listens on the socket path, where no file may be yet; false with error() set if it
    // cannot.
    bool listen(const QString &path);
    QString error() const { return m_error; }

private:
    void accept();
    void readCommands(QLocalSocket *socket);

    QLocalServer *m_server;
    QString m_error;
};
