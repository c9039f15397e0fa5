#pragma once

#include <grpcpp/support/status.h>

#include <QHash>
#include <QString>

#include <memory>
#include <mutex>
#include <string>

class InviteStore;

// Guessing passwords and invite secrets, throttled. Every refused Enrol and every Login with a
// wrong user name or password is recorded with the caller's address and the user name it gave
// (InviteStore, in the database: servers sharing it share the count, a restart keeps it), and
// both calls ask here first, before anything in the request is looked at.
//
// Two limits within 15 minutes: 5 refusals for one user name, from anywhere, and 20 from one
// address, for any names. The address's limit is the higher one because a township office
// reaches the server through one NAT address: five typing mistakes of its inspectors between
// them must not lock the whole office out, while one person's five lock only their own account
// name. Counting per (address, user name) instead would let one address try a password on
// every account in turn without limit; 20 keeps that to 20 guesses a quarter-hour.
class GuessThrottle {
public:
    // A guess let through check(), counted against both limits until it is destroyed (the
    // call answered, its failure recorded if it was one): guesses sent at once cannot all
    // pass check() before the first one's failure is recorded.
    class Guess {
    public:
        Guess(GuessThrottle &throttle, QString host, QString username);
        ~Guess();
        Guess(const Guess &) = delete;
        Guess &operator=(const Guess &) = delete;

    private:
        GuessThrottle &m_throttle;
        QString m_host;
        QString m_username;
    };

    static constexpr int kUserLimit = 5; // refusals for one user name …
    static constexpr int kPeerLimit = 20; // … or from one address …
    static constexpr qint64 kWindowMs = 15 * 60 * 1000; // … within this long: throttled

    explicit GuessThrottle(InviteStore &store) : m_store(store) { }

    // OK while the caller may try, with *guess set: keep it until the call is answered.
    // Otherwise the refusal to send: RESOURCE_EXHAUSTED with `code` and the minutes to wait
    // (server_error when the count cannot be read). A throttled call is not recorded, so
    // that the wait is what it says.
    grpc::Status check(const QString &host, const QString &username, qint64 nowMs,
                       const std::string &code, std::unique_ptr<Guess> *guess);
    void recordFailure(const QString &host, const QString &username, qint64 nowMs);

    // "ipv4:10.0.0.5:41234" → "ipv4:10.0.0.5", "ipv6:[::1]:5" → "ipv6:[::1]".
    static QString peerHost(const std::string &peer);

private:
    InviteStore &m_store;
    std::mutex m_mutex; // check() and the guesses under way
    QHash<QString, int> m_hostsGuessing; // guesses under way per address …
    QHash<QString, int> m_namesGuessing; // … and per user name
};
