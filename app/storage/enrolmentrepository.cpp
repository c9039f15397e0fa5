#include "enrolmentrepository.h"

#include "syncmetarepository.h"
#include "transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

int countOf(QSqlDatabase db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql) && q.next())
        return q.value(0).toInt();
    *error = q.lastError().text();
    return 0;
}

} // namespace

SyncServer EnrolmentRepository::server() const
{
    const SyncMetaRepository meta(m_db);
    SyncServer server;
    server.address = meta.value(QLatin1String(SyncMetaRepository::kServerAddress));
    server.trustPem = meta.value(QLatin1String(SyncMetaRepository::kServerTrustPem)).toUtf8();
    server.tlsName = meta.value(QLatin1String(SyncMetaRepository::kServerTlsName));
    return server;
}

DeviceAccount EnrolmentRepository::account() const
{
    const SyncMetaRepository meta(m_db);
    DeviceAccount account;
    if (meta.value(QLatin1String(SyncMetaRepository::kAuthToken)).isEmpty())
        return account;
    account.username = meta.value(QLatin1String(SyncMetaRepository::kAuthUsername));
    account.role
        = accountRoleFromNumber(meta.value(QLatin1String(SyncMetaRepository::kAuthRole)).toInt());
    const QString scopes = meta.value(QLatin1String(SyncMetaRepository::kAuthScopes));
    account.scopes = scopes.isEmpty() ? QStringList() : scopes.split(QLatin1Char(','));
    account.expiresAtMs
        = meta.value(QLatin1String(SyncMetaRepository::kAuthExpiresAtMs)).toLongLong();
    return account;
}

PendingWork EnrolmentRepository::pendingWork() const
{
    PendingWork work;
    work.records = countOf(
        m_db,
        QStringLiteral(
            "SELECT count(*) FROM outbox WHERE review_id IS NULL AND record_id IS NOT NULL"),
        &m_error);
    // The ledger's ops (no record) are decisions too: a supervisor's or an inspector's steps.
    work.decisions = countOf(
        m_db,
        QStringLiteral(
            "SELECT count(*) FROM outbox WHERE review_id IS NOT NULL OR record_id IS NULL"),
        &m_error);
    work.photos = countOf(m_db, QStringLiteral("SELECT count(*) FROM blob_outbox"), &m_error);
    return work;
}

bool EnrolmentRepository::removeKeys(const QList<const char *> &keys,
                                     const QString &previousAddress, const QString &previousAccount)
{
    Transaction tx(m_db);
    SyncMetaRepository meta(m_db);
    if ((!previousAddress.isEmpty()
         && !meta.setValue(QLatin1String(kPreviousServerAddress), previousAddress))
        || (!previousAccount.isEmpty()
            && !meta.setValue(QLatin1String(kPreviousAccount), previousAccount))) {
        m_error = m_db.lastError().text();
        return false;
    }
    for (const char *key : keys) {
        if (!meta.remove(QLatin1String(key))) {
            m_error = m_db.lastError().text();
            return false;
        }
    }
    if (tx.commit())
        return true;
    m_error = m_db.lastError().text();
    return false;
}

bool EnrolmentRepository::logOut()
{
    return removeKeys({SyncMetaRepository::kAuthToken, SyncMetaRepository::kAuthUsername,
                       SyncMetaRepository::kAuthRole, SyncMetaRepository::kAuthScopes,
                       SyncMetaRepository::kAuthExpiresAtMs},
                      {}, loggedInName());
}

bool EnrolmentRepository::forgetServer()
{
    return removeKeys({SyncMetaRepository::kServerAddress, SyncMetaRepository::kServerTrustPem,
                       SyncMetaRepository::kServerTlsName, SyncMetaRepository::kAuthToken,
                       SyncMetaRepository::kAuthUsername, SyncMetaRepository::kAuthRole,
                       SyncMetaRepository::kAuthScopes, SyncMetaRepository::kAuthExpiresAtMs},
                      server().address, loggedInName());
}

QString EnrolmentRepository::historyServerAddress() const
{
    const QString named = server().address;
    return named.isEmpty() ? SyncMetaRepository(m_db).value(QLatin1String(kPreviousServerAddress))
                           : named;
}

QString EnrolmentRepository::loggedInName() const
{
    return SyncMetaRepository(m_db).value(QLatin1String(SyncMetaRepository::kAuthUsername));
}

QString EnrolmentRepository::waitingWorkOwner() const
{
    const PendingWork work = pendingWork();
    if (work.records == 0 && work.decisions == 0)
        return {};
    const QString current = loggedInName();
    return current.isEmpty() ? SyncMetaRepository(m_db).value(QLatin1String(kPreviousAccount))
                             : current;
}
