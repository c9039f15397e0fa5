#include "loadbench.h"

#include "benchstats.h"
#include "loaddriver.h"
#include "loadfleet.h"
#include "processmemory.h"
#include "serverprocess.h"
#include "testbackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

struct LoadOptions {
    int devices = 1000;
    LoadPlan plan;
    // Empty: a new store in a temporary folder (SQLite, or with --postgres a new database in
    // that cluster, tests/support/testbackend.h); else the file or postgresql://… it names.
    QString db;
};

bool parse(int argc, char *argv[], LoadOptions *o)
{
    for (int i = 2; i < argc; ++i) {
        const char *name = argv[i];
        if (std::strcmp(name, "--postgres") == 0) { // main.cpp's (benchbackend.h)
            if (i + 1 < argc && std::strncmp(argv[i + 1], "postgresql://", 13) == 0)
                ++i;
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "qingshui-bench load: %s needs a value\n", name);
            return false;
        }
        const QString value = QString::fromLocal8Bit(argv[++i]);
        bool ok = true;
        if (std::strcmp(name, "--devices") == 0)
            o->devices = value.toInt(&ok);
        else if (std::strcmp(name, "--records") == 0)
            o->plan.records = value.toInt(&ok);
        else if (std::strcmp(name, "--batch") == 0)
            o->plan.batch = value.toInt(&ok);
        else if (std::strcmp(name, "--window-s") == 0)
            o->plan.windowS = value.toDouble(&ok);
        else if (std::strcmp(name, "--seed") == 0)
            o->plan.seed = value.toUInt(&ok);
        else if (std::strcmp(name, "--db") == 0)
            o->db = value;
        else
            ok = false;
        if (!ok || o->devices < 1 || o->plan.records < 1 || o->plan.batch < 1
            || o->plan.windowS < 0) {
            std::fprintf(stderr, "qingshui-bench load: bad option %s %s\n", name,
                         qPrintable(value));
            return false;
        }
    }
    return true;
}

// CPU seconds (user + system) the server has used so far; 0 if unreadable.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / sysconf(_SC_CLK_TCK);
}

} // namespace

int runLoadBench(int argc, char *argv[])
{
    LoadOptions options;
    if (!parse(argc, argv, &options))
        return 2;
    if (TestBackend::isPostgres() && !options.db.isEmpty()) {
        std::fprintf(stderr, "qingshui-bench load: --db or --postgres, not both\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString db
        = options.db.isEmpty() ? dir.filePath(QStringLiteral("server.db")) : options.db;

    // Set-up, before the clock: accounts, devices and tokens in the server's store.
    QElapsedTimer setup;
    setup.start();
    QList<LoadTablet> tablets;
    QString error;
    // The store the server will be given (ServerProcess maps db the same way).
    if (!enrolLoadTablets(TestBackend::dbArgument(db), options.devices, &tablets, &error)) {
        std::fprintf(stderr, "qingshui-bench load: cannot enrol the tablets: %s\n",
                     qPrintable(error));
        return 1;
    }
    std::fprintf(stderr, "enrolled %d tablets in %.1f s\n", options.devices,
                 setup.nsecsElapsed() / 1e9);

    ServerProcess server(db);
    if (!server.start({QStringLiteral("--blobs"), dir.filePath(QStringLiteral("blobs"))})) {
        std::fprintf(stderr, "qingshui-server did not start: %s\n",
                     qPrintable(server.errorOutput()));
        return 1;
    }
    // The server's output is read as it comes (its pipe must never fill); its errors kept.
    QString serverErrors;
    const LoadOutcome outcome = driveLoad(server.address(), tablets, options.plan, [&] {
        QCoreApplication::processEvents();
        serverErrors += server.errorOutput();
        serverErrors = serverErrors.right(4000);
    });
    const double rssMb = peakMemoryMiB(server.processId());
    const double serverCpuS = cpuSeconds(server.processId());

    printFigure("load_devices", options.devices, "devices");
    printFigure("load_records_per_s", outcome.recordsAcked / outcome.wallS, "records/s");
    printFigure("load_push_p50_ms", percentile(outcome.pushMs, 50), "ms");
    printFigure("load_push_p99_ms", percentile(outcome.pushMs, 99), "ms");
    printFigure("load_pull_p50_ms", percentile(outcome.pullMs, 50), "ms");
    printFigure("load_pull_p99_ms", percentile(outcome.pullMs, 99), "ms");
    printFigure("load_errors", outcome.errors, "errors");
    printFigure("server_peak_rss_mb", rssMb, "MB");
    printFigure("load_records", outcome.recordsAcked, "records");
    printFigure("load_wall_s", outcome.wallS, "s");
    printFigure("server_cpu_s", serverCpuS, "s");
    for (const QString &sample : outcome.errorSamples)
        std::fprintf(stderr, "error: %s\n", qPrintable(sample));
    if (outcome.errors > 0 && !serverErrors.isEmpty())
        std::fprintf(stderr, "the server said:\n%s\n", qPrintable(serverErrors));
    return outcome.errors == 0 ? 0 : 1;
}
