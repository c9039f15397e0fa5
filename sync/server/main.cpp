// qingshui-server: the central sync server on an embedded SQLite file.
#include "sqliteserverstore.h"
#include "syncservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

#include <grpcpp/grpcpp.h>

#include <csignal>
#include <cstdio>
#include <thread>

namespace {

// Plaintext gRPC is for loopback only; anything else needs TLS, which comes with enrolment.
bool isLoopback(const QString &host)
{
    static const QRegularExpression ipv4Loopback(QStringLiteral("^127(\\.\\d{1,3}){3}$"));
    return host == QLatin1String("localhost") || host == QLatin1String("[::1]")
        || ipv4Loopback.match(host).hasMatch();
}

} // namespace

int main(int argc, char *argv[])
{
    // Block the stop signals in every thread; one thread waits for them and shuts down.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qingshui-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QINGSHUI_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Qingshui 清水巡查 sync server"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("SQLite database file."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Address to listen on; port 0 picks a free port."),
                      QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:50051")});
    parser.process(app);

    if (!parser.isSet(QStringLiteral("db"))) {
        std::fprintf(stderr, "qingshui-server: --db PATH is required\n");
        return 2;
    }
    const QString listen = parser.value(QStringLiteral("listen"));
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = listen.mid(colon + 1).toInt(&portOk);
    if (colon <= 0 || !portOk || port < 0 || port > 65535) {
        std::fprintf(stderr, "qingshui-server: --listen wants HOST:PORT, got '%s'\n",
                     qPrintable(listen));
        return 2;
    }
    const QString host = listen.left(colon);
    if (!isLoopback(host)) {
        std::fprintf(stderr,
                     "qingshui-server: refusing plaintext on %s; listen on 127.0.0.1 or [::1]\n",
                     qPrintable(host));
        return 2;
    }

    SqliteServerStore store;
    if (!store.open(parser.value(QStringLiteral("db")))) {
        std::fprintf(stderr, "qingshui-server: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    SyncService service(store);

    grpc::ServerBuilder builder;
    int chosenPort = 0;
    builder.AddListeningPort(listen.toStdString(), grpc::InsecureServerCredentials(), &chosenPort);
    builder.RegisterService(&service);
    builder.SetMaxReceiveMessageSize(32 * 1024 * 1024);
    std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
    if (!server || chosenPort == 0) {
        std::fprintf(stderr, "qingshui-server: cannot listen on %s\n", qPrintable(listen));
        return 1;
    }
    std::printf("qingshui-server listening on %s:%d epoch %s\n", qPrintable(host), chosenPort,
                qPrintable(store.epoch()));
    std::fflush(stdout);

    std::thread stopper([&] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        server->Shutdown();
    });
    server->Wait();
    stopper.join();
    std::printf("qingshui-server stopped\n");
    return 0;
}
