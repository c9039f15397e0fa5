#include "guessthrottle.h"

#include "invitestore.h"
#include "refusalstatus.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcAuth)

QString GuessThrottle::peerHost(const std::string &peer)
{
    const QString text = QString::fromStdString(peer);
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    // "ipv4:HOST:PORT": the port is what follows the last colon, after the scheme's.
    return colon > text.indexOf(QLatin1Char(':')) ? text.left(colon) : text;
}

grpc::Status GuessThrottle::check(const QString &host, const QString &username, qint64 nowMs,
                                  const std::string &code)
{
    const qint64 until
        = m_store.throttledUntil(host, username, nowMs, kWindowMs, kPeerLimit, kUserLimit);
    if (until < 0) {
        qCWarning(lcAuth).noquote() << "throttle unreadable:" << m_store.lastError();
        return refuse(grpc::StatusCode::INTERNAL, "server_error",
                      "the server cannot check the throttle");
    }
    if (until == 0)
        return grpc::Status::OK;
    const std::string minutes
        = std::to_string(std::max<qint64>(1, (until - nowMs + 59999) / 60000));
    qCInfo(lcAuth).noquote() << QString::fromStdString(code) << "for" << host << username;
    return refuse(grpc::StatusCode::RESOURCE_EXHAUSTED, code,
                  "too many failed attempts: try again in " + minutes + " minutes", {minutes});
}

void GuessThrottle::recordFailure(const QString &host, const QString &username, qint64 nowMs)
{
    if (!m_store.recordFailure(host, username, nowMs))
        qCWarning(lcAuth).noquote() << "cannot record a failed attempt:" << m_store.lastError();
}
