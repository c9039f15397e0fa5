// The guessing throttle and the device rule of --require-invite on a real server database,
// with the clock given: the growing waits (GuessBackoff: free failures, doubling, the cap, one
// failure forgotten per quiet quarter-hour), the three keys (an address, a user name tried by
// strangers, one of the account's own devices), guesses under way, the minutes and seconds to
// wait; a token issued only for a device enrolled for the account, nothing written when it is
// refused; another account's device refused under either rule until reassignDevice hands it
// over (ending its tokens); no token outliving a `user disable`.
#include "accountstore.h"
#include "guessbackoff.h"
#include "guessthrottle.h"
#include "serverdatabase.h"
#include "sqliteaccountstore.h"
#include "sqliteinvitestore.h"

#include "qingshui/v1/common.pb.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <vector>

namespace {

constexpr qint64 kT0 = 1'800'000'000'000; // any fixed time
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
const QString kOffice = QStringLiteral("ipv4:10.0.0.5");
const QString kElsewhere = QStringLiteral("ipv4:10.9.9.9");
const QString kWangTablet = QStringLiteral("6f1c0e0a-0000-4000-8000-0000000000a1");

// The code and args of a refusal, "" for OK.
QString refusalOf(const grpc::Status &status)
{
    if (status.ok())
        return {};
    qingshui::v1::Refusal refusal;
    refusal.ParseFromString(status.error_details());
    QString text = QString::fromStdString(refusal.code());
    for (const std::string &arg : refusal.args())
        text += QLatin1Char(' ') + QString::fromStdString(arg);
    return text;
}

GuessThrottle::Attempt stranger(const QString &host, const QString &username)
{
    return {host, username, QStringLiteral("6f1c0e0a-0000-4000-8000-0000000000ff"), false};
}

GuessThrottle::Attempt onOwnTablet(const QString &host, const QString &username,
                                   const QString &tablet = kWangTablet)
{
    return {host, username, tablet, true};
}

// check(), the guess it lets through answered at once (its failure, if any, recorded by the
// test itself): the refusal's code and args, "" for OK.
QString checked(GuessThrottle &throttle, const GuessThrottle::Attempt &attempt, qint64 nowMs,
                const std::string &code = "x")
{
    std::unique_ptr<GuessThrottle::Guess> guess;
    return refusalOf(throttle.check(attempt, nowMs, code, &guess));
}

int countOf(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

// `n` failures one second apart from `from` on.
QList<qint64> burst(int n, qint64 from = kT0)
{
    QList<qint64> times;
    for (int i = 0; i < n; ++i)
        times << from + i * kSecond;
    return times;
}

} // namespace

class TestGuessThrottle : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString newFile() { return m_dir.filePath(QStringLiteral("server%1.db").arg(++m_files)); }

private slots:
    void peerHostDropsThePort()
    {
        QCOMPARE(GuessThrottle::peerHost("ipv4:10.0.0.5:41234"), QString("ipv4:10.0.0.5"));
        QCOMPARE(GuessThrottle::peerHost("ipv6:[::1]:5"), QString("ipv6:[::1]"));
        QCOMPARE(GuessThrottle::peerHost("unix:/tmp/s"), QString("unix:/tmp/s"));
    }

    // Five failures cost nothing; then each one doubles the wait, 30 s to 15 minutes at most.
    void eachFailurePastTheFreeOnesDoublesTheWait()
    {
        const GuessBackoff::Rule rule = GuessThrottle::kStrangerRule;
        const QList<qint64> expectedS {0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900};
        for (int n = 1; n <= expectedS.size(); ++n) {
            const QList<qint64> failures = burst(n);
            const qint64 next = GuessBackoff::nextAttemptAtMs(failures, rule);
            const qint64 waitS = next == 0 ? 0 : (next - failures.last()) / kSecond;
            QVERIFY2(waitS == expectedS[n - 1],
                     qPrintable(QStringLiteral("%1 failures: %2 s").arg(n).arg(waitS)));
        }
        // The address's rule lets 20 pass first (a township office behind one NAT address).
        QCOMPARE(GuessBackoff::nextAttemptAtMs(burst(19), GuessThrottle::kPeerRule), 0);
        QCOMPARE(GuessBackoff::nextAttemptAtMs(burst(20), GuessThrottle::kPeerRule),
                 kT0 + 19 * kSecond + 30 * kSecond);
    }

