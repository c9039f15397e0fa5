// qingshui-server: the central sync server, on an embedded SQLite file or on PostgreSQL.
//   qingshui-server --db FILE|postgresql://… [--blobs DIR] [--listen HOST:PORT] [--tls-cert PEM
//   --tls-key PEM]
//                   [--require-invite] [--recheck-radius-m METRES]
//   qingshui-server user add|list|disable|enable ... / device list|revoke|reassign ...
//   (admincommands)
//   qingshui-server invite --user NAME --address HOST:PORT ... / invite list|revoke ID
//   qingshui-server backup --db FILE --to FILE (backupcommand)
//   qingshui-server health --address HOST:PORT [--tls-ca PEM] (healthcommand)
//   qingshui-server basemap add FILE.mbtiles --scope CODE / basemap list|remove ID
//   (basemapcommands)
#include "admincommands.h"
#include "authenticator.h"
#include "authservice.h"
#include "backupcommand.h"
#include "basemapcatalog.h"
#include "basemapcommands.h"
#include "blobservice.h"
#include "blobstore.h"
#include "callidentities.h"
#include "calllog.h"
#include "catalogreplies.h"
#include "catalogservice.h"
#include "changestore.h"
#include "healthcommand.h"
#include "healthprobe.h"
#include "healthwatch.h"
#include "invitecommands.h"
#include "linewriter.h"
#include "loopback.h"
#include "referencecatalog.h"
#include "serverbackend.h"
#include "syncservice.h"
#include "templatecatalog.h"
#include "uploadstore.h"
#include "uploadsweep.h"
#include "workerpool.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

// Threads that store photo chunks (WorkerPool): a tablet sends four photos at once.
constexpr int kBlobDiskThreads = 8;

bool readFile(const QString &path, std::string *out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    *out = f.readAll().toStdString();
    return !out->empty();
}

