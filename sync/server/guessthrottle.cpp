#include "guessthrottle.h"

#include "accountstore.h"
#include "invitestore.h"
#include "refusalstatus.h"
#include "requestchecks.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcAuth)

namespace {

// Failures older than this are not read: by then any count has been forgotten.
constexpr qint64 kLookBackMs = 24LL * 3600 * 1000;
constexpr int kMostRead = 500;

struct Key {
    InviteStore::FailureKey kind;
    QString name; // in m_underWay
    const GuessBackoff::Rule *rule;
};

// The keys an attempt counts against: its address, and its user name as a stranger or on
// its own device.
QList<Key> keysOf(const GuessThrottle::Attempt &a)
{
    QList<Key> keys {{InviteStore::FailureKey::Peer, QStringLiteral("peer ") + a.host,
                      &GuessThrottle::kPeerRule}};
    if (a.ownDevice)
        keys.append({InviteStore::FailureKey::OwnDevice,
                     QStringLiteral("device %1 %2").arg(a.username, a.deviceId),
                     &GuessThrottle::kOwnDeviceRule});
    else
        keys.append({InviteStore::FailureKey::Stranger, QStringLiteral("name ") + a.username,
                     &GuessThrottle::kStrangerRule});
    return keys;
}

} // namespace

QString GuessThrottle::peerHost(const std::string &peer)
{
    const QString text = QString::fromStdString(peer);
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    // "ipv4:HOST:PORT": the port is what follows the last colon, after the scheme's.
    return colon > text.indexOf(QLatin1Char(':')) ? text.left(colon) : text;
}

GuessThrottle::Attempt GuessThrottle::attemptOf(const std::string &peer, const QString &username,
                                                const QString &deviceId)
{
    Attempt attempt {peerHost(peer), username, deviceId, false};
    if (isUuid(deviceId.toStdString())) {
        const std::optional<Device> device = m_accounts.findDevice(deviceId);
        attempt.ownDevice = device && device->username == username && device->revokedAtMs == 0;
    }
    return attempt;
}

grpc::Status GuessThrottle::check(const Attempt &attempt, qint64 nowMs, const std::string &code,
                                  std::unique_ptr<Guess> *guess)
{
    guess->reset(); // a guess of the caller's own ends first: its destructor takes m_mutex
    const QList<Key> keys = keysOf(attempt);
    const std::lock_guard lock(m_mutex);
    qint64 until = 0;
    for (const Key &key : keys) {
        QList<qint64> failures;
        const QString &value
            = key.kind == InviteStore::FailureKey::Peer ? attempt.host : attempt.username;
        if (!m_store.failureTimes(key.kind, value, attempt.deviceId, nowMs - kLookBackMs, kMostRead,
                                  &failures)) {
            qCWarning(lcAuth).noquote() << "throttle unreadable:" << m_store.lastError();
            return refuse(grpc::StatusCode::INTERNAL, "server_error",
                          "the server cannot check the throttle");
        }
        // Guesses under way count as failures now: the waits they would bring hold already.
        for (int i = m_underWay.value(key.name); i > 0; --i)
            failures.append(nowMs);
        if (!failures.isEmpty())
            until = std::max(until, GuessBackoff::nextAttemptAtMs(failures, *key.rule));
    }
    if (until <= nowMs) {
        QStringList names;
        for (const Key &key : keys)
            names << key.name;
        *guess = std::make_unique<Guess>(*this, names);
        return grpc::Status::OK;
    }
    const qint64 seconds = (until - nowMs + 999) / 1000;
    const std::string minutes = std::to_string(std::max<qint64>(1, (seconds + 59) / 60));
    qCInfo(lcAuth).noquote() << QString::fromStdString(code) << "for" << attempt.host
                             << attempt.username << attempt.deviceId << "for" << seconds << "s";
    return refuse(grpc::StatusCode::RESOURCE_EXHAUSTED, code,
                  "too many failed attempts: try again in " + minutes + " minutes",
                  {minutes, std::to_string(seconds)});
}

// Made by check(), which holds m_mutex; the destructor takes it.
GuessThrottle::Guess::Guess(GuessThrottle &throttle, QStringList keys)
    : m_throttle(throttle), m_keys(std::move(keys))
{
    for (const QString &key : m_keys)
        ++m_throttle.m_underWay[key];
}

GuessThrottle::Guess::~Guess()
{
    const std::lock_guard lock(m_throttle.m_mutex);
    for (const QString &key : m_keys) {
        if (--m_throttle.m_underWay[key] <= 0)
            m_throttle.m_underWay.remove(key);
    }
}

void GuessThrottle::recordFailure(const Attempt &attempt, qint64 nowMs)
{
    if (!m_store.recordFailure(
            {nowMs, attempt.host, attempt.username, attempt.deviceId, attempt.ownDevice}))
        qCWarning(lcAuth).noquote() << "cannot record a failed attempt:" << m_store.lastError();
}
