#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

// Certificates and keys made by the `openssl` command, as an administrator would: a
// self-signed server certificate (subjectAltName for localhost and 127.0.0.1 unless told
// otherwise), a private CA, and a server certificate that CA signed. EC keys: quick to make.
// Two made in turn are different certificates. `name` makes <name>.crt and <name>.key in dir.
struct TestCertificate {
    QString certPath;
    QString keyPath;

    static constexpr const char *kDefaultNames = "DNS:localhost,IP:127.0.0.1";

    bool make(const QString &dir, const QString &name = QStringLiteral("server"),
              const QString &subjectAltName = QLatin1String(kDefaultNames),
              QString *error = nullptr)
    {
        setPaths(dir, name);
        return run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath,
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + commonName(subjectAltName), QStringLiteral("-addext"),
                    QStringLiteral("subjectAltName=") + subjectAltName},
                   error);
    }

    // A private certificate authority (CA:true), self-signed.
    bool makeCa(const QString &dir, const QString &name = QStringLiteral("ca"),
                QString *error = nullptr)
    {
        setPaths(dir, name);
        return run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath,
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=Qingshui test CA"), QStringLiteral("-addext"),
                    QStringLiteral("basicConstraints=critical,CA:true"), QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                   error);
    }

    // A server certificate signed by `ca`; chainPath() is it followed by the CA (what the
    // server serves so that tablets see the CA in its chain).
    bool makeSignedBy(const TestCertificate &ca, const QString &dir,
                      const QString &name = QStringLiteral("server"),
                      const QString &subjectAltName = QLatin1String(kDefaultNames),
                      QString *error = nullptr)
    {
        setPaths(dir, name);
        const QString request = QDir(dir).filePath(name + QStringLiteral(".csr"));
        if (!run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                  QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                  QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                  QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), request,
                  QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName(subjectAltName)},
                 error))
            return false;
        const QString extensions = QDir(dir).filePath(name + QStringLiteral(".ext"));
        QFile ext(extensions);
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=" + subjectAltName.toLatin1() + "\n");
        ext.close();
        if (!run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request,
                  QStringLiteral("-CA"), ca.certPath, QStringLiteral("-CAkey"), ca.keyPath,
                  QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                  QStringLiteral("-extfile"), extensions, QStringLiteral("-out"), certPath},
                 error))
            return false;
        QFile chain(chainPath());
        if (!chain.open(QIODevice::WriteOnly))
            return false;
        chain.write(pem() + ca.pem());
        return true;
    }

    QString chainPath() const { return certPath + QStringLiteral(".chain"); }

    QByteArray pem() const
    {
        QFile f(certPath);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private:
    void setPaths(const QString &dir, const QString &name)
    {
        certPath = QDir(dir).filePath(name + QStringLiteral(".crt"));
        keyPath = QDir(dir).filePath(name + QStringLiteral(".key"));
    }

    // The first DNS name of the list, else "localhost".
    static QString commonName(const QString &subjectAltName)
    {
        for (const QString &entry : subjectAltName.split(QLatin1Char(','))) {
            if (entry.startsWith(QLatin1String("DNS:")))
                return entry.mid(4);
        }
        return QStringLiteral("localhost");
    }

    static bool run(const QStringList &arguments, QString *error)
    {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), arguments);
        const bool ok = openssl.waitForFinished(60000)
            && openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
        if (!ok && error)
            *error = QString::fromLocal8Bit(openssl.readAllStandardError());
        return ok;
    }
};
