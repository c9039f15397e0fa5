#include "admincommands.h"

#include "accountstore.h"
#include "domain/passwordhash.h"
#include "referencecatalog.h"
#include "serverbackend.h"
#include "templatecatalog.h"

#include <QFile>

#include <QCommandLineParser>
#include <QDateTime>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace {

const QStringList kRoles {QStringLiteral("inspector"), QStringLiteral("supervisor"),
                          QStringLiteral("admin"), QStringLiteral("kiosk")};

int fail(const QString &message)
{
    std::fprintf(stderr, "qingshui-server: %s\n", qPrintable(message));
    return 1;
}

QString roleName(Caller::Role role)
{
    return kRoles.value(static_cast<int>(role) - 1);
}

QString readPassword()
{
    QTextStream in(stdin);
    return in.readLine();
}

int addUser(AccountStore &accounts, const QCommandLineParser &p, const QString &username)
{
    const int roleIndex = kRoles.indexOf(p.value(QStringLiteral("role")));
    if (roleIndex < 0)
        return fail(QStringLiteral("--role must be one of %1").arg(kRoles.join(QLatin1Char('|'))));
    Account account;
    account.username = username;
    account.displayName = p.isSet(QStringLiteral("display-name"))
        ? p.value(QStringLiteral("display-name"))
        : username;
    account.role = static_cast<Caller::Role>(roleIndex + 1);
    static const QRegularExpression code(QStringLiteral("^\\d{2,12}$"));
    for (const QString &value : p.values(QStringLiteral("scope"))) {
        for (const QString &c : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!code.match(c).hasMatch())
                return fail(QStringLiteral("scope '%1' is not an NBS region code").arg(c));
            account.scopeCodes << c;
        }
    }
    const bool needsScope
        = account.role == Caller::Role::Inspector || account.role == Caller::Role::Supervisor;
    if (needsScope && account.scopeCodes.isEmpty())
        return fail(QStringLiteral("an %1 needs --scope CODE (county or township)")
                        .arg(roleName(account.role)));
    const QString password = readPassword();
    if (password.size() < 8)
        return fail(QStringLiteral("the password (read from standard input) must have at "
                                   "least 8 characters"));
    if (!PasswordHash::make(password, &account.passwordHash))
        return fail(QStringLiteral("cannot hash the password"));
    if (accounts.findAccount(username))
        return fail(QStringLiteral("user '%1' exists already").arg(username));
    if (!accounts.addAccount(account))
        return fail(accounts.lastError());
    std::printf("added %s (%s, scope %s)\n", qPrintable(username),
                qPrintable(roleName(account.role)),
                qPrintable(account.scopeCodes.isEmpty() ? QStringLiteral("-")
                                                        : account.scopeCodes.join(',')));
    return 0;
}

} // namespace

int runAdminCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "qingshui-server user add NAME --role R [--scope CODE]... (password on stdin)\n"
        "qingshui-server user list | user disable NAME | user enable NAME\n"
        "qingshui-server device list | device revoke DEVICE_ID\n"
        "qingshui-server template list | template add FILE.json\n"
        "qingshui-server reference version | reference load FOLDER "
        "(units/townships/villages.csv)"));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("SQLite database file, or postgresql://… for PostgreSQL."),
                 QStringLiteral("PATH|URI")});
    p.addOption({QStringLiteral("role"), QStringLiteral("inspector|supervisor|admin|kiosk"),
                 QStringLiteral("ROLE")});
    p.addOption({QStringLiteral("scope"),
                 QStringLiteral("County or township code; repeat or separate with commas."),
                 QStringLiteral("CODE")});
    p.addOption({QStringLiteral("display-name"), QStringLiteral("Name shown in the app."),
                 QStringLiteral("NAME")});
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("user|device"));
    if (!p.parse(arguments))
        return fail(p.errorText());
    const QStringList args = p.positionalArguments();
    if (!p.isSet(QStringLiteral("db")))
        return fail(QStringLiteral("--db PATH is required"));
    QString openError;
    const std::unique_ptr<ServerBackend> db
        = ServerBackend::open(p.value(QStringLiteral("db")), &openError);
    if (!db)
        return fail(openError);
    AccountStore &accounts = db->accounts();
    const QString noun = args.value(0), verb = args.value(1), object = args.value(2);

    if (noun == QLatin1String("user") && verb == QLatin1String("add") && !object.isEmpty())
        return addUser(accounts, p, object);
    if (noun == QLatin1String("user") && verb == QLatin1String("list")) {
        for (const Account &a : accounts.accounts()) {
            std::printf(
                "%s\t%s\t%s\t%s\t%s\n", qPrintable(a.username), qPrintable(roleName(a.role)),
                qPrintable(a.scopeCodes.isEmpty() ? QStringLiteral("-") : a.scopeCodes.join(',')),
                a.disabled ? "disabled" : "active", qPrintable(a.displayName));
        }
        return 0;
    }
    if (noun == QLatin1String("user")
        && (verb == QLatin1String("disable") || verb == QLatin1String("enable"))
        && !object.isEmpty()) {
        if (!accounts.setDisabled(object, verb == QLatin1String("disable")))
            return fail(accounts.lastError());
        std::printf("%sd %s\n", qPrintable(verb), qPrintable(object));
        return 0;
    }
    if (noun == QLatin1String("device") && verb == QLatin1String("list")) {
        for (const Device &d : accounts.devices()) {
            std::printf("%s\t%s\t%s\t%s\n", qPrintable(d.id), qPrintable(d.username),
                        d.revokedAtMs > 0 ? "revoked" : "active", qPrintable(d.name));
        }
        return 0;
    }
    if (noun == QLatin1String("device") && verb == QLatin1String("revoke") && !object.isEmpty()) {
        if (!accounts.revokeDevice(object, QDateTime::currentMSecsSinceEpoch()))
            return fail(accounts.lastError());
        std::printf("revoked %s\n", qPrintable(object));
        return 0;
    }
    if (noun == QLatin1String("template")) {
        TemplateCatalog templates(db->catalog());
        QString error;
        if (!templates.addBundled(&error))
            return fail(error);
        if (verb == QLatin1String("list")) {
            for (const QString &line : templates.list())
                std::printf("%s\n", qPrintable(line));
            return 0;
        }
        if (verb == QLatin1String("add") && !object.isEmpty()) {
            QFile file(object);
            if (!file.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("cannot read %1").arg(object));
            if (!templates.add(file.readAll(), &error))
                return fail(QStringLiteral("%1: %2").arg(object, error));
            std::printf("added %s\n", qPrintable(object));
            return 0;
        }
    }
    if (noun == QLatin1String("reference")) {
        ReferenceCatalog reference(db->catalog());
        if (verb == QLatin1String("version")) {
            std::printf("%d\n", reference.latestVersion());
            return 0;
        }
        if (verb == QLatin1String("load") && !object.isEmpty()) {
            QString error;
            const int version = reference.load(object, &error);
            if (version < 0)
                return fail(QStringLiteral("%1: %2").arg(object, error));
            std::printf("loaded %s as reference version %d\n", qPrintable(object), version);
            return 0;
        }
    }
    return fail(QStringLiteral("unknown command '%1'; see --help").arg(args.join(' ')));
}
