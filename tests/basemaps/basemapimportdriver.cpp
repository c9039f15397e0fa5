// Imports a basemap file by hand as the settings page does (BasemapController::importFile),
// in a process of its own so that a test can hold it to a file-size limit (a full disk).
//   basemapimportdriver DB DIR FILE
// Prints "imported NAME" or "refused TEXT" (the user's words), then "current PATH" or
// "current none"; exit 0 when imported, 1 when refused.
#include "controllers/basemapcontroller.h"
#include "storage/database.h"

#include <QGuiApplication>
#include <QUrl>
#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: basemapimportdriver DB DIR FILE\n");
        return 2;
    }
    Database db;
    if (!db.open(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 2;
    }
    BasemapController::Options options;
    options.databasePath = db.path();
    options.directory = QString::fromLocal8Bit(argv[2]);
    options.marginBytes = 0;
    BasemapController basemaps(db.connection(), options, nullptr);
    const bool imported = basemaps.importFile(QUrl::fromLocalFile(QString::fromLocal8Bit(argv[3])));
    if (imported)
        std::printf("imported %s\n", qPrintable(basemaps.current().name));
    else
        std::printf("refused %s\n", qPrintable(basemaps.lastError()));
    std::printf("current %s\n",
                basemaps.current().valid ? qPrintable(basemaps.current().path) : "none");
    return imported ? 0 : 1;
}
