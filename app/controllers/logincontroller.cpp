#include "logincontroller.h"

#include "devicelogin.h"
#include "storage/database.h"
#include "storage/enrolmentrepository.h"
#include "syncerrortext.h"
#include "syncreport.h"
#include "synctransport.h"

#include <QSysInfo>
#include <QThread>

LoginController::LoginController(const QString &databasePath, const QString &overrideAddress,
                                 QObject *parent)
    : QObject(parent), m_databasePath(databasePath), m_overrideAddress(overrideAddress)
{
    readStoredLogin();
}

LoginController::~LoginController()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void LoginController::readStoredLogin()
{
    m_serverAddress = m_overrideAddress;
    m_username.clear();
    Database db;
    if (!db.open(m_databasePath))
        return;
    EnrolmentRepository enrolment(db.connection());
    m_serverAddress = enrolment.server().overriddenBy(m_overrideAddress).address;
    m_username = enrolment.account().username;
}

void LoginController::refresh()
{
    if (m_busy)
        return; // finish() reads it all again
    readStoredLogin();
    emit changed();
}

void LoginController::logIn(const QString &username, const QString &password)
{
    if (m_busy)
        return;
    readStoredLogin(); // the server may have been set since
    if (!serverConfigured()) {
        finish(false, tr("未配置同步服务器"));
        return;
    }
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        finish(false, tr("请输入用户名和密码"));
        return;
    }
    m_busy = true;
    m_error.clear();
    m_refusal = {};
    emit changed();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    // The Argon2id check and the round trip take a moment: never on the UI thread.
    m_thread = QThread::create([this, username = username.trimmed(), password] {
        QString error;
        Refusal refusal;
        Database db;
        bool ok = db.open(m_databasePath);
        if (!ok) {
            error = db.error();
            refusal = {QLatin1String(SyncErrorCode::kLocalStore), {db.error()}};
        } else {
            const EnrolmentRepository enrolment(db.connection());
            const QString owner = enrolment.waitingWorkOwner();
            if (!owner.isEmpty() && owner != username) {
                // Another account's work waits: it goes out under that account only.
                const PendingWork waiting = enrolment.pendingWork();
                ok = false;
                error = QStringLiteral("work of %1 waits on this device").arg(owner);
                refusal = {
                    QLatin1String(SyncErrorCode::kWorkOfAnotherAccount),
                    {owner, QString::number(waiting.records), QString::number(waiting.decisions)}};
            } else {
                const SyncServer server = enrolment.server().overriddenBy(m_overrideAddress);
                SyncTransport transport(server.address, 10000, server.trustPem, server.tlsName);
                ok = logInDevice(db.connection(), transport, username, password,
                                 QSysInfo::machineHostName(), &error);
                // The server's refusal, a failure on the way, or (the call went through) the
                // login that could not be kept.
                refusal = transport.lastProblem();
                if (!ok && refusal.isEmpty())
                    refusal = {QLatin1String(SyncErrorCode::kLoginNotStored), {}};
            }
        }
        QMetaObject::invokeMethod(this, [this, ok, error, refusal] { finish(ok, error, refusal); });
    });
    m_thread->start();
}

QString LoginController::error() const
{
    return m_refusal.isEmpty() ? m_error
                               : SyncErrorText::describe(m_refusal.code, m_refusal.args, m_error);
}

void LoginController::finish(bool ok, const QString &error, const Refusal &refusal)
{
    m_busy = false;
    m_error = ok ? QString() : error;
    m_refusal = ok ? Refusal() : refusal;
    if (ok)
        readStoredLogin();
    emit changed();
    if (ok)
        emit loggedInNow();
}
