#include "loadfleet.h"

#include "accesstoken.h"
#include "accountstore.h"
#include "domain/passwordhash.h"
#include "serverbackend.h"

#include <QDateTime>
#include <QFile>
#include <QUuid>

namespace {

// Village codes from the reference regions the app bundles (qs_storage's resource).
QStringList referenceVillages(QString *error)
{
    QFile csv(QStringLiteral(":/qingshui/reference/villages.csv"));
    if (!csv.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the reference villages are not bundled");
        return {};
    }
    QStringList codes;
    csv.readLine(); // header
    while (!csv.atEnd()) {
        const QByteArray code = csv.readLine().split(',').value(0).trimmed();
        if (code.size() == 12)
            codes << QString::fromLatin1(code);
    }
    return codes;
}

} // namespace

bool enrolLoadTablets(const QString &db, int count, QList<LoadTablet> *tablets, QString *error)
{
    const QStringList villages = referenceVillages(error);
    if (villages.isEmpty())
        return false;
    QString hash;
    if (!PasswordHash::make(QStringLiteral("load-bench-password"), &hash)) {
        *error = QStringLiteral("cannot make an Argon2id hash");
        return false;
    }
    // Whichever backend --db names, as the server's own `user add` opens it.
    const std::unique_ptr<ServerBackend> backend = ServerBackend::open(db, error);
    if (!backend)
        return false;
    AccountStore &accounts = backend->accounts();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 expires = now + 24 * 3600 * 1000;
    tablets->clear();
    for (int i = 0; i < count; ++i) {
        // Every fourth village: the tablets spread over all townships and counties.
        const QString village = villages.at((i * 4) % villages.size());
        Account account;
        account.username = QStringLiteral("load%1").arg(i, 4, 10, QLatin1Char('0'));
        account.displayName = account.username;
        account.passwordHash = hash;
        account.role = Caller::Role::Inspector;
        account.scopeCodes = {village.left(9)};
        if (!accounts.addAccount(account)) {
            *error = accounts.lastError();
            return false;
        }
        const std::optional<Account> stored = accounts.findAccount(account.username);
        LoadTablet tablet {account.username, QUuid::createUuid().toString(QUuid::WithoutBraces),
                           AccessToken::generate(), village};
        if (!stored
            || accounts.issueToken(stored->id, tablet.deviceId, QStringLiteral("load tablet"),
                                   AccessToken::hashOf(tablet.token), now, expires,
                                   AccountStore::DeviceRule::EnrolAny)
                != AccountStore::IssueResult::Issued) {
            *error = accounts.lastError();
            return false;
        }
        tablets->append(tablet);
    }
    return true;
}
