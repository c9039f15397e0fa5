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
                                  const std::string &code, std::unique_ptr<Guess> *guess)
{
    guess->reset(); // a guess of the caller's own ends first: its destructor takes m_mutex
    const std::lock_guard lock(m_mutex);
    // Guesses under way count as failures already: the limits left for recorded ones.
    const int hostLimit = kPeerLimit - m_hostsGuessing.value(host);
    const int nameLimit = kUserLimit - m_namesGuessing.value(username);
    qint64 until = nowMs + 60 * 1000; // all a limit's guesses under way: a minute at most
    if (hostLimit > 0 && nameLimit > 0)
        until = m_store.throttledUntil(host, username, nowMs, kWindowMs, hostLimit, nameLimit);
    if (until < 0) {
        qCWarning(lcAuth).noquote() << "throttle unreadable:" << m_store.lastError();
        return refuse(grpc::StatusCode::INTERNAL, "server_error",
                      "the server cannot check the throttle");
    }
    if (until == 0) {
        *guess = std::make_unique<Guess>(*this, host, username);
        return grpc::Status::OK;
    }
    const std::string minutes
        = std::to_string(std::max<qint64>(1, (until - nowMs + 59999) / 60000));
    qCInfo(lcAuth).noquote() << QString::fromStdString(code) << "for" << host << username;
    return refuse(grpc::StatusCode::RESOURCE_EXHAUSTED, code,
                  "too many failed attempts: try again in " + minutes + " minutes", {minutes});
}

// Made by check(), which holds m_mutex; the destructor takes it.
GuessThrottle::Guess::Guess(GuessThrottle &throttle, QString host, QString username)
    : m_throttle(throttle), m_host(std::move(host)), m_username(std::move(username))
{
    ++m_throttle.m_hostsGuessing[m_host];
    ++m_throttle.m_namesGuessing[m_username];
}

GuessThrottle::Guess::~Guess()
{
    const std::lock_guard lock(m_throttle.m_mutex);
    for (auto [counts, key] : {std::pair {&m_throttle.m_hostsGuessing, &m_host},
                               std::pair {&m_throttle.m_namesGuessing, &m_username}}) {
        if (--(*counts)[*key] <= 0)
            counts->remove(*key);
    }
}

void GuessThrottle::recordFailure(const QString &host, const QString &username, qint64 nowMs)
{
    if (!m_store.recordFailure(host, username, nowMs))
        qCWarning(lcAuth).noquote() << "cannot record a failed attempt:" << m_store.lastError();
}
