#include "loginbench.h"

#include "benchstats.h"
#include "processmemory.h"
#include "serverprocess.h"
#include "synctransport.h"

#include "qingshui/v1/auth.pb.h"

#include <grpcpp/grpcpp.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QUuid>

#include <chrono>
#include <cstdio>
#include <future>
#include <thread>
#include <vector>

namespace {

constexpr int kAttempts = 200;
constexpr int kAccounts = 10;

struct Answer {
    bool ok = false;
    bool busy = false;
    double ms = 0;
};

// One login, its connection made first; sent when `go` is set, timed from then.
Answer attempt(const QString &address, int i, std::shared_future<void> go)
{
    SyncTransport transport(address, 60000);
    transport.setBusyRetries(0); // the server's own answer
    transport.channel()->WaitForConnected(std::chrono::system_clock::now()
                                          + std::chrono::seconds(30));
    qingshui::v1::LoginRequest request;
    request.set_username(QStringLiteral("bench%1").arg(i % kAccounts).toStdString());
    request.set_password(ServerProcess::kPassword);
    request.set_device_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    request.set_device_name("bench");
    qingshui::v1::LoginResponse response;
    go.wait();
    QElapsedTimer clock;
    clock.start();
    Answer answer;
    answer.ok = transport.login(request, &response);
    answer.ms = clock.nsecsElapsed() / 1e6;
    answer.busy = transport.lastRefusal().code == QLatin1String("server_busy");
    return answer;
}

} // namespace

int runLoginBench(const QStringList &arguments)
{
    // --postgres [URL] is the bench's own (BenchBackend); the rest goes to the server.
    QStringList serverArgs = arguments;
    const qsizetype postgres = serverArgs.indexOf(QStringLiteral("--postgres"));
    if (postgres >= 0) {
        const bool withUrl = postgres + 1 < serverArgs.size()
            && serverArgs[postgres + 1].startsWith(QLatin1String("postgresql://"));
        serverArgs.remove(postgres, withUrl ? 2 : 1);
    }
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    for (int i = 0; i < kAccounts; ++i) {
        if (!server.addUser(QStringLiteral("bench%1").arg(i), QStringLiteral("inspector"),
                            QStringLiteral("411326"))) {
            std::fprintf(stderr, "user add failed: %s\n", qPrintable(server.adminOutput()));
            return 1;
        }
    }
    if (!server.start(serverArgs)) {
        std::fprintf(stderr, "qingshui-server did not start\n");
        return 1;
    }
    const double idleMiB = peakMemoryMiB(server.pid());
    std::promise<void> start;
    const std::shared_future<void> go = start.get_future().share();
    std::vector<std::future<Answer>> answers;
    for (int i = 0; i < kAttempts; ++i)
        answers.push_back(std::async(std::launch::async, attempt, server.address(), i, go));
    std::this_thread::sleep_for(std::chrono::seconds(2)); // the connections are made
    start.set_value();
    QList<double> ms;
    int ok = 0, busy = 0, other = 0;
    for (auto &answer : answers) {
        const Answer a = answer.get();
        ms << a.ms;
        ok += a.ok;
        busy += a.busy;
        other += !a.ok && !a.busy;
    }
    printFigure("login_parallel_attempts", kAttempts, "calls");
    printFigure("login_ok", ok, "calls");
    printFigure("login_busy", busy, "calls");
    printFigure("login_other_answers", other, "calls");
    printFigure("login_p50_ms", percentile(ms, 50), "ms");
    printFigure("login_p99_ms", percentile(ms, 99), "ms");
    printFigure("login_server_idle_rss_mb", idleMiB, "MiB");
    printFigure("login_peak_rss_mb", peakMemoryMiB(server.pid()), "MiB");
    // What the server ran at once: --login-workers, else its default, the cores.
    const qsizetype workers = serverArgs.indexOf(QStringLiteral("--login-workers"));
    printFigure("login_checks_at_once",
                workers >= 0 ? serverArgs.value(workers + 1).toDouble()
                             : std::max(1u, std::thread::hardware_concurrency()),
                "threads");
    return other == 0 ? 0 : 1;
}
