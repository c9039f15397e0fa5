// qingshui-bench SUITE [--postgres [URL]]: prints one `name value unit` line per figure.
#include "benchbackend.h"
#include "blobbench.h"
#include "initialsyncbench.h"
#include "kioskbench.h"
#include "ledgerbench.h"
#include "loadbench.h"
#include "loginbench.h"
#include "mapbench.h"
#include "mapmarkerbench.h"
#include "reportbench.h"
#include "reviewbench.h"
#include "storebench.h"
#include "syncbench.h"

#include <QApplication>
#include <QGuiApplication>
#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::fprintf(
            stderr,
            "usage: qingshui-bench store|sync|blobs|review|ledger|kiosk|load [--postgres [URL]]\n"
            "       qingshui-bench map [--basemap FILE.mbtiles] [--screenshot FILE.png]\n"
            "       qingshui-bench map-markers\n"
            "       qingshui-bench initial-sync [--records N] [--runs N]\n"
            "       qingshui-bench logins [--postgres [URL]] [server options]\n");
        return 2;
    }
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    // The review suite loads the dashboard's chart (Qt Charts draws through QGraphicsScene):
    // a QApplication, as the app makes in supervisor mode; the other suites the lighter one.
    const std::unique_ptr<QGuiApplication> app = std::strcmp(argv[1], "review") == 0
        ? std::make_unique<QApplication>(argc, argv)
        : std::make_unique<QGuiApplication>(argc, argv);
    BenchBackend backend; // the server's storage for the suites that start one
    if (!backend.setUp(argc, argv))
        return 1;
    if (std::strcmp(argv[1], "store") == 0)
        return runStoreBench();
    if (std::strcmp(argv[1], "sync") == 0)
        return runSyncBench();
    if (std::strcmp(argv[1], "initial-sync") == 0)
        return runInitialSyncBench(argc, argv);
    if (std::strcmp(argv[1], "review") == 0)
        return runReviewBench() != 0 || runReportBench() != 0 ? 1 : runLedgerBench();
    if (std::strcmp(argv[1], "blobs") == 0) // sync's photo upload alone
        return runBlobSuite();
    if (std::strcmp(argv[1], "ledger") == 0) // review's ledger figures alone
        return runLedgerBench();
    if (std::strcmp(argv[1], "map-markers") == 0)
        return runMapMarkerBench();
    if (std::strcmp(argv[1], "kiosk") == 0)
        return runKioskBench(argc, argv);
    if (std::strcmp(argv[1], "map") == 0)
        return runMapBench(argc, argv);
    if (std::strcmp(argv[1], "logins") == 0)
        return runLoginBench(QCoreApplication::arguments().mid(2));
    if (std::strcmp(argv[1], "load") == 0)
        return runLoadBench(argc, argv);
    std::fprintf(stderr, "qingshui-bench: unknown suite '%s'\n", argv[1]);
    return 2;
}
