#include "invitecommands.h"

#include "accountstore.h"
#include "certificatefingerprint.h"
#include "domain/enrolmentcode.h"
#include "invitestore.h"
#include "loopback.h"
#include "qrpng.h"
#include "serverbackend.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <sodium.h>

#include <cstdio>
#include <optional>

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kMaxLifetimeMs = 30 * 24 * 60 * kMinute; // an invite lying about is a risk

int fail(const QString &message)
{
    std::fprintf(stderr, "qingshui-server invite: %s\n", qPrintable(message));
    return 1;
}

// "30m", "12h", "7d": how long an invite stays valid.
std::optional<qint64> lifetimeMs(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([1-9]\\d{0,5})([mhd])$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 count = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    const qint64 ms = count
        * (unit == QLatin1Char('m')       ? kMinute
               : unit == QLatin1Char('h') ? 60 * kMinute
                                          : 24 * 60 * kMinute);
    if (ms > kMaxLifetimeMs)
        return std::nullopt;
    return ms;
}

QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

// HOST:PORT with a port a server can listen on; the host alone, or empty.
QString hostOf(const QString &address)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+):([0-9]{1,5})$"));
    const QRegularExpressionMatch m = pattern.match(address);
    if (!m.hasMatch())
        return {};
    const int port = m.captured(2).toInt();
    return port >= 1 && port <= 65535 ? m.captured(1) : QString();
}

QString defaultQrPath(const QString &username)
{
    QString safe = username;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return QStringLiteral("qingshui-invite-%1.png").arg(safe);
}

int makeInvite(ServerBackend &db, const QCommandLineParser &p)
{
    const QString username = p.value(QStringLiteral("user"));
    if (username.isEmpty())
        return fail(QStringLiteral("--user NAME is required"));
    const QString address = p.value(QStringLiteral("address")).trimmed();
    const QString host = hostOf(address);
    if (host.isEmpty())
        return fail(QStringLiteral("--address wants HOST:PORT, the address tablets reach the "
                                   "server at (e.g. 192.168.1.20:50051), got '%1'")
                        .arg(address));
    const std::optional<qint64> lifetime = lifetimeMs(p.value(QStringLiteral("expires")));
    if (!lifetime)
        return fail(QStringLiteral("--expires wants a number and m, h or d (30m, 12h, 7d), at "
                                   "most 30d; got '%1'")
                        .arg(p.value(QStringLiteral("expires"))));

    AccountStore &accounts = db.accounts();
    const std::optional<Account> account = accounts.findAccount(username);
    if (!account)
        return fail(
            QStringLiteral("no user '%1': add it first (qingshui-server user add)").arg(username));
    if (account->disabled)
        return fail(QStringLiteral("user '%1' is disabled: enable it first").arg(username));

    // What the tablet will trust: the certificate the server serves, or the CA its chain ends in.
    const bool servedCert = p.isSet(QStringLiteral("tls-cert"));
    const bool trustCa = p.isSet(QStringLiteral("trust-ca"));
    if (servedCert && trustCa)
        return fail(QStringLiteral("give --tls-cert or --trust-ca, not both"));
    EnrolmentCode code;
    code.address = address;
    code.username = username;
    if (servedCert || trustCa) {
        const QString pemPath
            = p.value(servedCert ? QStringLiteral("tls-cert") : QStringLiteral("trust-ca"));
        QFile pem(pemPath);
        if (!pem.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1").arg(pemPath));
        QString error;
        const QByteArray sha256 = firstCertificateSha256(pem.readAll(), &error);
        if (sha256.isEmpty())
            return fail(QStringLiteral("%1: %2").arg(pemPath, error));
        code.certificateFingerprint = sha256.left(EnrolmentCode::kFingerprintBytes);
    } else if (!isLoopbackHost(host)) {
        return fail(QStringLiteral("%1 is not on this machine: give --tls-cert (the certificate "
                                   "the server serves) or --trust-ca (the CA its chain ends "
                                   "in), so that the tablet can trust the server; only a "
                                   "loopback address gets a plaintext invite")
                        .arg(address));
    }
    if (sodium_init() < 0)
        return fail(QStringLiteral("cannot initialise libsodium"));
    code.secret = QByteArray(EnrolmentCode::kSecretBytes, Qt::Uninitialized);
    randombytes_buf(code.secret.data(), size_t(code.secret.size()));
    const QString text = code.toText();
    if (text.isEmpty())
        return fail(QStringLiteral("the address or the user name is too long for a code"));

    // The QR code first: a path that cannot be written stores no invite.
    const QString qrPath
        = p.isSet(QStringLiteral("qr")) ? p.value(QStringLiteral("qr")) : defaultQrPath(username);
    QString error;
    if (!writeQrPng(qrPath, text.toLatin1(), &error))
        return fail(error);

    InviteStore &invites = db.invites();
    Invite invite;
    invite.accountId = account->id;
    invite.username = username;
    invite.address = address;
    invite.fingerprintHex = QString::fromLatin1(code.certificateFingerprint.toHex());
    invite.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    invite.expiresAtMs = invite.createdAtMs + *lifetime;
    if (!invites.add(&invite, Invite::hashOf(code.secret))) {
        QFile::remove(qrPath);
        return fail(QStringLiteral("cannot store the invite: %1").arg(invites.lastError()));
    }
    std::printf("invite %lld for %s\n", invite.id, qPrintable(username));
    std::printf("code: %s\n", qPrintable(text));
    std::printf("server: %s\n", qPrintable(address));
    if (code.usesTls())
        std::printf("certificate: %s (%s)\n", qPrintable(invite.fingerprintHex),
                    servedCert ? "the server's certificate" : "the CA");
    else
        std::printf("certificate: none (plaintext, loopback only)\n");
    std::printf("expires: %s\n", qPrintable(utc(invite.expiresAtMs)));
    std::printf("qr: %s\n",
                qPrintable(QDir::toNativeSeparators(QFileInfo(qrPath).absoluteFilePath())));
    return 0;
}

int listInvites(ServerBackend &db)
{
    InviteStore &invites = db.invites();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Invite &i : invites.invites()) {
        QString state;
        if (i.usedAtMs > 0)
            state = QStringLiteral("used %1 by %2").arg(utc(i.usedAtMs), i.usedByDevice);
        else if (i.revokedAtMs > 0)
            state = QStringLiteral("revoked %1").arg(utc(i.revokedAtMs));
        else if (i.expiresAtMs <= now)
            state = QStringLiteral("expired");
        else
            state = QStringLiteral("open");
        std::printf("%lld\t%s\texpires %s\t%s\t%s\n", i.id, qPrintable(i.username),
                    qPrintable(utc(i.expiresAtMs)), qPrintable(state), qPrintable(i.address));
    }
    return 0;
}

} // namespace

int runInviteCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "qingshui-server invite --db FILE --user NAME --address HOST:PORT [--expires 7d]\n"
        "                       [--tls-cert PEM | --trust-ca PEM] [--qr FILE.png]\n"
        "qingshui-server invite list --db FILE | invite revoke ID --db FILE\n"
        "A one-time enrolment code for a tablet: the server's address, the certificate to\n"
        "trust there, the account and a secret. The tablet types it or scans the QR code."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("SQLite database file, or postgresql://… for PostgreSQL."),
                 QStringLiteral("PATH|URI")});
    p.addOption({QStringLiteral("user"), QStringLiteral("The account the tablet joins as."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("address"), QStringLiteral("Where tablets reach the server."),
                 QStringLiteral("HOST:PORT")});
    p.addOption({QStringLiteral("expires"),
                 QStringLiteral("How long the code is valid: 30m, 12h, 7d (at most 30d)."),
                 QStringLiteral("DURATION"), QStringLiteral("7d")});
    p.addOption({QStringLiteral("tls-cert"),
                 QStringLiteral("The certificate the server serves (its --tls-cert): the tablet "
                                "trusts exactly it."),
                 QStringLiteral("PEM")});
    p.addOption({QStringLiteral("trust-ca"),
                 QStringLiteral("A private CA the server's chain ends in (and sends): the tablet "
                                "trusts it."),
                 QStringLiteral("PEM")});
    p.addOption({QStringLiteral("qr"),
                 QStringLiteral("Where the QR code goes (default ./qingshui-invite-USER.png)."),
                 QStringLiteral("FILE.png")});
    p.addPositionalArgument(QStringLiteral("invite"), QStringLiteral("invite [list|revoke ID]"));
    if (!p.parse(arguments))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    if (!p.isSet(QStringLiteral("db")))
        return fail(QStringLiteral("--db PATH is required"));
    QString openError;
    const std::unique_ptr<ServerBackend> db
        = ServerBackend::open(p.value(QStringLiteral("db")), &openError);
    if (!db)
        return fail(openError);
    const QStringList args = p.positionalArguments(); // "invite" [verb [object]]
    const QString verb = args.value(1), object = args.value(2);
    if (verb.isEmpty())
        return makeInvite(*db, p);
    if (verb == QLatin1String("list") && args.size() == 2)
        return listInvites(*db);
    if (verb == QLatin1String("revoke") && args.size() == 3) {
        bool ok = false;
        const qint64 id = object.toLongLong(&ok);
        InviteStore &invites = db->invites();
        if (!ok || !invites.revoke(id, QDateTime::currentMSecsSinceEpoch()))
            return fail(ok ? invites.lastError()
                           : QStringLiteral("revoke wants an invite's number (invite list)"));
        std::printf("revoked invite %lld\n", id);
        return 0;
    }
    return fail(QStringLiteral("unknown command '%1'; see invite --help").arg(args.join(' ')));
}
