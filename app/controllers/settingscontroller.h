#pragma once

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QString>

class SyncLogModel;
Q_MOC_INCLUDE("models/synclogmodel.h")

// The settings page (设置): the server and how it is trusted, the account, this device, the
// last successful sync and the sync log; logging out and changing server. Neither of the
// two deletes anything: records, decisions and photos that wait stay queued (the page
// warns with pendingRecords/…) and go out once the device is logged in again.
class SettingsController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY changed)
    Q_PROPERTY(bool serverOverridden READ serverOverridden CONSTANT)
    Q_PROPERTY(bool usesTls READ usesTls NOTIFY changed)
    Q_PROPERTY(QString certificateFingerprint READ certificateFingerprint NOTIFY changed)
    Q_PROPERTY(QString username READ username NOTIFY changed)
    Q_PROPERTY(QString roleText READ roleText NOTIFY changed)
    Q_PROPERTY(QString scopes READ scopes NOTIFY changed)
    Q_PROPERTY(QString deviceId READ deviceId CONSTANT)
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY changed)
    Q_PROPERTY(int pendingRecords READ pendingRecords NOTIFY changed)
    Q_PROPERTY(int pendingDecisions READ pendingDecisions NOTIFY changed)
    Q_PROPERTY(int pendingPhotos READ pendingPhotos NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(SyncLogModel *log READ log CONSTANT)
    // The page is on screen: only then are what waits and the log read (at every start, a
    // count over a large outbox would cost time and memory for nothing).
    Q_PROPERTY(bool pageOpen READ pageOpen WRITE setPageOpen NOTIFY changed)
public:
    // overrideAddress: --server, which replaces the store's server (shown as such).
    SettingsController(QSqlDatabase db, const QString &overrideAddress, QObject *parent = nullptr);
    ~SettingsController() override;

    QString serverAddress() const { return m_serverAddress; }
    bool serverOverridden() const { return !m_overrideAddress.isEmpty(); }
    bool usesTls() const { return m_usesTls; }
    // SHA-256 of the trusted certificate (DER), as pairs of hex digits; empty: plaintext.
    QString certificateFingerprint() const { return m_fingerprint; }
    QString username() const { return m_username; }
    QString roleText() const { return m_roleText; }
    QString scopes() const { return m_scopes; }
    QString deviceId() const { return m_deviceId; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    int pendingRecords() const { return m_pendingRecords; }
    int pendingDecisions() const { return m_pendingDecisions; }
    int pendingPhotos() const { return m_pendingPhotos; }
    QString error() const { return m_error; }
    SyncLogModel *log() const { return m_log; }
    bool pageOpen() const { return m_pageOpen; }
    void setPageOpen(bool open);

    // Forgets the login; the server stays for logging in again. false: error says why.
    Q_INVOKABLE bool logOut();
    // Forgets the server and the login: the 连接服务器 page comes next.
    Q_INVOKABLE bool changeServer();

public slots:
    // Reads the server and the account again (after a sync, an enrolment, a login); what
    // waits and the log too while the page is open.
    void refresh();

signals:
    void changed();
    void loggedOut();
    void serverForgotten();

private:
    QSqlDatabase m_db;
    QString m_overrideAddress;
    SyncLogModel *m_log;
    QString m_serverAddress;
    bool m_usesTls = false;
    QString m_fingerprint;
    QString m_username;
    QString m_roleText;
    QString m_scopes;
    QString m_deviceId;
    QDateTime m_lastSuccess;
    int m_pendingRecords = 0;
    int m_pendingDecisions = 0;
    int m_pendingPhotos = 0;
    QString m_error;
    bool m_pageOpen = false;
};
