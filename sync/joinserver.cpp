#include "joinserver.h"

#include "domain/enrolmentcode.h"
#include "servertrust.h"
#include "storage/syncmetarepository.h"
#include "synctransport.h"

#include "qingshui/v1/catalog.pb.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace {

EnrolmentResult failure(EnrolmentResult::Failure kind, const QString &detail)
{
    EnrolmentResult result;
    result.failure = kind;
    result.detail = detail;
    return result;
}

EnrolmentResult fromTrust(const ServerTrust &trust)
{
    switch (trust.outcome) {
    case ServerTrust::Trusted:
        break;
    case ServerTrust::Unreachable:
        return failure(EnrolmentResult::Unreachable, trust.detail);
    case ServerTrust::NotTls:
        return failure(EnrolmentResult::NotTls, trust.detail);
    case ServerTrust::CertificateMismatch:
        return failure(EnrolmentResult::CertificateMismatch, trust.detail);
    }
    return {};
}

// Whether the store may join the server at `address` (with this trust), and with which
// history (*history): its own when the server continues it, the server's from its start when
// nothing waits for another one. Fails the join (in *outcome) when work waits for another
// server, or when the server cannot be asked.
bool checkHistory(QSqlDatabase db, const QString &address, const ServerTrust &trust,
                  JoinOutcome *outcome, ServerHistory *history)
{
    SyncMetaRepository meta(db);
    const QString epoch = meta.serverEpoch();
    if (epoch.isEmpty())
        return true; // never synced: any server may have it
    if (!trust.ok()) {
        outcome->result = fromTrust(trust);
        return false;
    }
    SyncTransport transport(address, 10000, trust.trustPem, trust.tlsName);
    qingshui::v1::ServerInfoResponse info;
    if (!transport.serverInfo(&info)) {
        outcome->result.failure = transport.lastFailureUnreachable() ? EnrolmentResult::Unreachable
                                                                     : EnrolmentResult::Refused;
        outcome->result.refusal = transport.lastRefusal();
        outcome->result.detail = transport.lastError();
        return false;
    }
    if (QString::fromStdString(info.epoch()) == epoch)
        return true;
    EnrolmentRepository enrolment(db);
    const PendingWork waiting = enrolment.pendingWork();
    if (!waiting.isEmpty()) {
        outcome->heldForOtherServer = true;
        outcome->pending = waiting;
        outcome->otherServer = enrolment.historyServerAddress();
        outcome->result.detail = QStringLiteral("work waits for the server of epoch %1").arg(epoch);
        return false;
    }
    qCInfo(lcSync) << "joining another server's history: epoch" << info.epoch().c_str() << "after"
                   << epoch;
    *history = ServerHistory::StartNew;
    return true;
}

// Whether `username` may have the store: not while another account's work waits.
bool checkAccount(QSqlDatabase db, const QString &username, JoinOutcome *outcome)
{
    EnrolmentRepository enrolment(db);
    const QString owner = enrolment.waitingWorkOwner();
    if (owner.isEmpty() || owner == username)
        return true;
    outcome->heldForOtherAccount = true;
    outcome->otherAccount = owner;
    outcome->pending = enrolment.pendingWork();
    outcome->result.detail = QStringLiteral("work of %1 waits on this device").arg(owner);
    return false;
}

void finish(QSqlDatabase db, JoinOutcome *outcome)
{
    if (outcome->result.ok())
        outcome->account = EnrolmentRepository(db).account();
}

} // namespace

JoinOutcome joinWithCode(QSqlDatabase db, const EnrolmentCode &code, const QString &password,
                         const QString &deviceName)
{
    JoinOutcome outcome;
    if (!checkAccount(db, code.username, &outcome))
        return outcome;
    ServerHistory history = ServerHistory::Keep;
    if (!SyncMetaRepository(db).serverEpoch().isEmpty()) {
        ServerTrust trust;
        if (code.usesTls()) {
            trust = ServerTrust::fromFingerprint(code.address, code.certificateFingerprint);
        } else {
            trust.outcome = ServerTrust::Trusted; // a loopback server in plaintext
        }
        if (!checkHistory(db, code.address, trust, &outcome, &history))
            return outcome;
    }
    outcome.result = enrolDevice(db, code, password, deviceName, history);
    finish(db, &outcome);
    return outcome;
}

JoinOutcome joinWithAddress(QSqlDatabase db, const QString &address, const QByteArray &caPem,
                            const QString &username, const QString &password,
                            const QString &deviceName)
{
    JoinOutcome outcome;
    if (!checkAccount(db, username, &outcome))
        return outcome;
    ServerHistory history = ServerHistory::Keep;
    if (!SyncMetaRepository(db).serverEpoch().isEmpty()) {
        ServerTrust trust;
        if (caPem.isEmpty()) {
            trust.outcome = ServerTrust::Trusted; // plaintext on loopback, or the system's CAs
        } else {
            trust = ServerTrust::fromCaPem(address, caPem);
        }
        if (!checkHistory(db, address, trust, &outcome, &history))
            return outcome;
    }
    outcome.result = connectDevice(db, address, caPem, username, password, deviceName, history);
    finish(db, &outcome);
    return outcome;
}
