#include "basemapcommands.h"

#include "basemapcatalog.h"
#include "blobstore.h"
#include "serverbackend.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QLocale>

#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "qingshui-server: %s\n", qPrintable(message));
    return 1;
}

QString stateOf(const CatalogStore::Basemap &b)
{
    if (b.retiredAtMs == 0)
        return QStringLiteral("current");
    return b.retiredWhy + QLatin1Char(' ')
        + QDateTime::fromMSecsSinceEpoch(b.retiredAtMs, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

int runBasemapCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "qingshui-server basemap add FILE.mbtiles --scope CODE [--name NAME]\n"
        "qingshui-server basemap list | basemap remove ID\n"
        "A package serves the devices of its county or township (and of the county a "
        "township lies in, or the townships of a county); a newer package for the same "
        "scope supersedes the older."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("SQLite database file, or postgresql://… for PostgreSQL."),
                 QStringLiteral("PATH|URI")});
    p.addOption({QStringLiteral("blobs"),
                 QStringLiteral("The blob folder the server uses (default: beside an SQLite "
                                "file; required with PostgreSQL)."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("scope"),
                 QStringLiteral("County (6-digit) or township "
                                "(9-digit) code the package covers."),
                 QStringLiteral("CODE")});
    p.addOption({QStringLiteral("name"),
                 QStringLiteral("Name shown on the tablets (default: the file's metadata)."),
                 QStringLiteral("NAME")});
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("add|list|remove"));
    if (!p.parse(arguments))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    const QStringList args = p.positionalArguments();
    if (!p.isSet(QStringLiteral("db")))
        return fail(QStringLiteral("--db PATH is required"));
    QString error;
    const std::unique_ptr<ServerBackend> db
        = ServerBackend::open(p.value(QStringLiteral("db")), &error);
    if (!db)
        return fail(error);
    const QString blobFolder = p.isSet(QStringLiteral("blobs")) ? p.value(QStringLiteral("blobs"))
                                                                : db->defaultBlobFolder();
    if (blobFolder.isEmpty())
        return fail(QStringLiteral("--blobs DIR is required with PostgreSQL: the folder the "
                                   "servers share"));
    BlobStore blobs(blobFolder);
    if (!blobs.open(&error))
        return fail(error);
    BasemapCatalog catalog(db->catalog(), blobs);
    const QString verb = args.value(1), object = args.value(2);

    if (verb == QLatin1String("add") && !object.isEmpty()) {
        if (!p.isSet(QStringLiteral("scope")))
            return fail(QStringLiteral("basemap add FILE needs --scope CODE (county or township)"));
        CatalogStore::Basemap added;
        if (!catalog.add(object, p.value(QStringLiteral("scope")), p.value(QStringLiteral("name")),
                         QDateTime::currentMSecsSinceEpoch(), &added, &error))
            return fail(QStringLiteral("%1: %2").arg(object, error));
        std::printf("added basemap %lld \"%s\" for %s (%s, %s bytes, sha256 %s)\n", added.id,
                    qPrintable(added.name), qPrintable(added.scopeCode), qPrintable(added.datum),
                    qPrintable(QString::number(added.sizeBytes)), qPrintable(added.sha256));
        return 0;
    }
    if (verb == QLatin1String("list")) {
        QList<CatalogStore::Basemap> all;
        if (!catalog.list(&all, &error))
            return fail(error);
        for (const CatalogStore::Basemap &b : std::as_const(all)) {
            std::printf(
                "%lld\t%s\t%s\t%s\t%lld\t%s\t%s\t%s\n", b.id, qPrintable(b.scopeCode),
                qPrintable(b.name), qPrintable(b.datum), b.sizeBytes,
                qPrintable(
                    QDateTime::fromMSecsSinceEpoch(b.addedAtMs, Qt::UTC).toString(Qt::ISODate)),
                qPrintable(stateOf(b)), qPrintable(b.sha256));
        }
        return 0;
    }
    if (verb == QLatin1String("remove") && !object.isEmpty()) {
        bool ok = false;
        const qint64 id = object.toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("basemap remove ID: '%1' is not a number").arg(object));
        if (!catalog.remove(id, QDateTime::currentMSecsSinceEpoch(), &error))
            return fail(error);
        std::printf("removed basemap %lld (devices delete it at their next sync unless it is "
                    "the only one they have)\n",
                    id);
        return 0;
    }
    return fail(QStringLiteral("unknown command '%1'; see basemap --help").arg(args.join(' ')));
}
