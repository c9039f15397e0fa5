#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>

// Logs this device in to qingshui-server (which enrols it) and says whether it is logged in.
// The server is the one the store names (enrolment), or the one --server gives; it is read
// again at every login, so a server set while the app runs is used at once. The login runs
// off the UI thread on its own connection to the store; the token it gets is kept in the
// store, where every sync finds it.
class LoginController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Services")
    Q_PROPERTY(bool serverConfigured READ serverConfigured NOTIFY changed)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY changed)
    Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY changed)
    Q_PROPERTY(QString username READ username NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
public:
    // overrideAddress: --server; empty: the store's server.
    LoginController(const QString &databasePath, const QString &overrideAddress,
                    QObject *parent = nullptr);
    ~LoginController() override;

    bool serverConfigured() const { return !m_serverAddress.isEmpty(); }
    QString serverAddress() const { return m_serverAddress; }
    bool loggedIn() const { return !m_username.isEmpty(); }
    QString username() const { return m_username; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }

    Q_INVOKABLE void logIn(const QString &username, const QString &password);

public slots:
    // Reads the store again (after an enrolment, a log-out, a change of server).
    void refresh();

signals:
    void changed();
    // A login went through: the next sync can run.
    void loggedInNow();

private:
    void readStoredLogin();
    void finish(bool ok, const QString &error);

    QString m_databasePath;
    QString m_overrideAddress;
    QString m_serverAddress;
    QString m_username;
    bool m_busy = false;
    QString m_error;
    QThread *m_thread = nullptr;
};
