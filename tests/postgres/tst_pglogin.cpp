// The PostgreSQL side of login under attack (issue 14 part D, schema 11) on a real cluster:
// the guessing throttle's failures are counted per address, per user name from strangers and
// per own device; `user disable` ends the account's tokens and enabling it brings none back;
// a token being written while the account is disabled is ended too (the writer holds the
// account row FOR SHARE, the disable waits for it); a disabled account's token says so before
// it says revoked.
#include "pgtestdatabase.h"
#include "postgres/pgaccountstore.h"
#include "postgres/pgconnection.h"
#include "postgres/pgdatabase.h"
#include "postgres/pginvitestore.h"

#include <QtTest>

#include <thread>

class TestPgLogin : public QObject {
    Q_OBJECT

    PgTestDatabase m_database {QStringLiteral("pglogin")};
    PgDatabase m_db;

    qint64 addAccount(const QString &username)
    {
        PgAccountStore accounts(m_db);
        Account account;
        account.username = username;
        account.passwordHash = QStringLiteral("$argon2id$not-checked-here");
        if (!accounts.addAccount(account))
            return 0;
        const std::optional<Account> added = accounts.findAccount(username);
        return added ? added->id : 0;
    }

    static QByteArray hashOf(const char *token) { return QByteArray(token).leftJustified(32, '.'); }

