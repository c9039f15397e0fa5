#include "backupcommand.h"

#include "postgres/pgdatabase.h"
#include "sqlitebackup.h"

#include <QCommandLineParser>

#include <cstdio>

namespace {

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "qingshui-server backup: %s\n", qPrintable(message));
    return code;
}

} // namespace

int runBackupCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "qingshui-server backup --db FILE --to FILE\n"
        "An online, consistent copy of the server's SQLite database, checked before it is "
        "put in place; the server may go on running. Photos (--blobs) are copied apart."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("The server's SQLite database file."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("to"),
                 QStringLiteral("The copy; replaced only once the new copy is complete."),
                 QStringLiteral("FILE")});
    if (!p.parse(arguments.mid(1)))
        return fail(2, p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    if (!p.positionalArguments().isEmpty())
        return fail(2,
                    QStringLiteral("unexpected '%1'; see --help")
                        .arg(p.positionalArguments().join(QLatin1Char(' '))));
    if (!p.isSet(QStringLiteral("db")) || !p.isSet(QStringLiteral("to")))
        return fail(2, QStringLiteral("--db FILE and --to FILE are required"));
    const QString db = p.value(QStringLiteral("db"));
    if (PgDatabase::isUri(db))
        // The URL is not repeated: it may hold a password.
        return fail(2,
                    QStringLiteral("--db names a PostgreSQL database: back it up with pg_dump, "
                                   "pg_dump --format=custom --file FILE.dump 'postgresql://…' with "
                                   "the same URL (platforms/server/README.md, \"Back-ups\")"));

    SqliteBackupInfo info;
    QString error;
    if (!backUpSqlite(db, p.value(QStringLiteral("to")), &info, &error))
        return fail(1, error);
    std::printf("backed up %s to %s: schema %d, epoch %s, server_seq %lld, %lld bytes, "
                "integrity ok\n",
                qPrintable(db), qPrintable(p.value(QStringLiteral("to"))), info.schema,
                qPrintable(info.epoch), static_cast<long long>(info.lastSeq),
                static_cast<long long>(info.bytes));
    return 0;
}