    // Every quiet quarter-hour forgets one failure; however long an attack went on, its count
    // never passes the cap's, so the waits shrink as soon as it stops.
    void failuresAreForgottenWithTime()
    {
        const GuessBackoff::Rule rule = GuessThrottle::kStrangerRule;
        QCOMPARE(GuessBackoff::countAfter(burst(8), rule), 8); // 4 minutes
        // 30 quiet minutes, then one more failure: 8 − 2 + 1 = 7, a wait of 2 minutes.
        QList<qint64> failures = burst(8);
        failures << failures.last() + 30 * kMinute;
        QCOMPARE(GuessBackoff::countAfter(failures, rule), 7);
        QCOMPARE(GuessBackoff::nextAttemptAtMs(failures, rule) - failures.last(), 2 * kMinute);
        // An attacker who tries at every moment allowed for a day stays at the cap …
        failures = burst(10);
        while (failures.last() < kT0 + 24 * 60 * kMinute)
            failures << GuessBackoff::nextAttemptAtMs(failures, rule);
        QCOMPARE(GuessBackoff::countAfter(failures, rule), 10);
        QCOMPARE(GuessBackoff::nextAttemptAtMs(failures, rule) - failures.last(), 15 * kMinute);
        // … and an hour after it stops, one failure (a typo) waits 2 minutes, not 15.
        failures << failures.last() + 60 * kMinute;
        QCOMPARE(GuessBackoff::nextAttemptAtMs(failures, rule) - failures.last(), 2 * kMinute);
    }

    // On the database: five failures of strangers on one name hold that name from anywhere
    // for 30 s (minutes and seconds to wait in the refusal); a colleague at the same address
    // is not held; the next failure after the wait doubles it.
    void strangersFailuresHoldTheNameWithGrowingWaits()
    {
        ServerDatabase db;
        QVERIFY(db.open(newFile()));
        SqliteInviteStore store(db);
        SqliteAccountStore accounts(db);
        GuessThrottle throttle(store, accounts);
        for (int i = 0; i < 4; ++i)
            throttle.recordFailure(stranger(kOffice, "wang.li"), kT0 + i * kSecond);
        QCOMPARE(checked(throttle, stranger(kOffice, "wang.li"), kT0 + 4 * kSecond), QString());
        throttle.recordFailure(stranger(kOffice, "wang.li"), kT0 + 4 * kSecond);
        QCOMPARE(checked(throttle, stranger(kElsewhere, "wang.li"), kT0 + 5 * kSecond,
                         "login_throttled"),
                 QString("login_throttled 1 29"));
        QCOMPARE(checked(throttle, stranger(kOffice, "zhao.min"), kT0 + 5 * kSecond), QString());
        // 30 s after the fifth: one more try; it fails, and the wait is a minute.
        const qint64 sixth = kT0 + 34 * kSecond;
        QCOMPARE(checked(throttle, stranger(kOffice, "wang.li"), sixth), QString());
        throttle.recordFailure(stranger(kOffice, "wang.li"), sixth);
        QCOMPARE(checked(throttle, stranger(kOffice, "wang.li"), sixth + kSecond),
                 QString("x 1 59"));
        QCOMPARE(checked(throttle, stranger(kOffice, "wang.li"), sixth + kMinute), QString());
    }

