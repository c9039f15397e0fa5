#include "healthcommand.h"

#include "grpc/health/v1/health.grpc.pb.h"

#include <QCommandLineParser>
#include <QFile>

#include <grpcpp/grpcpp.h>

#include <cstdio>

namespace health = grpc::health::v1;

namespace {

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "qingshui-server health: %s\n", qPrintable(message));
    return code;
}

} // namespace

int runHealthCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "qingshui-server health --address HOST:PORT [--tls-ca PEM [--tls-name NAME]] "
        "[--service NAME]\n"
        "Asks a running server's health service once. Exit code: 0 SERVING, 1 NOT_SERVING, "
        "3 no answer."));
    p.addHelpOption();
    p.addOption({QStringLiteral("address"), QStringLiteral("The server's address."),
                 QStringLiteral("HOST:PORT")});
    p.addOption({QStringLiteral("tls-ca"),
                 QStringLiteral("Speak TLS and trust this certificate (the server's own, or "
                                "its CA); without it, plaintext (loopback only)."),
                 QStringLiteral("PEM")});
    p.addOption({QStringLiteral("tls-name"),
                 QStringLiteral("The name the certificate must carry (default: the address's "
                                "host), when servers behind one name are asked by their IP."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("service"),
                 QStringLiteral("A service, e.g. qingshui.v1.Sync (default: the server)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("timeout"), QStringLiteral("Seconds to wait (default 5)."),
                 QStringLiteral("SECONDS"), QStringLiteral("5")});
    if (!p.parse(arguments.mid(1)))
        return fail(2, p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    if (!p.isSet(QStringLiteral("address")))
        return fail(2, QStringLiteral("--address HOST:PORT is required"));
    bool timeoutOk = false;
    const double timeoutS = p.value(QStringLiteral("timeout")).toDouble(&timeoutOk);
    if (!timeoutOk || timeoutS <= 0)
        return fail(2, QStringLiteral("--timeout wants a positive number of seconds"));

    std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
    if (p.isSet(QStringLiteral("tls-ca"))) {
        QFile pem(p.value(QStringLiteral("tls-ca")));
        if (!pem.open(QIODevice::ReadOnly))
            return fail(2, QStringLiteral("cannot read %1").arg(pem.fileName()));
        grpc::SslCredentialsOptions options;
        options.pem_root_certs = pem.readAll().toStdString();
        credentials = grpc::SslCredentials(options);
    }
    grpc::ChannelArguments channelArgs;
    if (p.isSet(QStringLiteral("tls-name")))
        channelArgs.SetSslTargetNameOverride(p.value(QStringLiteral("tls-name")).toStdString());
    auto stub = health::Health::NewStub(grpc::CreateCustomChannel(
        p.value(QStringLiteral("address")).toStdString(), credentials, channelArgs));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now()
                         + std::chrono::milliseconds(qint64(timeoutS * 1000)));
    health::HealthCheckRequest request;
    request.set_service(p.value(QStringLiteral("service")).toStdString());
    health::HealthCheckResponse response;
    const grpc::Status status = stub->Check(&context, request, &response);
    if (status.error_code() == grpc::StatusCode::NOT_FOUND)
        return fail(1,
                    QStringLiteral("no service '%1' on this server")
                        .arg(p.value(QStringLiteral("service"))));
    if (!status.ok())
        return fail(3,
                    QStringLiteral("no answer from %1: %2")
                        .arg(p.value(QStringLiteral("address")),
                             QString::fromStdString(status.error_message())));
    const bool serving = response.status() == health::HealthCheckResponse::SERVING;
    std::printf("%s\n", serving ? "SERVING" : "NOT_SERVING");
    return serving ? 0 : 1;
}
