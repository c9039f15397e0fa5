// The guessing throttle and the device rule of --require-invite on a real server database,
// with the clock given: exact limits (5 for a user name, 20 for an address), the window of
// 15 minutes, the minutes to wait; a token issued only for a device enrolled for the account,
// nothing written when it is refused; another account's device refused under either rule
// until reassignDevice hands it over (ending its tokens).
#include "accountstore.h"
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
constexpr qint64 kMinute = 60 * 1000;
const QString kOffice = QStringLiteral("ipv4:10.0.0.5");

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

// check(), the guess it lets through answered at once (its failure, if any, recorded by the
// test itself): the refusal's code and args, "" for OK.
QString checked(GuessThrottle &throttle, const QString &host, const QString &username, qint64 nowMs,
                const std::string &code)
{
    std::unique_ptr<GuessThrottle::Guess> guess;
    return refusalOf(throttle.check(host, username, nowMs, code, &guess));
}

int countOf(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
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

    void fiveForOneUserName()
    {
        ServerDatabase db;
        QVERIFY(db.open(newFile()));
        SqliteInviteStore store(db);
        GuessThrottle throttle(store);
        for (int i = 0; i < 4; ++i)
            throttle.recordFailure(kOffice, "wang.li", kT0 + i * kMinute);
        QCOMPARE(checked(throttle, kOffice, "wang.li", kT0 + 4 * kMinute, "x"), QString());
        throttle.recordFailure(kOffice, "wang.li", kT0 + 4 * kMinute);
        // The fifth: refused from anywhere, until the first leaves the window (15 min after it).
        QCOMPARE(
            checked(throttle, "ipv4:10.9.9.9", "wang.li", kT0 + 5 * kMinute, "login_throttled"),
            QString("login_throttled 10"));
        QCOMPARE(checked(throttle, kOffice, "wang.li", kT0 + 14 * kMinute + 1, "x"),
                 QString("x 1"));
        // At 15 minutes the first is out: four remain, the next attempt may be made.
        QCOMPARE(checked(throttle, kOffice, "wang.li", kT0 + 15 * kMinute, "x"), QString());
        // A colleague at the same address was never held up.
        QCOMPARE(checked(throttle, kOffice, "zhao.min", kT0 + 5 * kMinute, "x"), QString());
    }

    // Guesses sent at once: each one let through counts until it is answered, so that the
    // sixth for one name (and the 21st from one address) waits even before any failure of
    // theirs is recorded; answered, they leave room again (here: right passwords).
    void guessesUnderWayCountUntilAnswered()
    {
        ServerDatabase db;
        QVERIFY(db.open(newFile()));
        SqliteInviteStore store(db);
        GuessThrottle throttle(store);
        std::vector<std::unique_ptr<GuessThrottle::Guess>> underWay(5);
        for (auto &guess : underWay)
            QCOMPARE(refusalOf(throttle.check(kOffice, "wang.li", kT0, "x", &guess)), QString());
        std::unique_ptr<GuessThrottle::Guess> sixth;
        QCOMPARE(
            refusalOf(throttle.check("ipv4:10.9.9.9", "wang.li", kT0, "login_throttled", &sixth)),
            QString("login_throttled 1"));
        QVERIFY(!sixth);
        // Four under way, one recorded failure: still five.
        underWay.pop_back();
        throttle.recordFailure(kOffice, "wang.li", kT0);
        QCOMPARE(checked(throttle, kOffice, "wang.li", kT0, "x"), QString("x 15"));
        underWay.clear();
        QCOMPARE(checked(throttle, kOffice, "wang.li", kT0, "x"), QString());

        // 20 from another office under way, for many names: the 21st waits.
        const QString kOtherOffice = QStringLiteral("ipv4:10.0.0.7");
        std::vector<std::unique_ptr<GuessThrottle::Guess>> office(20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(refusalOf(throttle.check(kOtherOffice, QStringLiteral("user%1").arg(i), kT0,
                                              "x", &office[i])),
                     QString());
        QCOMPARE(checked(throttle, kOtherOffice, "someone", kT0, "x"), QString("x 1"));
        QCOMPARE(checked(throttle, "ipv4:10.0.0.6", "someone", kT0, "x"), QString());
    }

    void twentyFromOneAddress()
    {
        ServerDatabase db;
        QVERIFY(db.open(newFile()));
        SqliteInviteStore store(db);
        GuessThrottle throttle(store);
        // 19 failures of one address, four names, none at five: nobody waits.
        for (int i = 0; i < 19; ++i)
            throttle.recordFailure(kOffice, QStringLiteral("user%1").arg(i % 5), kT0 + i * 1000);
        QCOMPARE(checked(throttle, kOffice, "someone", kT0 + kMinute, "x"), QString());
        throttle.recordFailure(kOffice, "user4", kT0 + 19 * 1000);
        // The 20th: everyone at that address waits; elsewhere the same names do not.
        QCOMPARE(checked(throttle, kOffice, "someone", kT0 + kMinute, "enrol_throttled"),
                 QString("enrol_throttled 14"));
        QCOMPARE(checked(throttle, "ipv4:10.0.0.6", "user1", kT0 + kMinute, "x"), QString());
        // Failures older than the window no longer count.
        QCOMPARE(checked(throttle, kOffice, "someone", kT0 + 15 * kMinute + 1000, "x"), QString());
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
};

QTEST_GUILESS_MAIN(TestGuessThrottle)
#include "tst_guessthrottle.moc"
