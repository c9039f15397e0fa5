#include "servertrust.h"

ServerTrust ServerTrust::fromFingerprint(const QString &address, const QByteArray &fingerprint,
                                         int timeoutMs)
{
    Q_UNUSED(address)
    Q_UNUSED(fingerprint)
    Q_UNUSED(timeoutMs)
    ServerTrust trust;
    trust.detail = QStringLiteral("not built yet");
    return trust;
}

ServerTrust ServerTrust::fromCaPem(const QString &address, const QByteArray &caPem, int timeoutMs)
{
    Q_UNUSED(address)
    Q_UNUSED(caPem)
    Q_UNUSED(timeoutMs)
    ServerTrust trust;
    trust.detail = QStringLiteral("not built yet");
    return trust;
}
