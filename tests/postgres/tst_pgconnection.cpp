// The libpq layer of the server's PostgreSQL backend (sync/server/postgres) on a real
// cluster: values go in and come back as they were; a failed statement says what failed and
// leaves the connection usable; a lost connection fails the call that meets it, never
// crashes, and the next call connects again; lost inside a transaction, nothing of it
// commits and nothing after it runs outside it; the pool hands out at most its size.
#include "pgtestdatabase.h"
#include "postgres/pgconnection.h"
#include "postgres/pgpool.h"

#include <QRegularExpression>
#include <QtTest>

#include <atomic>
#include <thread>

class TestPgConnection : public QObject {
    Q_OBJECT

    PgTestDatabase m_database {QStringLiteral("pgconnection")};

    // Ends every other connection to the test database, as an administrator's
    // pg_terminate_backend or a PostgreSQL restart would.
    void cutConnections()
    {
        PgConnection admin(m_database.url());
        const PgResult r = admin.exec(
            QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QVERIFY(r.value(0, 0).toLongLong() >= 1);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_database.create(&error), qPrintable(error));
        PgConnection c(m_database.url());
        const PgResult made = c.execScript(QStringLiteral(
            "CREATE TABLE kept (id BIGINT PRIMARY KEY, name TEXT, data BYTEA, flag INTEGER)"));
        QVERIFY2(made.ok(), qPrintable(made.error()));
    }

    void valuesRoundTrip()
    {
        PgConnection c(m_database.url());
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes += char(i); // every byte value, zeros included
        const QString name = QStringLiteral("丹江口 水源 ✓ '?'");
        PgResult r = c.exec(QStringLiteral("INSERT INTO kept VALUES (?, ?, ?, ?)"),
                            {qint64(1) << 40, name, bytes, true});
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.affected(), 1LL);
        r = c.exec(QStringLiteral("INSERT INTO kept VALUES (?, ?, ?, ?)"),
                   {2, QString(), QVariant(), 0});
        QVERIFY2(r.ok(), qPrintable(r.error()));
        r = c.exec(QStringLiteral("SELECT id, name, data, flag, flag = 1, name IS NULL, "
                                  "data IS NULL FROM kept ORDER BY id DESC"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.rows(), 2);
        QCOMPARE(r.value(0, 0), QVariant(qlonglong(1) << 40));
        QCOMPARE(r.value(0, 1).toString(), name);
        QCOMPARE(r.value(0, 2).toByteArray(), bytes);
        QCOMPARE(r.value(0, 3).toInt(), 1);
        QCOMPARE(r.value(0, 4), QVariant(true));
        // A null QString is '' (as the SQLite stores bind it); an invalid QVariant is NULL.
        QCOMPARE(r.value(1, 1), QVariant(QString()));
        QCOMPARE(r.value(1, 5), QVariant(false));
        QVERIFY(!r.value(1, 2).isValid());
        QCOMPARE(r.value(1, 6), QVariant(true));
    }

    void aFailedStatementSaysWhatAndTheConnectionGoesOn()
    {
        PgConnection c(m_database.url());
        PgResult r = c.exec(QStringLiteral("INSERT INTO kept (id) VALUES (?)"), {7});
        QVERIFY(r.ok());
        r = c.exec(QStringLiteral("INSERT INTO kept (id) VALUES (?)"), {7});
        QVERIFY(!r.ok());
        QCOMPARE(r.sqlState(), QStringLiteral("23505")); // unique_violation
        QVERIFY2(r.error().contains(QLatin1String("kept_pkey")), qPrintable(r.error()));
        r = c.exec(QStringLiteral("SELECT nosuchcolumn FROM kept"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("nosuchcolumn")), qPrintable(r.error()));
        r = c.exec(QStringLiteral("SELECT count(*) FROM kept WHERE id = ?"), {7});
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.value(0, 0).toLongLong(), 1LL);
        // A transaction a failed statement aborted does not commit.
        QVERIFY(c.begin().ok());
        QVERIFY(c.exec(QStringLiteral("INSERT INTO kept (id) VALUES (?)"), {8}).ok());
        QVERIFY(!c.exec(QStringLiteral("INSERT INTO kept (id) VALUES (?)"), {7}).ok());
        QVERIFY(!c.commit().ok());
        QCOMPARE(c.exec(QStringLiteral("SELECT count(*) FROM kept WHERE id = 8")).value(0, 0),
                 QVariant(qlonglong(0)));
    }

    void noServerIsAnErrorNotACrash()
    {
        QString url = m_database.url();
        url.replace(QRegularExpression(QStringLiteral("/qs_[a-z]+_[0-9]+")),
                    QStringLiteral("/nosuchdatabase"));
        PgConnection c(url);
        const PgResult r = c.exec(QStringLiteral("SELECT 1"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("nosuchdatabase")), qPrintable(r.error()));
        QVERIFY(!c.connected());
    }

    void aLostConnectionFailsOneCallThenReconnects()
    {
        PgConnection c(m_database.url());
        QVERIFY(c.exec(QStringLiteral("SELECT 1")).ok());
        cutConnections();
        const PgResult lost = c.exec(QStringLiteral("SELECT 1"));
        QVERIFY(!lost.ok());
        QVERIFY(!lost.error().isEmpty());
        const PgResult again = c.exec(QStringLiteral("SELECT ? + 1"), {41});
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(again.value(0, 0).toInt(), 42);
    }

    void aConnectionLostInATransactionCommitsNothingOfIt()
    {
        PgConnection c(m_database.url());
        QVERIFY(c.begin().ok());
        QVERIFY(c.exec(QStringLiteral("INSERT INTO kept (id) VALUES (?)"), {20}).ok());
        cutConnections();
        QVERIFY(!c.exec(QStringLiteral("INSERT INTO kept (id) VALUES (?)"), {21}).ok());
        // Not on a new connection outside the transaction: refused until rollback.
        const PgResult refused = c.exec(QStringLiteral("INSERT INTO kept (id) VALUES (?)"), {22});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QLatin1String("lost inside this transaction")),
                 qPrintable(refused.error()));
        QVERIFY(!c.commit().ok());
        c.rollback();
        const PgResult none
            = c.exec(QStringLiteral("SELECT count(*) FROM kept WHERE id BETWEEN 20 AND 22"));
        QVERIFY2(none.ok(), qPrintable(none.error()));
        QCOMPARE(none.value(0, 0).toLongLong(), 0LL);
    }

    void thePoolHandsOutAtMostItsSize()
    {
        PgPool pool(m_database.url(), 2);
        std::atomic<int> leased {0}, most {0}, done {0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 6; ++i) {
            threads.emplace_back([&] {
                PgPool::Lease c = pool.lease();
                const int now = ++leased;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) { }
                if (c->exec(QStringLiteral("SELECT pg_sleep(0.05)")).ok())
                    ++done;
                --leased;
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(done.load(), 6);
        QVERIFY(most.load() <= 2);
        PgConnection admin(m_database.url());
        const PgResult open = admin.exec(QStringLiteral(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND application_name = 'qingshui-server' AND pid <> pg_backend_pid()"));
        QCOMPARE(open.value(0, 0).toLongLong(), 2LL);
    }
};

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
