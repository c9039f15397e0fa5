#pragma once

#include "serverprocess.h"
#include "testcertificate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <memory>

// A real qingshui-server with TLS (a certificate made by openssl here, served for 127.0.0.1
// and localhost), its accounts (password ServerProcess::kPassword), and invites made by the
// real `qingshui-server invite`, as an administrator makes them: the printed code and the QR
// code PNG it wrote.
struct EnrolmentServer {
    QTemporaryDir dir;
    TestCertificate certificate;
    std::unique_ptr<ServerProcess> process;
    QString error;

    struct Invite {
        QString code; // "QS1-…" as printed
        QString qrPath; // the PNG the command wrote
        bool isValid() const { return !code.isEmpty(); }
    };

    QString dbPath() const { return dir.filePath(QStringLiteral("server.db")); }

    // Accounts: xc-inspector (inspector, 淅川县 411326), xc-supervisor (supervisor, 411326),
    // hall-kiosk (kiosk). name: this server's certificate files (two servers, two names).
    bool start(const QString &name = QStringLiteral("server"))
    {
        process = std::make_unique<ServerProcess>(dbPath());
        if (!process->addUser(QStringLiteral("xc-inspector"), QStringLiteral("inspector"),
                              QStringLiteral("411326"))
            || !process->addUser(QStringLiteral("xc-supervisor"), QStringLiteral("supervisor"),
                                 QStringLiteral("411326"))
            || !process->addUser(QStringLiteral("hall-kiosk"), QStringLiteral("kiosk"))) {
            error = process->adminOutput();
            return false;
        }
        if (!certificate.make(dir.path(), name, QStringLiteral("DNS:localhost,IP:127.0.0.1"),
                              &error))
            return false;
        return restart();
    }
    // Starts it (again) on the same file and certificate, on a new port.
    bool restart()
    {
        if (process->start({QStringLiteral("--tls-cert"), certificate.certPath,
                            QStringLiteral("--tls-key"), certificate.keyPath}))
            return true;
        error = process->errorOutput();
        return false;
    }
    QString address() const { return process->address(); }

    // `qingshui-server invite --user USER --address ADDRESS --tls-cert CERT ARGS…`.
    // address: what the tablet is told (default: where the server listens); cert: the
    // certificate the invite names (default: the one served).
    Invite invite(const QString &user, const QStringList &args = {}, const QString &address = {},
                  const QString &cert = {})
    {
        Invite made;
        made.qrPath = dir.filePath(user + QStringLiteral("-%1.png").arg(++m_invites));
        const QStringList command {QStringLiteral("invite"),
                                   QStringLiteral("--db"),
                                   dbPath(),
                                   QStringLiteral("--user"),
                                   user,
                                   QStringLiteral("--address"),
                                   address.isEmpty() ? this->address() : address,
                                   QStringLiteral("--tls-cert"),
                                   cert.isEmpty() ? certificate.certPath : cert,
                                   QStringLiteral("--qr"),
                                   made.qrPath};
        if (!process->runAdmin(command + args)) {
            error = process->adminOutput();
            return {};
        }
        static const QRegularExpression code(QStringLiteral("^code: (QS1-\\S+)$"),
                                             QRegularExpression::MultilineOption);
        made.code = code.match(process->adminOutput()).captured(1);
        return made;
    }

    // The served certificate's SHA-256 (DER) as the settings page shows it: AB:CD:…
    QString fingerprint() const
    {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificate.certPath);
        if (chain.isEmpty())
            return {};
        return QString::fromLatin1(
            QCryptographicHash::hash(chain.first().toDer(), QCryptographicHash::Sha256)
                .toHex(':')
                .toUpper());
    }

    // 127.0.0.1:PORT where nothing listens (a server that is down).
    static QString deadAddress()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        return QStringLiteral("127.0.0.1:%1").arg(probe.serverPort());
    }

private:
    int m_invites = 0;
};