int fail(const char *format, const QString &what)
{
    std::fprintf(stderr, "qingshui-server: ");
    std::fprintf(stderr, format, qPrintable(what));
    std::fprintf(stderr, "\n");
    return 2;
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
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments[1] == QLatin1String("invite"))
        return runInviteCommand(arguments);
    if (arguments.size() > 1 && arguments[1] == QLatin1String("backup"))
        return runBackupCommand(arguments);
    if (arguments.size() > 1 && arguments[1] == QLatin1String("health"))
        return runHealthCommand(arguments);
    if (arguments.size() > 1 && arguments[1] == QLatin1String("basemap"))
        return runBasemapCommand(arguments);
    if (arguments.size() > 1
        && QStringList({QStringLiteral("user"), QStringLiteral("device"),
                        QStringLiteral("template"), QStringLiteral("reference")})
               .contains(arguments[1]))
        return runAdminCommand(arguments);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Qingshui 清水巡查 sync server. Accounts: qingshui-server user --help; "
                       "tablets' enrolment codes: qingshui-server invite --help; offline "
                       "basemaps: qingshui-server basemap --help"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("db"),
         QStringLiteral("SQLite database file, or postgresql://… (libpq URI) for PostgreSQL."),
         QStringLiteral("PATH|URI")});
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Address to listen on; port 0 picks a free port."),
                      QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:50051")});
    parser.addOption({QStringLiteral("tls-cert"),
                      QStringLiteral("PEM certificate chain; with --tls-key, serves TLS."),
                      QStringLiteral("PEM")});
    parser.addOption(
        {QStringLiteral("tls-key"), QStringLiteral("PEM private key."), QStringLiteral("PEM")});
    parser.addOption({QStringLiteral("token-ttl"),
                      QStringLiteral("Seconds a login token stays valid (default 30 days)."),
                      QStringLiteral("SECONDS"), QString::number(30 * 24 * 3600)});
    parser.addOption({QStringLiteral("blobs"),
                      QStringLiteral("Folder for photos and other blobs (default: <db>.blobs; "
                                     "required with PostgreSQL: the folder every server "
                                     "shares)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("partial-max-age-days"),
                      QStringLiteral("Days an unfinished photo upload is kept without a new "
                                     "chunk before its bytes are deleted (default 14)."),
                      QStringLiteral("DAYS"), QStringLiteral("14")});
    parser.addOption({QStringLiteral("require-invite"),
                      QStringLiteral("New devices join only with an invite (qingshui-server "
                                     "invite); Login only lets a device already enrolled for "
                                     "the account in again.")});
    parser.addOption({QStringLiteral("login-workers"),
                      QStringLiteral("Password checks (Argon2id, 64 MiB each) run at once; "
                                     "default: the number of cores."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("login-queue"),
                      QStringLiteral("Logins and enrolments that may wait for a check; more "
                                     "are refused as busy (default: 8 per worker)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("health-interval"),
                      QStringLiteral("Seconds between checks of the database for the health "
                                     "service (grpc.health.v1.Health; default 5)."),
                      QStringLiteral("SECONDS"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("recheck-radius-m"),
                      QStringLiteral("Metres from where a problem was found within which a "
                                     "re-check counts as on site; farther needs a reason "
                                     "(default %1).")
                          .arg(kDefaultRecheckRadiusM),
                      QStringLiteral("METRES"), QString::number(kDefaultRecheckRadiusM)});
    parser.addOption({QStringLiteral("shutdown-grace"),
                      QStringLiteral("Seconds the calls under way get to finish after SIGTERM; "
                                     "the rest are cancelled and tablets retry (default 10)."),
                      QStringLiteral("SECONDS"), QStringLiteral("10")});
    // Hidden: for the tests that a device still syncs with a server older than issue 18.
    QCommandLineOption pullWithoutCatalog(
        QStringLiteral("pull-without-catalog"),
        QStringLiteral("Pull ignores the catalogue questions, as servers before issue 18."));
    pullWithoutCatalog.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(pullWithoutCatalog);
    parser.process(app);

    if (!parser.positionalArguments().isEmpty())
        return fail("unknown command '%s'; see --help",
                    parser.positionalArguments().join(QLatin1Char(' ')));
    if (!parser.isSet(QStringLiteral("db")))
        return fail("%s", QStringLiteral("--db PATH is required"));
    const QString listen = parser.value(QStringLiteral("listen"));
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = listen.mid(colon + 1).toInt(&portOk);
    if (colon <= 0 || !portOk || port < 0 || port > 65535)
        return fail("--listen wants HOST:PORT, got '%s'", listen);
    const QString host = listen.left(colon);
    bool ageOk = false;
    const double partialMaxAgeDays
        = parser.value(QStringLiteral("partial-max-age-days")).toDouble(&ageOk);
    if (!ageOk || partialMaxAgeDays <= 0)
        return fail("--partial-max-age-days wants a positive number, got '%s'",
                    parser.value(QStringLiteral("partial-max-age-days")));
    bool ttlOk = false;
    const qint64 tokenTtlS = parser.value(QStringLiteral("token-ttl")).toLongLong(&ttlOk);
    if (!ttlOk || tokenTtlS <= 0)
        return fail("--token-ttl wants a positive number of seconds, got '%s'",
                    parser.value(QStringLiteral("token-ttl")));

    bool workersOk = false;
    const int loginWorkers = parser.value(QStringLiteral("login-workers")).toInt(&workersOk);
    if (!workersOk || loginWorkers < 0)
        return fail("--login-workers wants a number (0: the cores), got '%s'",
                    parser.value(QStringLiteral("login-workers")));
    bool queueOk = true;
    const int loginQueue = parser.isSet(QStringLiteral("login-queue"))
        ? parser.value(QStringLiteral("login-queue")).toInt(&queueOk)
        : -1;
    if (!queueOk || (parser.isSet(QStringLiteral("login-queue")) && loginQueue < 0))
        return fail("--login-queue wants a number, got '%s'",
                    parser.value(QStringLiteral("login-queue")));
    bool intervalOk = false;
    const double healthIntervalS
        = parser.value(QStringLiteral("health-interval")).toDouble(&intervalOk);
    if (!intervalOk || healthIntervalS <= 0)
        return fail("--health-interval wants a positive number of seconds, got '%s'",
                    parser.value(QStringLiteral("health-interval")));
    bool graceOk = false;
    const double shutdownGraceS = parser.value(QStringLiteral("shutdown-grace")).toDouble(&graceOk);
    if (!graceOk || shutdownGraceS < 0)
        return fail("--shutdown-grace wants a number of seconds, got '%s'",
                    parser.value(QStringLiteral("shutdown-grace")));
    bool radiusOk = false;
    const double recheckRadiusM
        = parser.value(QStringLiteral("recheck-radius-m")).toDouble(&radiusOk);
    if (!radiusOk || recheckRadiusM <= 0)
        return fail("--recheck-radius-m wants a positive number of metres, got '%s'",
                    parser.value(QStringLiteral("recheck-radius-m")));

    std::shared_ptr<grpc::ServerCredentials> credentials;
    const bool tls
        = parser.isSet(QStringLiteral("tls-cert")) || parser.isSet(QStringLiteral("tls-key"));
    if (tls) {
        grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
        if (!readFile(parser.value(QStringLiteral("tls-cert")), &pair.cert_chain))
            return fail("cannot read the TLS certificate '%s'", parser.value("tls-cert"));
        if (!readFile(parser.value(QStringLiteral("tls-key")), &pair.private_key))
            return fail("cannot read the TLS key '%s'", parser.value("tls-key"));
        grpc::SslServerCredentialsOptions options;
        options.pem_key_cert_pairs.push_back(pair);
        credentials = grpc::SslServerCredentials(options);
    } else if (!isLoopbackHost(host)) {
        return fail("refusing plaintext on %s; listen on 127.0.0.1 or [::1], or give "
                    "--tls-cert and --tls-key",
                    host);
    } else {
        credentials = grpc::InsecureServerCredentials();
    }

    QString openError;
    const std::unique_ptr<ServerBackend> db
        = ServerBackend::open(parser.value(QStringLiteral("db")), &openError);
    if (!db) {
        std::fprintf(stderr, "qingshui-server: %s\n", qPrintable(openError));
        return 1;
    }
    const QString blobFolder = parser.isSet(QStringLiteral("blobs"))
        ? parser.value(QStringLiteral("blobs"))
        : db->defaultBlobFolder();
    if (blobFolder.isEmpty())
        return fail("%s",
                    QStringLiteral("--blobs DIR is required with PostgreSQL: the folder "
                                   "for photos that every server reaches"));
    TemplateCatalog templates(db->catalog());
    QString templateError;
    if (!templates.addBundled(&templateError)) {
        std::fprintf(stderr, "qingshui-server: %s\n", qPrintable(templateError));
        return 1;
    }
    BlobStore blobStore(blobFolder);
    if (QString error; !blobStore.open(&error)) {
        std::fprintf(stderr, "qingshui-server: %s\n", qPrintable(error));
        return 1;
    }
    const std::unique_ptr<ChangeStore> changes = db->changeStore(blobStore);
    changes->setRecheckRadiusM(recheckRadiusM);
    // One line per call on stdout (calllog.h); the Authenticator names who made it.
    LineWriter callLogOutput(stdout);
    CallIdentities callers;
    Authenticator authenticator(db->accounts(), &callers);
    ReferenceCatalog reference(db->catalog());
    BasemapCatalog basemaps(db->catalog(), blobStore);
    CatalogReplies catalogReplies(templates, reference, basemaps);
    // --pull-without-catalog: Pull answers as before issue 18 (tests of new devices against
    // older servers).
    SyncService sync(*changes, authenticator,
                     parser.isSet(QStringLiteral("pull-without-catalog")) ? nullptr
                                                                          : &catalogReplies);
    const bool requireInvite = parser.isSet(QStringLiteral("require-invite"));
    // Declared before the server: it outlives the calls it answers.
    WorkerPool loginWorkerThreads(loginWorkers, loginQueue);
    AuthService auth(db->accounts(), db->invites(), authenticator, loginWorkerThreads,
                     tokenTtlS * 1000, requireInvite);
    CatalogService catalog(*changes, catalogReplies, authenticator,
                           QStringLiteral(QINGSHUI_VERSION));
    const std::unique_ptr<UploadStore> uploads = db->uploadStore();
    // Photo chunks wait on the disk (writes, the last one's hash and fsyncs): enough threads
    // that the uploads of several tablets overlap their waits.
    WorkerPool blobDiskThreads(kBlobDiskThreads, 0);
    BlobService blobs(blobStore, *changes, *uploads, authenticator, blobDiskThreads);

    grpc::EnableDefaultHealthCheckService(true); // grpc.health.v1.Health, kept by HealthWatch
    grpc::ServerBuilder builder;
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> logs;
    logs.push_back(std::make_unique<CallLogFactory>(callers, callLogOutput));
    builder.experimental().SetInterceptorCreators(std::move(logs));
    int chosenPort = 0;
    builder.AddListeningPort(listen.toStdString(), credentials, &chosenPort);
    builder.RegisterService(&sync);
    builder.RegisterService(&auth);
    builder.RegisterService(&catalog);
    builder.RegisterService(&blobs);
    builder.SetMaxReceiveMessageSize(32 * 1024 * 1024);
    std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
    if (!server || chosenPort == 0) {
        std::fprintf(stderr, "qingshui-server: cannot listen on %s\n", qPrintable(listen));
        return 1;
    }
    const std::unique_ptr<HealthProbe> probe = db->healthProbe();
    HealthWatch health(
        *probe, *server->GetHealthCheckService(),
        {qingshui::v1::Sync::service_full_name(), qingshui::v1::Auth::service_full_name(),
         qingshui::v1::Catalog::service_full_name(), qingshui::v1::Blobs::service_full_name()},
        std::chrono::milliseconds(qint64(healthIntervalS * 1000)));
    std::printf("qingshui-server listening on %s:%d epoch %s%s\n", qPrintable(host), chosenPort,
                qPrintable(db->epoch()), tls ? " tls" : "");
    if (requireInvite)
        std::printf("qingshui-server: new devices join only with an invite\n");
    std::printf("qingshui-server: %d password checks at once, %d waiting at most\n",
                loginWorkerThreads.threads(), loginWorkerThreads.queueLength());
    std::fflush(stdout);

    // Abandoned partial uploads are swept at start and once a day.
    std::mutex sweepMutex;
    std::condition_variable sweepWake;
    bool stopping = false;
    std::thread sweeper([&] {
        const auto maxAgeMs = qint64(partialMaxAgeDays * 24 * 3600 * 1000);
        std::unique_lock lock(sweepMutex);
        do {
            QString error;
            const int removed = sweepAbandonedUploads(*uploads, blobStore, maxAgeMs, &error);
            if (removed < 0)
                std::fprintf(stderr, "qingshui-server: %s\n", qPrintable(error));
            else if (removed > 0)
                std::printf("qingshui-server removed %d abandoned partial uploads\n", removed);
            std::fflush(stdout);
        } while (!sweepWake.wait_for(lock, std::chrono::hours(24), [&] { return stopping; }));
    });

    std::thread stopper([&] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        health.stop(); // load balancers send no new calls here
        // Long calls (a health Watch, a slow upload) are cancelled after the grace.
        server->Shutdown(std::chrono::system_clock::now()
                         + std::chrono::milliseconds(qint64(shutdownGraceS * 1000)));
    });
    server->Wait();
    stopper.join();
    {
        std::lock_guard lock(sweepMutex);
        stopping = true;
    }
    sweepWake.notify_one();
    sweeper.join();
    std::printf("qingshui-server stopped\n");
    return 0;
}
