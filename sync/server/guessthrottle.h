#pragma once

#include "guessbackoff.h"

#include <grpcpp/support/status.h>

#include <QHash>
#include <QString>

#include <memory>
#include <mutex>
#include <string>

class AccountStore;
class InviteStore;

// Guessing passwords and invite secrets, throttled with growing waits (GuessBackoff). Every
// refused Enrol and every Login with a wrong user name or password is recorded with the
// caller's address, the user name and the device it gave (InviteStore, in the database:
// servers sharing it share the count, a restart keeps it), and both calls ask here first,
// before anything in the request is looked at.
//
// Three keys, each with its own waits: the address (any names: 20 failures free, for a
// township office behind one NAT address), the user name as tried from devices not enrolled
// for it (strangers: 5 free), and the user name on one of its own enrolled devices (5 free).
// Past the free ones each failure doubles the key's wait, from 30 s to at most 15 minutes;
// each quiet quarter-hour forgets one failure. Strangers failing on an account do not hold its
// own tablets: an attacker elsewhere cannot lock the real user out, only slow new devices.
class GuessThrottle {
public:
    // Who tries: the address without its port, the user name and device the request names,
    // and whether that device is enrolled (not revoked) for that account.
    struct Attempt {
        QString host;
        QString username;
        QString deviceId;
        bool ownDevice = false;
    };

    // A guess let through check(), counted as a failure of its keys until it is destroyed
    // (the call answered, its failure recorded if it was one): guesses sent at once cannot
    // all pass check() before the first one's failure is recorded.
    class Guess {
    public:
        Guess(GuessThrottle &throttle, QStringList keys);
        ~Guess();
        Guess(const Guess &) = delete;
        Guess &operator=(const Guess &) = delete;

    private:
        GuessThrottle &m_throttle;
        QStringList m_keys;
    };

    static constexpr GuessBackoff::Rule kPeerRule {20, 30 * 1000, 15 * 60 * 1000, 15 * 60 * 1000};
    static constexpr GuessBackoff::Rule kStrangerRule {5, 30 * 1000, 15 * 60 * 1000,
                                                       15 * 60 * 1000};
    static constexpr GuessBackoff::Rule kOwnDeviceRule {5, 30 * 1000, 15 * 60 * 1000,
                                                        15 * 60 * 1000};

    GuessThrottle(InviteStore &store, AccountStore &accounts) : m_store(store), m_accounts(accounts)
    {
    }

    // The attempt of a call from `peer` (as gRPC names it) naming this user and device.
    Attempt attemptOf(const std::string &peer, const QString &username, const QString &deviceId);

    // OK while the caller may try, with *guess set: keep it until the call is answered.
    // Otherwise the refusal to send: RESOURCE_EXHAUSTED with `code`, the minutes and the
    // seconds to wait (server_error when the failures cannot be read). A throttled call is
    // not recorded, so that the wait is what it says.
    grpc::Status check(const Attempt &attempt, qint64 nowMs, const std::string &code,
                       std::unique_ptr<Guess> *guess);
    void recordFailure(const Attempt &attempt, qint64 nowMs);

    // "ipv4:10.0.0.5:41234" → "ipv4:10.0.0.5", "ipv6:[::1]:5" → "ipv6:[::1]".
    static QString peerHost(const std::string &peer);

private:
    InviteStore &m_store;
    AccountStore &m_accounts;
    std::mutex m_mutex; // check() and the guesses under way
    QHash<QString, int> m_underWay; // guesses under way per key (keyOf)
};
