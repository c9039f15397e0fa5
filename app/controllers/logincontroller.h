#pragma once

#include "refusal.h"

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
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
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
    // What went wrong, in the language of the moment: the server's refusal as RefusalText
    // words it (wrong password, throttled, a device no invite enrolled …), else what this
    // side found.
    QString error() const;

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
    void finish(bool ok, const QString &error, const Refusal &refusal = {});

    QString m_databasePath;
    QString m_overrideAddress;
    QString m_serverAddress;
    QString m_username;
    bool m_busy = false;
    QString m_error;
    Refusal m_refusal;
    QThread *m_thread = nullptr;
};
