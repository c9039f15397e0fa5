#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>

// A self-signed server certificate and its key, made by the `openssl` command as an
// administrator would (subjectAltName for localhost and 127.0.0.1, an EC key: quick to make).
// Two made in turn are different certificates. `name` makes <name>.crt and <name>.key in dir.
struct TestCertificate {
    QString certPath;
    QString keyPath;

    bool make(const QString &dir, const QString &name = QStringLiteral("server"),
              const QString &subjectAltName = QStringLiteral("DNS:localhost,IP:127.0.0.1"),
              QString *error = nullptr)
    {
        certPath = QDir(dir).filePath(name + QStringLiteral(".crt"));
        keyPath = QDir(dir).filePath(name + QStringLiteral(".key"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath,
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=") + subjectAltName});
        const bool ok = openssl.waitForFinished(60000)
            && openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
        if (!ok && error)
            *error = QString::fromLocal8Bit(openssl.readAllStandardError());
        return ok;
    }

    QByteArray pem() const
    {
        QFile f(certPath);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};
