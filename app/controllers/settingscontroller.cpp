#include "settingscontroller.h"

#include "accountroletext.h"
#include "models/synclogmodel.h"
#include "storage/enrolmentrepository.h"
#include "storage/synclogrepository.h"
#include "storage/syncmetarepository.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace {

// The certificate the device trusts first (the one the invite named), as a reader compares
// it with what the administrator printed: AB:CD:… of the SHA-256 of its DER. The PEM block
// is decoded here rather than through QSslCertificate, which would load the TLS backend (and
// OpenSSL's few megabytes) at every start just to show this line.
QString fingerprintOf(const QByteArray &trustPem)
{
    static const QByteArray begin("-----BEGIN CERTIFICATE-----");
    static const QByteArray end("-----END CERTIFICATE-----");
    const qsizetype from = trustPem.indexOf(begin);
    const qsizetype to = from < 0 ? -1 : trustPem.indexOf(end, from + begin.size());
    if (to < 0)
        return {};
    // Line breaks are not base64 and are skipped.
    const QByteArray der
        = QByteArray::fromBase64(trustPem.mid(from + begin.size(), to - from - begin.size()));
    if (der.isEmpty())
        return {};
    const QByteArray digest = QCryptographicHash::hash(der, QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

// As SyncTransport decides: plaintext only to a loopback server named without trust.
bool speaksTls(const SyncServer &server)
{
    static const QRegularExpression loopback(
        QStringLiteral("^(localhost|127(\\.\\d{1,3}){3}|\\[::1\\]):\\d+$"));
    return server.isSet() && (server.usesTls() || !loopback.match(server.address).hasMatch());
}

} // namespace

SettingsController::SettingsController(QSqlDatabase db, const QString &overrideAddress,
                                       QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_overrideAddress(overrideAddress)
    , m_log(new SyncLogModel(db, this))
    , m_deviceId(SyncMetaRepository(db).deviceId())
{
    refresh();
}

SettingsController::~SettingsController() = default;

void SettingsController::refresh()
{
    EnrolmentRepository enrolment(m_db);
    const SyncServer server = enrolment.server().overriddenBy(m_overrideAddress);
    m_serverAddress = server.address;
    m_usesTls = speaksTls(server);
    m_fingerprint = fingerprintOf(server.trustPem);
    const DeviceAccount account = enrolment.account();
    m_username = account.username;
    m_roleText = AccountRoleText::describe(account.role);
    m_scopes = account.scopes.join(QStringLiteral(", "));
    const qint64 lastMs = SyncLogRepository(m_db).lastSuccessMs();
    m_lastSuccess = lastMs > 0 ? QDateTime::fromMSecsSinceEpoch(lastMs) : QDateTime();
    if (m_pageOpen) {
        const PendingWork waiting = enrolment.pendingWork();
        m_pendingRecords = waiting.records;
        m_pendingDecisions = waiting.decisions;
        m_pendingPhotos = waiting.photos;
        m_log->reload();
    }
    emit changed();
}

void SettingsController::setPageOpen(bool open)
{
    if (open == m_pageOpen)
        return;
    m_pageOpen = open;
    refresh(); // emits changed
}

bool SettingsController::logOut()
{
    EnrolmentRepository enrolment(m_db);
    const bool ok = enrolment.logOut();
    m_error = ok ? QString() : tr("无法退出登录：%1").arg(enrolment.lastError());
    refresh();
    if (ok)
        emit loggedOut();
    return ok;
}

bool SettingsController::changeServer()
{
    EnrolmentRepository enrolment(m_db);
    const bool ok = enrolment.forgetServer();
    m_error = ok ? QString() : tr("无法更换服务器：%1").arg(enrolment.lastError());
    refresh();
    if (ok)
        emit serverForgotten();
    return ok;
}
