#pragma once

#include <QRegularExpression>
#include <QString>

// Plaintext gRPC is for loopback only, on purpose (tests, a server beside the app): the
// server listens without TLS, and an invite names no certificate, only on such a host.
inline bool isLoopbackHost(const QString &host)
{
    static const QRegularExpression ipv4Loopback(QStringLiteral("^127(\\.\\d{1,3}){3}$"));
    return host == QLatin1String("localhost") || host == QLatin1String("[::1]")
        || ipv4Loopback.match(host).hasMatch();
}