    qint64 revokedAtMs(const QByteArray &tokenHash)
    {
        PgConnection c(m_database.url());
        const PgResult r
            = c.exec(QStringLiteral("SELECT revoked_at_ms FROM token WHERE hash = ?"), {tokenHash});
        return r.ok() && r.rows() == 1 ? r.value(0, 0).toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_database.create(&error), qPrintable(error));
        QVERIFY2(m_db.open(m_database.url()), qPrintable(m_db.error()));
    }

    void failuresCountedByAddressStrangerAndOwnDevice()
    {
        PgInviteStore invites(m_db);
        using Failure = InviteStore::Failure;
        using Key = InviteStore::FailureKey;
        // Two strangers guess zhang's password from 10.0.0.9; his own tablet mistypes once.
        QVERIFY(invites.recordFailure(Failure {1000, QStringLiteral("10.0.0.9"),
                                               QStringLiteral("zhang"), QStringLiteral("x1")}));
        QVERIFY(invites.recordFailure(Failure {2000, QStringLiteral("10.0.0.9"),
                                               QStringLiteral("zhang"), QStringLiteral("x2")}));
        QVERIFY(invites.recordFailure(Failure {3000, QStringLiteral("10.0.0.5"),
                                               QStringLiteral("zhang"), QStringLiteral("tab-1"),
                                               true}));
        QVERIFY(invites.recordFailure(
            Failure {4000, QStringLiteral("10.0.0.9"), QStringLiteral("li"), QString()}));

        QList<qint64> times;
        QVERIFY2(invites.failureTimes(Key::Peer, QStringLiteral("10.0.0.9"), {}, 0, 10, &times),
                 qPrintable(invites.lastError()));
        QCOMPARE(times, (QList<qint64> {1000, 2000, 4000})); // oldest first, any name
        QVERIFY(invites.failureTimes(Key::Peer, QStringLiteral("10.0.0.9"), {}, 0, 2, &times));
        QCOMPARE(times, (QList<qint64> {2000, 4000})); // the latest `limit`
        QVERIFY(invites.failureTimes(Key::Peer, QStringLiteral("10.0.0.9"), {}, 2000, 10, &times));
        QCOMPARE(times, (QList<qint64> {4000})); // only after sinceMs
        QVERIFY(invites.failureTimes(Key::Stranger, QStringLiteral("zhang"), {}, 0, 10, &times));
        QCOMPARE(times, (QList<qint64> {1000, 2000})); // his own tablet's miss is not counted
        QVERIFY(invites.failureTimes(Key::OwnDevice, QStringLiteral("zhang"),
                                     QStringLiteral("tab-1"), 0, 10, &times));
        QCOMPARE(times, (QList<qint64> {3000}));
        QVERIFY(invites.failureTimes(Key::OwnDevice, QStringLiteral("zhang"),
                                     QStringLiteral("tab-2"), 0, 10, &times));
        QVERIFY(times.isEmpty());
    }

    void disableEndsTokensForGood()
    {
        PgAccountStore accounts(m_db);
        const qint64 id = addAccount(QStringLiteral("wang"));
        QVERIFY2(id > 0, qPrintable(accounts.lastError()));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray before = hashOf("before-disable");
        QCOMPARE(accounts.issueToken(id, QStringLiteral("tab-w"), QStringLiteral("平板"), before,
                                     now, now + 3600000, AccountStore::DeviceRule::EnrolAny),
                 AccountStore::IssueResult::Issued);
        Caller caller;
        QCOMPARE(accounts.callerForToken(before, now, &caller), AccountStore::TokenCheck::Valid);

        QVERIFY2(accounts.setDisabled(QStringLiteral("wang"), true),
                 qPrintable(accounts.lastError()));
        QVERIFY(revokedAtMs(before) > 0); // ended in the same transaction as the disable
        // Disabled comes first: the tablet is told why, not just "revoked".
        QCOMPARE(accounts.callerForToken(before, now, &caller),
                 AccountStore::TokenCheck::AccountDisabled);
        QCOMPARE(accounts.issueToken(id, QStringLiteral("tab-w"), QStringLiteral("平板"),
                                     hashOf("while-disabled"), now, now + 3600000,
                                     AccountStore::DeviceRule::EnrolAny),
                 AccountStore::IssueResult::AccountDisabled);
        QCOMPARE(accounts.callerForToken(hashOf("while-disabled"), now, &caller),
                 AccountStore::TokenCheck::Unknown); // nothing of it was written

        QVERIFY(accounts.setDisabled(QStringLiteral("wang"), false));
        QCOMPARE(accounts.callerForToken(before, now, &caller), AccountStore::TokenCheck::Revoked);
        const QByteArray after = hashOf("after-enable");
        QCOMPARE(accounts.issueToken(id, QStringLiteral("tab-w"), QStringLiteral("平板"), after,
                                     now, now + 3600000, AccountStore::DeviceRule::EnrolAny),
                 AccountStore::IssueResult::Issued);
        QCOMPARE(accounts.callerForToken(after, now, &caller), AccountStore::TokenCheck::Valid);

        QVERIFY(!accounts.setDisabled(QStringLiteral("nobody"), true));
        QVERIFY(accounts.lastError().contains(QStringLiteral("nobody")));
    }

    // A login whose password was checked just before a `user disable`: its token is being
    // written when the disable runs. The disable waits for the writer's lock on the account
    // and then ends that token too.
    void disableWaitsForATokenBeingWritten()
    {
        PgAccountStore accounts(m_db);
        const qint64 id = addAccount(QStringLiteral("zhao"));
        QVERIFY2(id > 0, qPrintable(accounts.lastError()));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray racing = hashOf("racing-the-disable");

        PgConnection writer(m_database.url());
        QVERIFY(writer.begin().ok());
        QString error;
        QCOMPARE(PgAccountStore::writeToken(writer, id, QStringLiteral("tab-z"),
                                            QStringLiteral("平板"), racing, now, now + 3600000,
                                            AccountStore::DeviceRule::EnrolAny, &error),
                 AccountStore::IssueResult::Issued);

        bool disabled = false;
        std::thread disable([&] { disabled = accounts.setDisabled(QStringLiteral("zhao"), true); });
        // The disable is held by the writer's lock on the account row (not a time: the
        // cluster says it waits).
        PgConnection watcher(m_database.url());
        bool waiting = false;
        for (int i = 0; i < 1000 && !waiting; ++i) {
            const PgResult r = watcher.exec(QStringLiteral(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND query LIKE 'UPDATE account SET disabled%'"));
            waiting = r.ok() && r.value(0, 0).toLongLong() == 1;
            if (!waiting)
                QThread::msleep(10);
        }
        const bool committed = writer.commit().ok();
        disable.join();
        QVERIFY(waiting);
        QVERIFY(committed);
        QVERIFY2(disabled, qPrintable(accounts.lastError()));
        QVERIFY(revokedAtMs(racing) > 0);
        Caller caller;
        QCOMPARE(accounts.callerForToken(racing, now, &caller),
                 AccountStore::TokenCheck::AccountDisabled);
        QVERIFY(accounts.setDisabled(QStringLiteral("zhao"), false));
        QCOMPARE(accounts.callerForToken(racing, now, &caller), AccountStore::TokenCheck::Revoked);
    }
};

QTEST_GUILESS_MAIN(TestPgLogin)
#include "tst_pglogin.moc"
