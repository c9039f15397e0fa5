#pragma once

#include "serverprocess.h"
#include "testbackend.h"
#include "testmbtiles.h"

#include <QRegularExpression>
#include <QString>

// The server's half of a basemap journey: an MBTiles file made as the field's tools write one
// (testmbtiles.h) and registered with `qingshui-server basemap add`, as an administrator
// does, on whichever backend the test runs. The blob folder is the one ServerProcess gives
// the server (beside the store's path on both backends).
struct BasemapServer {
    // A small basemap over Xichuan (411326) at zooms 8 and 9, with metadata as given.
    static bool writeFile(const QString &path, const TestMbtiles &tiles = {})
    {
        return tiles.write(path, {{8, 207, 208, 102, 103}, {9, 414, 417, 204, 207}});
    }

#ifdef QS_DEMO_BASEMAP
    // The demo basemap the build makes (app/data/basemaps, the lead's GDAL script) for a scope:
    // what a journey's server offers its tablets.
    static bool addDemo(ServerProcess &server, const QString &dbPath, const QString &scope)
    {
        return add(server, dbPath, QStringLiteral(QS_DEMO_BASEMAP), scope,
                   QStringLiteral("演示底图"));
    }
#endif

    // `qingshui-server basemap add FILE --scope CODE [--name NAME]`; true on exit 0. The
    // command's output (what it added, or why not) is server.adminOutput().
    static bool add(ServerProcess &server, const QString &dbPath, const QString &file,
                    const QString &scope, const QString &name = {})
    {
        QStringList args {QStringLiteral("basemap"),
                          QStringLiteral("add"),
                          file,
                          QStringLiteral("--db"),
                          dbPath,
                          QStringLiteral("--scope"),
                          scope};
        if (!name.isEmpty())
            args << QStringLiteral("--name") << name;
        return server.runAdmin(args + blobArgs(dbPath));
    }
    static bool run(ServerProcess &server, const QString &dbPath, const QStringList &command)
    {
        return server.runAdmin(QStringList {QStringLiteral("basemap")} + command
                               + QStringList {QStringLiteral("--db"), dbPath} + blobArgs(dbPath));
    }
    // The id `basemap add` printed ("added basemap 3 …"), 0 if none.
    static qint64 addedId(const QString &output)
    {
        static const QRegularExpression added(QStringLiteral("added basemap (\\d+)"));
        return added.match(output).captured(1).toLongLong();
    }
    // The SHA-256 `basemap add` printed.
    static QString addedSha256(const QString &output)
    {
        static const QRegularExpression sha(QStringLiteral("sha256 ([0-9a-f]{64})"));
        return sha.match(output).captured(1);
    }

private:
    static QStringList blobArgs(const QString &dbPath)
    {
        if (!TestBackend::isPostgres())
            return {};
        return {QStringLiteral("--blobs"), dbPath + QStringLiteral(".blobs")};
    }
};