    // The account's own tablet is not held by what strangers fail on its name (the real user
    // gets in while an attacker keeps failing); it has waits of its own for its own failures,
    // which hold neither the strangers' count nor the account's other tablets.
    void strangersDoNotHoldTheAccountsOwnDevices()
    {
        ServerDatabase db;
        QVERIFY(db.open(newFile()));
        SqliteInviteStore store(db);
        SqliteAccountStore accounts(db);
        GuessThrottle throttle(store, accounts);
        for (int i = 0; i < 12; ++i) // an attacker at the cap
            throttle.recordFailure(stranger(kElsewhere, "wang.li"), kT0 + i * kSecond);
        const qint64 now = kT0 + kMinute;
        QVERIFY(checked(throttle, stranger(kElsewhere, "wang.li"), now).startsWith("x 15 "));
        QVERIFY(checked(throttle, stranger(kOffice, "wang.li"), now).startsWith("x 15 "));
        QCOMPARE(checked(throttle, onOwnTablet(kOffice, "wang.li"), now), QString());

        // Five typos on the own tablet: that tablet waits 30 s, another of hers does not.
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(onOwnTablet(kOffice, "wang.li"), now + i * kSecond);
        QCOMPARE(checked(throttle, onOwnTablet(kOffice, "wang.li"), now + 5 * kSecond),
                 QString("x 1 29"));
        const QString otherTablet = QStringLiteral("6f1c0e0a-0000-4000-8000-0000000000a2");
        QCOMPARE(checked(throttle, onOwnTablet(kOffice, "wang.li", otherTablet), now + 5 * kSecond),
                 QString());
        // Kept as the tablet's own, not counted with the strangers'.
        QCOMPARE(countOf(db.connection(),
                         "SELECT count(*) FROM enrol_failure WHERE own_device = 1 "
                         "AND device_id = '"
                             + kWangTablet + "'"),
                 5);
    }

    // attemptOf: a device is the account's own only while it is enrolled for that account and
    // not revoked.
    void ownDeviceIsAnEnrolledUnrevokedDeviceOfThatAccount()
    {
        ServerDatabase db;
        QVERIFY(db.open(newFile()));
        SqliteInviteStore store(db);
        SqliteAccountStore accounts(db);
        GuessThrottle throttle(store, accounts);
        Account wang {0, "wang.li", "王丽", "unused", Caller::Role::Inspector, {"411326"}, false};
        QVERIFY(accounts.addAccount(wang));
        wang.id = accounts.findAccount("wang.li")->id;
        const std::string peer = "ipv4:10.0.0.5:41234";
        QVERIFY(!throttle.attemptOf(peer, "wang.li", kWangTablet).ownDevice);
        QCOMPARE(accounts.issueToken(wang.id, kWangTablet, "t", "h1", kT0, kT0 + 1,
                                     AccountStore::DeviceRule::EnrolAny),
                 AccountStore::IssueResult::Issued);
        const GuessThrottle::Attempt own = throttle.attemptOf(peer, "wang.li", kWangTablet);
        QVERIFY(own.ownDevice);
        QCOMPARE(own.host, kOffice);
        QVERIFY(!throttle.attemptOf(peer, "zhao.min", kWangTablet).ownDevice);
        QVERIFY(!throttle.attemptOf(peer, "wang.li", "not-a-uuid").ownDevice);
        QVERIFY(accounts.revokeDevice(kWangTablet, kT0 + 2));
        QVERIFY(!throttle.attemptOf(peer, "wang.li", kWangTablet).ownDevice);
    }

