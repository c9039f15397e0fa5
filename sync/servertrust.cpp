#include "servertrust.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTrust, "qs.sync.trust")

namespace {

// HOST:PORT, with [v6] hosts; false when it is not one.
bool splitAddress(const QString &address, QString *host, quint16 *port)
{
    const int colon = address.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint number = address.mid(colon + 1).toUInt(&ok);
    if (colon <= 0 || !ok || number == 0 || number > 65535)
        return false;
    *host = address.left(colon);
    if (host->startsWith(QLatin1Char('[')) && host->endsWith(QLatin1Char(']')))
        *host = host->mid(1, host->size() - 2);
    *port = quint16(number);
    return !host->isEmpty();
}

// The name gRPC checks in the server's certificate: its first DNS name, else its first IP
// address, else its common name. Which of its names does not matter for trust (the
// certificate itself is pinned); it only has to be one the certificate carries.
QString nameIn(const QSslCertificate &certificate)
{
    const auto names = certificate.subjectAlternativeNames();
    for (const QSsl::AlternativeNameEntryType type : {QSsl::DnsEntry, QSsl::IpAddressEntry}) {
        const QStringList values = names.values(type);
        if (!values.isEmpty())
            return values.last(); // Qt lists a certificate's names of a kind last first
    }
    return certificate.subjectInfo(QSslCertificate::CommonName).value(0);
}

// One handshake that goes through whatever the certificate: what the server presents is
// judged afterwards. With `authorities`, the chain is verified against them alone (not the
// system's CAs) and what that found lands in *errors. Returns the chain, the server's
// certificate first; trust->outcome says why there is none.
QList<QSslCertificate> presentedChain(const QString &address, int timeoutMs,
                                      const QList<QSslCertificate> &authorities,
                                      QList<QSslError> *errors, ServerTrust *trust)
{
    QString host;
    quint16 port = 0;
    if (!splitAddress(address, &host, &port)) {
        trust->outcome = ServerTrust::Unreachable;
        trust->detail = QStringLiteral("'%1' is not HOST:PORT").arg(address);
        return {};
    }
    QSslSocket socket;
    if (authorities.isEmpty()) {
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    } else {
        QSslConfiguration configuration = socket.sslConfiguration();
        configuration.setCaCertificates(authorities);
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket.setSslConfiguration(configuration);
        QObject::connect(&socket, &QSslSocket::sslErrors, &socket,
                         [&socket, errors](const QList<QSslError> &found) {
                             *errors = found;
                             socket.ignoreSslErrors();
                         });
    }
    socket.connectToHostEncrypted(host, port);
    if (!socket.waitForConnected(timeoutMs)) {
        trust->outcome = ServerTrust::Unreachable;
        trust->detail
            = QStringLiteral("no connection to %1: %2").arg(address, socket.errorString());
        return {};
    }
    if (!socket.waitForEncrypted(timeoutMs)) {
        trust->outcome = ServerTrust::NotTls;
        trust->detail
            = QStringLiteral("no TLS handshake with %1: %2").arg(address, socket.errorString());
        return {};
    }
    const QList<QSslCertificate> chain = socket.peerCertificateChain();
    socket.abort();
    if (chain.isEmpty()) {
        trust->outcome = ServerTrust::NotTls;
        trust->detail = QStringLiteral("%1 presented no certificate").arg(address);
    }
    return chain;
}

QByteArray sha256Of(const QSslCertificate &certificate)
{
    return QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
}

} // namespace

ServerTrust ServerTrust::fromFingerprint(const QString &address, const QByteArray &fingerprint,
                                         int timeoutMs)
{
    ServerTrust trust;
    QList<QSslError> unused;
    const QList<QSslCertificate> chain = presentedChain(address, timeoutMs, {}, &unused, &trust);
    if (chain.isEmpty())
        return trust;
    for (int i = 0; i < chain.size(); ++i) {
        if (fingerprint.isEmpty() || !sha256Of(chain[i]).startsWith(fingerprint))
            continue;
        // Further up the chain the invite names a CA. Anyone can send a CA's certificate, so
        // only a chain that CA vouches for, checked against it alone, proves the server: a
        // certificate sent beside it (an attacker's own root) is trusted for nothing.
        if (i > 0) {
            ServerTrust vouched = fromCaPem(address, chain[i].toPem(), timeoutMs);
            if (vouched.outcome == Trusted)
                vouched.detail = QStringLiteral("%1's chain is vouched for by the CA %2")
                                     .arg(address, QString::fromLatin1(fingerprint.toHex()));
            return vouched;
        }
        // The server's own certificate: the handshake proved it holds its key, so the chain
        // it sent is its own. That certificate and the ones that vouch for it (gRPC verifies a
        // CA-issued certificate up to its issuer) are what later channels verify against.
        for (int j = i; j < chain.size(); ++j)
            trust.trustPem += chain[j].toPem();
        trust.tlsName = nameIn(chain.first());
        trust.outcome = Trusted;
        trust.detail = QStringLiteral("%1 presents the certificate %2 (%3 of %4 in its chain)")
                           .arg(address, QString::fromLatin1(fingerprint.toHex()))
                           .arg(i + 1)
                           .arg(chain.size());
        return trust;
    }
    trust.outcome = CertificateMismatch;
    trust.detail = QStringLiteral("%1 presents %2, not the certificate %3 the invite names")
                       .arg(address, QString::fromLatin1(sha256Of(chain.first()).toHex()),
                            QString::fromLatin1(fingerprint.toHex()));
    qCWarning(lcTrust).noquote() << trust.detail;
    return trust;
}

ServerTrust ServerTrust::fromCaPem(const QString &address, const QByteArray &caPem, int timeoutMs)
{
    ServerTrust trust;
    const QList<QSslCertificate> authorities = QSslCertificate::fromData(caPem, QSsl::Pem);
    if (authorities.isEmpty()) {
        trust.outcome = CertificateMismatch;
        trust.detail = QStringLiteral("the CA file holds no PEM certificate");
        return trust;
    }
    QList<QSslError> errors;
    const QList<QSslCertificate> chain
        = presentedChain(address, timeoutMs, authorities, &errors, &trust);
    if (chain.isEmpty())
        return trust;
    // The address may be an IP while the certificate names the host: the name is taken from
    // the certificate (and checked by every later channel); anything else is a mismatch.
    errors.removeIf([](const QSslError &e) { return e.error() == QSslError::HostNameMismatch; });
    if (!errors.isEmpty()) {
        trust.outcome = CertificateMismatch;
        trust.detail = QStringLiteral("%1's certificate is not vouched for by the CA file: %2")
                           .arg(address, errors.first().errorString());
        qCWarning(lcTrust).noquote() << trust.detail;
        return trust;
    }
    trust.outcome = Trusted;
    trust.trustPem = caPem;
    trust.tlsName = nameIn(chain.first());
    trust.detail = QStringLiteral("%1's certificate is vouched for by the CA file").arg(address);
    return trust;
}
