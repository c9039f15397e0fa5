#pragma once

#include <QByteArray>
#include <QString>

// What a tablet learns, before it sends anything, about the certificate a server presents:
// one TLS handshake with no peer verification, for one look at the chain. The trust it
// returns is what every later gRPC channel to that server verifies against (SyncTransport).
struct ServerTrust {
    enum Outcome {
        Trusted, // trustPem and tlsName are set
        Unreachable, // no TCP connection (refused, unroutable, no answer in time)
        NotTls, // something answered, but no TLS handshake came of it
        CertificateMismatch, // TLS, but not with the certificate (or CA) that was named
    };
    Outcome outcome = Unreachable;
    // The certificate that was named and the ones above it in the server's chain (PEM).
    QByteArray trustPem;
    // The name to check in the server's certificate: its first DNS subjectAltName, else its
    // first IP one, else its common name. A server reached by IP with a certificate made
    // for its host name is then still checked, against exactly the certificate named.
    QString tlsName;
    QString detail; // for logs (English)

    bool ok() const { return outcome == Trusted; }

    // Finds, in the chain the server at `address` (HOST:PORT) presents, the certificate whose
    // SHA-256 (of its DER) starts with `fingerprint` (an invite's, EnrolmentCode).
    static ServerTrust fromFingerprint(const QString &address, const QByteArray &fingerprint,
                                       int timeoutMs = 10000);
    // Checks that the server at `address` presents a chain that `caPem` (one or more PEM
    // certificates) verifies; the trust is then caPem itself and the name the server's own.
    static ServerTrust fromCaPem(const QString &address, const QByteArray &caPem,
                                 int timeoutMs = 10000);
};