    // Guesses sent at once: each one let through counts until it is answered, so that the
    // sixth for one name (and the 21st from one address) waits even before any failure of
    // theirs is recorded; answered, they leave room again (here: right passwords).
    void guessesUnderWayCountUntilAnswered()
    {
        ServerDatabase db;
        QVERIFY(db.open(newFile()));
        SqliteInviteStore store(db);
        SqliteAccountStore accounts(db);
        GuessThrottle throttle(store, accounts);
        std::vector<std::unique_ptr<GuessThrottle::Guess>> underWay(5);
        for (auto &guess : underWay)
            QCOMPARE(refusalOf(throttle.check(stranger(kOffice, "wang.li"), kT0, "x", &guess)),
                     QString());
        std::unique_ptr<GuessThrottle::Guess> sixth;
        QCOMPARE(refusalOf(throttle.check(stranger(kElsewhere, "wang.li"), kT0, "login_throttled",
                                          &sixth)),
                 QString("login_throttled 1 30"));
        QVERIFY(!sixth);
        // Four under way, one recorded failure: still five.
        underWay.pop_back();
        throttle.recordFailure(stranger(kOffice, "wang.li"), kT0);
        QCOMPARE(checked(throttle, stranger(kOffice, "wang.li"), kT0), QString("x 1 30"));
        underWay.clear();
        QCOMPARE(checked(throttle, stranger(kOffice, "wang.li"), kT0), QString());

        // 20 from another office under way, for many names: the 21st waits.
        const QString kOtherOffice = QStringLiteral("ipv4:10.0.0.7");
        std::vector<std::unique_ptr<GuessThrottle::Guess>> office(20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(
                refusalOf(throttle.check(stranger(kOtherOffice, QStringLiteral("user%1").arg(i)),
                                         kT0, "x", &office[i])),
                QString());
        QCOMPARE(checked(throttle, stranger(kOtherOffice, "someone"), kT0), QString("x 1 30"));
        QCOMPARE(checked(throttle, stranger("ipv4:10.0.0.6", "someone"), kT0), QString());
    }

    void twentyFromOneAddress()
    {
        ServerDatabase db;
        QVERIFY(db.open(newFile()));
        SqliteInviteStore store(db);
        SqliteAccountStore accounts(db);
        GuessThrottle throttle(store, accounts);
        // 19 failures of one address, five names, none at five: nobody waits.
        for (int i = 0; i < 19; ++i)
            throttle.recordFailure(stranger(kOffice, QStringLiteral("user%1").arg(i % 5)),
                                   kT0 + i * kSecond);
        QCOMPARE(checked(throttle, stranger(kOffice, "someone"), kT0 + 20 * kSecond), QString());
        throttle.recordFailure(onOwnTablet(kOffice, "user9"), kT0 + 19 * kSecond);
        // The 20th (even on an account's own tablet): everyone at that address waits 30 s,
        // their own tablets too; elsewhere the same names do not.
        QCOMPARE(
            checked(throttle, stranger(kOffice, "someone"), kT0 + 20 * kSecond, "enrol_throttled"),
            QString("enrol_throttled 1 29"));
        QCOMPARE(checked(throttle, onOwnTablet(kOffice, "user9"), kT0 + 20 * kSecond),
                 QString("x 1 29"));
        QCOMPARE(checked(throttle, stranger(kElsewhere, "user1"), kT0 + 20 * kSecond), QString());
        QCOMPARE(checked(throttle, stranger(kOffice, "someone"), kT0 + 49 * kSecond), QString());
    }

    void aDeviceGetsATokenOnlyForItsAccountWhenInvitesAreRequired()
    {
        ServerDatabase db;
        QVERIFY(db.open(newFile()));
        SqliteAccountStore accounts(db);
        Account wang {0, "wang.li", "王丽", "unused", Caller::Role::Inspector, {"411326"}, false};
        Account zhao {0, "zhao.min", "赵敏", "unused", Caller::Role::Inspector, {"411326"}, false};
        QVERIFY2(accounts.addAccount(wang), qPrintable(accounts.lastError()));
        QVERIFY(accounts.addAccount(zhao));
        wang.id = accounts.findAccount("wang.li")->id;
        zhao.id = accounts.findAccount("zhao.min")->id;
        const QString tablet = "6f1c0e0a-0000-4000-8000-000000000001";
        using Rule = AccountStore::DeviceRule;
        using Result = AccountStore::IssueResult;

        // Unknown device: refused, nothing written.
        QCOMPARE(accounts.issueToken(wang.id, tablet, "t", "h1", kT0, kT0 + 1, Rule::EnrolledOnly),
                 Result::NotEnrolled);
        QCOMPARE(countOf(db.connection(), "SELECT count(*) FROM device"), 0);
        QCOMPARE(countOf(db.connection(), "SELECT count(*) FROM token"), 0);
        QVERIFY(!accounts.findDevice(tablet));

        // Enrolled for wang.li (as an invite does): wang.li gets tokens on it, zhao.min none,
        // whichever the rule: a device is not taken over.
        QCOMPARE(accounts.issueToken(wang.id, tablet, "t", "h2", kT0, kT0 + 1, Rule::EnrolAny),
                 Result::Issued);
        QCOMPARE(accounts.findDevice(tablet)->username, QString("wang.li"));
        QCOMPARE(accounts.issueToken(wang.id, tablet, "t", "h3", kT0, kT0 + 1, Rule::EnrolledOnly),
                 Result::Issued);
        QCOMPARE(accounts.issueToken(zhao.id, tablet, "t", "h4", kT0, kT0 + 1, Rule::EnrolledOnly),
                 Result::OtherAccount);
        QCOMPARE(accounts.issueToken(zhao.id, tablet, "t", "h4", kT0, kT0 + 1, Rule::EnrolAny),
                 Result::OtherAccount);
        QCOMPARE(accounts.findDevice(tablet)->username, QString("wang.li"));
        QCOMPARE(countOf(db.connection(), "SELECT count(*) FROM token WHERE revoked_at_ms = 0"), 1);
        QCOMPARE(countOf(db.connection(), "SELECT count(*) FROM token"), 2); // h2, h3

        // Handed over by the administrator: wang.li's tokens end, zhao.min's login works.
        QVERIFY(!accounts.reassignDevice(tablet, "nobody", kT0 + 1));
        QVERIFY(accounts.lastError().contains("no user"));
        QCOMPARE(accounts.findDevice(tablet)->username, QString("wang.li"));
        QVERIFY(accounts.reassignDevice(tablet, "zhao.min", kT0 + 1));
        QCOMPARE(accounts.findDevice(tablet)->username, QString("zhao.min"));
        QCOMPARE(countOf(db.connection(), "SELECT count(*) FROM token WHERE revoked_at_ms = 0"), 0);
        Caller caller;
        QCOMPARE(accounts.callerForToken("h3", kT0, &caller),
                 AccountStore::TokenCheck::DeviceReassigned);
        QCOMPARE(accounts.issueToken(zhao.id, tablet, "t", "h4", kT0, kT0 + 1, Rule::EnrolledOnly),
                 Result::Issued);
        QCOMPARE(accounts.issueToken(wang.id, tablet, "t", "h5", kT0, kT0 + 1, Rule::EnrolAny),
                 Result::OtherAccount);

        // Revoked: refused as revoked, whichever the rule.
        QVERIFY(accounts.revokeDevice(tablet, kT0 + 2));
        QCOMPARE(accounts.issueToken(zhao.id, tablet, "t", "h6", kT0, kT0 + 1, Rule::EnrolledOnly),
                 Result::DeviceRevoked);
        QCOMPARE(accounts.issueToken(zhao.id, tablet, "t", "h7", kT0, kT0 + 1, Rule::EnrolAny),
                 Result::DeviceRevoked);
        QVERIFY(!accounts.reassignDevice(tablet, "wang.li", kT0 + 3));
        QCOMPARE(accounts.findDevice(tablet)->username, QString("zhao.min"));
    }

    // Disabling an account ends its tokens in the same transaction, and no token is issued to
    // it while it is disabled (a login whose password was checked just before the disable):
    // enabling it again revives nothing.
    void noTokenOutlivesADisable()
    {
        ServerDatabase db;
        QVERIFY(db.open(newFile()));
        SqliteAccountStore accounts(db);
        Account wang {0, "wang.li", "王丽", "unused", Caller::Role::Inspector, {"411326"}, false};
        QVERIFY(accounts.addAccount(wang));
        wang.id = accounts.findAccount("wang.li")->id;
        const qint64 later = kT0 + 24 * 60 * kMinute;
        using Rule = AccountStore::DeviceRule;
        QCOMPARE(accounts.issueToken(wang.id, kWangTablet, "t", "h1", kT0, later, Rule::EnrolAny),
                 AccountStore::IssueResult::Issued);
        Caller caller;
        QCOMPARE(accounts.callerForToken("h1", kT0 + 1, &caller), AccountStore::TokenCheck::Valid);

        QVERIFY(accounts.setDisabled("wang.li", true));
        QCOMPARE(accounts.callerForToken("h1", kT0 + 1, &caller),
                 AccountStore::TokenCheck::AccountDisabled);
        QCOMPARE(accounts.issueToken(wang.id, kWangTablet, "t", "h2", kT0, later, Rule::EnrolAny),
                 AccountStore::IssueResult::AccountDisabled);
        QCOMPARE(countOf(db.connection(), "SELECT count(*) FROM token WHERE hash = 'h2'"), 0);

        QVERIFY(accounts.setDisabled("wang.li", false));
        QCOMPARE(accounts.callerForToken("h1", kT0 + 1, &caller),
                 AccountStore::TokenCheck::Revoked);
        QCOMPARE(accounts.issueToken(wang.id, kWangTablet, "t", "h3", kT0, later, Rule::EnrolAny),
                 AccountStore::IssueResult::Issued);
        QCOMPARE(accounts.callerForToken("h3", kT0 + 1, &caller), AccountStore::TokenCheck::Valid);
    }
};

QTEST_GUILESS_MAIN(TestGuessThrottle)
#include "tst_guessthrottle.moc"
