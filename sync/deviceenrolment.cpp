#include "deviceenrolment.h"

#include "servertrust.h"
#include "storage/syncmetarepository.h"
#include "storage/transaction.h"
#include "synctransport.h"

#include "qingshui/v1/auth.pb.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QStringList>
#include <QUuid>

Q_LOGGING_CATEGORY(lcEnrol, "qs.sync.enrol")

namespace {

namespace v1 = qingshui::v1;

constexpr int kTimeoutMs = 10000;

bool isLoopback(const QString &address)
{
    static const QRegularExpression loopback(
        QStringLiteral("^(localhost|127(\\.\\d{1,3}){3}|\\[::1\\]):\\d+$"));
    return loopback.match(address).hasMatch();
}

EnrolmentResult failed(EnrolmentResult::Failure failure, const QString &detail,
                       const Refusal &refusal = {})
{
    EnrolmentResult result;
    result.failure = failure;
    result.refusal = refusal;
    result.detail = detail;
    qCInfo(lcEnrol).noquote() << "enrolment failed:" << detail;
    return result;
}

EnrolmentResult untrusted(const ServerTrust &trust)
{
    switch (trust.outcome) {
    case ServerTrust::Trusted:
        break;
    case ServerTrust::Unreachable:
        return failed(EnrolmentResult::Unreachable, trust.detail);
    case ServerTrust::NotTls:
        return failed(EnrolmentResult::NotTls, trust.detail);
    case ServerTrust::CertificateMismatch:
        return failed(EnrolmentResult::CertificateMismatch, trust.detail);
    }
    return {};
}

// A call that failed: no answer (down, unreachable) or the server's refusal.
EnrolmentResult callFailed(const SyncTransport &transport)
{
    if (transport.lastFailureUnreachable())
        return failed(EnrolmentResult::Unreachable, transport.lastError());
    return failed(EnrolmentResult::Refused, transport.lastError(), transport.lastRefusal());
}

// The store's device id, or a new one that is stored with the enrolment (so that a failure
// writes nothing at all).
QString deviceIdOf(const SyncMetaRepository &meta, bool *isNew)
{
    QString id = meta.value(QLatin1String(SyncMetaRepository::kDeviceId));
    *isNew = id.isEmpty();
    if (*isNew)
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return id;
}

// Everything the enrolment brings, in one transaction.
EnrolmentResult store(QSqlDatabase db, const QString &address, const ServerTrust &trust,
                      const QString &deviceId, bool newDeviceId, const QString &username,
                      const v1::LoginResponse &login, ServerHistory history)
{
    QStringList scopes;
    for (const std::string &code : login.scope_codes())
        scopes << QString::fromStdString(code);
    SyncMetaRepository meta(db);
    const auto set = [&meta](const char *key, const QString &value) {
        return meta.setValue(QLatin1String(key), value);
    };
    Transaction tx(db);
    const bool stored = tx.isOpen()
        && (!newDeviceId || set(SyncMetaRepository::kDeviceId, deviceId))
        && set(SyncMetaRepository::kServerAddress, address)
        && set(SyncMetaRepository::kServerTrustPem, QString::fromLatin1(trust.trustPem))
        && set(SyncMetaRepository::kServerTlsName, trust.tlsName)
        && set(SyncMetaRepository::kAuthToken, QString::fromStdString(login.token()))
        && set(SyncMetaRepository::kAuthUsername, username)
        && set(SyncMetaRepository::kAuthRole, QString::number(login.role()))
        && set(SyncMetaRepository::kAuthScopes, scopes.join(QLatin1Char(',')))
        && set(SyncMetaRepository::kAuthExpiresAtMs, QString::number(login.expires_at_ms()))
        && (history == ServerHistory::Keep
            || (meta.remove(QLatin1String(SyncMetaRepository::kPullCursor))
                && meta.remove(QLatin1String(SyncMetaRepository::kServerEpoch))
                && meta.clearHistoryMark()))
        && tx.commit();
    if (!stored)
        return failed(EnrolmentResult::LocalStore,
                      QStringLiteral("cannot store the enrolment: %1").arg(db.lastError().text()));
    qCInfo(lcEnrol).noquote() << "enrolled as" << username << "with" << address
                              << (trust.trustPem.isEmpty() ? "(plaintext)" : "(TLS)");
    return {};
}

} // namespace

EnrolmentResult enrolDevice(QSqlDatabase db, const EnrolmentCode &code, const QString &password,
                            const QString &deviceName, ServerHistory history)
{
    ServerTrust trust;
    if (code.usesTls()) {
        trust = ServerTrust::fromFingerprint(code.address, code.certificateFingerprint, kTimeoutMs);
        if (!trust.ok())
            return untrusted(trust);
    } else if (!isLoopback(code.address)) {
        // Only a loopback server gets a plaintext invite: this code cannot be trusted.
        return failed(EnrolmentResult::CertificateMismatch,
                      QStringLiteral("the code names no certificate for %1, which is not on "
                                     "this machine")
                          .arg(code.address));
    }
    SyncTransport transport(code.address, kTimeoutMs, trust.trustPem, trust.tlsName);
    bool newDeviceId = false;
    const QString deviceId = deviceIdOf(SyncMetaRepository(db), &newDeviceId);
    v1::EnrolRequest request;
    request.set_invite_secret(code.secretHex().toStdString());
    request.set_username(code.username.toStdString());
    request.set_password(password.toStdString());
    request.set_device_id(deviceId.toStdString());
    request.set_device_name(deviceName.toStdString());
    v1::LoginResponse response;
    if (!transport.enrol(request, &response))
        return callFailed(transport);
    return store(db, code.address, trust, deviceId, newDeviceId, code.username, response, history);
}

EnrolmentResult connectDevice(QSqlDatabase db, const QString &address, const QByteArray &caPem,
                              const QString &username, const QString &password,
                              const QString &deviceName, ServerHistory history)
{
    ServerTrust trust;
    if (!caPem.isEmpty()) {
        trust = ServerTrust::fromCaPem(address, caPem, kTimeoutMs);
        if (!trust.ok())
            return untrusted(trust);
    }
    // Without a CA: plaintext on loopback, else TLS verified by the system's CAs.
    SyncTransport transport(address, kTimeoutMs, trust.trustPem, trust.tlsName);
    bool newDeviceId = false;
    const QString deviceId = deviceIdOf(SyncMetaRepository(db), &newDeviceId);
    v1::LoginRequest request;
    request.set_username(username.toStdString());
    request.set_password(password.toStdString());
    request.set_device_id(deviceId.toStdString());
    request.set_device_name(deviceName.toStdString());
    v1::LoginResponse response;
    if (!transport.login(request, &response))
        return callFailed(transport);
    return store(db, address, trust, deviceId, newDeviceId, username, response, history);
}
