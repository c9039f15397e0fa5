// SqliteStatement on both of its paths: straight on the driver's SQLite handle, and through
// a QSqlQuery (the path of a Qt whose SQLite is built into its plugin, as on Android).
#include "common/sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using Path = SqliteStatement::Path;
Q_DECLARE_METATYPE(SqliteStatement::Path)

class TestSqliteStatement : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("t"));
        m_db.setDatabaseName(m_dir.filePath(QStringLiteral("t.db")));
        QVERIFY(m_db.open());
        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("DROP TABLE IF EXISTS item")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE item (id TEXT PRIMARY KEY, n INTEGER, "
                                      "body BLOB NOT NULL) STRICT")));
    }

    void cleanup()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("t"));
    }

    void debianRunsDirect()
    {
#ifdef QS_DIRECT_SQLITE
        // Debian's QSQLITE links the libsqlite3 this program links: the fast path is taken.
        QCOMPARE(SqliteStatement::pathFor(m_db), Path::Direct);
#else
        QCOMPARE(SqliteStatement::pathFor(m_db), Path::ThroughQt);
#endif
    }

    void roundTrip_data()
    {
        QTest::addColumn<Path>("path");
        QTest::newRow("direct") << Path::Direct;
        QTest::newRow("through Qt") << Path::ThroughQt;
    }

    void roundTrip()
    {
        QFETCH(Path, path);
        const std::string id = "记录-1";
        const QByteArray body("\0binary\xff", 8);
        {
            SqliteStatement insert(m_db, "INSERT INTO item (id, n, body) VALUES (?, ?, ?)", path);
            QCOMPARE(insert.path(), path == Path::Direct ? SqliteStatement::pathFor(m_db) : path);
            insert.bindText(1, id);
            insert.bind(2, qint64(1) << 40);
            insert.bindBlob(3, body);
            QVERIFY(!insert.step());
            QVERIFY2(!insert.hasError(), qPrintable(insert.error()));
            QCOMPARE(insert.changes(), 1);
            insert.reset();
            insert.bindText(1, QStringLiteral("记录-2"));
            insert.bind(2, -7);
            insert.bindBlob(3, QByteArray());
            QVERIFY(!insert.step());
            QVERIFY(!insert.hasError());
        }
        SqliteStatement select(m_db, "SELECT id, n, body FROM item ORDER BY n DESC", path);
        QVERIFY(select.step());
        QCOMPARE(select.columnText(0), QStringLiteral("记录-1"));
        QCOMPARE(select.columnInt64(1), qint64(1) << 40);
        QCOMPARE(select.columnBlob(2), body);
        QVERIFY(select.step());
        QCOMPARE(select.columnText(0), QStringLiteral("记录-2"));
        QCOMPARE(select.columnInt64(1), -7);
        QCOMPARE(select.columnBlob(2), QByteArray());
        QVERIFY(!select.step());
        QVERIFY(!select.hasError());
        // Text is stored as text (not as a blob) on both paths: comparisons with SQL literals hold.
        select.reset();
        QSqlQuery typed(m_db);
        QVERIFY(typed.exec(QStringLiteral("SELECT count(*) FROM item WHERE typeof(id) = 'text' "
                                          "AND id LIKE '记录-%'")));
        QVERIFY(typed.next());
        QCOMPARE(typed.value(0).toInt(), 2);
    }

    void conflictIsAnErrorThenResetRecovers_data()
    {
        roundTrip_data();
    }

    void conflictIsAnErrorThenResetRecovers()
    {
        QFETCH(Path, path);
        SqliteStatement insert(m_db, "INSERT INTO item (id, n, body) VALUES (?, ?, ?)", path);
        for (int round = 0; round < 2; ++round) {
            insert.bindText(1, std::string_view("same"));
            insert.bind(2, round);
            insert.bindBlob(3, std::string_view("x"));
            QVERIFY(!insert.step());
            if (round == 0) {
                QVERIFY(!insert.hasError());
            } else {
                QVERIFY(insert.hasError());
                QVERIFY2(insert.error().contains(QLatin1String("UNIQUE")),
                         qPrintable(insert.error()));
            }
            insert.reset();
            QVERIFY(!insert.hasError());
            QVERIFY(insert.error().isEmpty());
        }
        // ON CONFLICT DO NOTHING changes no row, and says so.
        SqliteStatement ignore(
            m_db, "INSERT INTO item (id, n, body) VALUES (?, 9, x'00') ON CONFLICT DO NOTHING",
            path);
        ignore.bindText(1, std::string_view("same"));
        QVERIFY(!ignore.step());
        QVERIFY(!ignore.hasError());
        QCOMPARE(ignore.changes(), 0);
    }

    void badSqlStaysFailed_data()
    {
        roundTrip_data();
    }

    void badSqlStaysFailed()
    {
        QFETCH(Path, path);
        SqliteStatement bad(m_db, "SELEKT nothing", path);
        QVERIFY(bad.hasError());
        QVERIFY(!bad.error().isEmpty());
        bad.bind(1, 1); // ignored, not a crash
        QVERIFY(!bad.step());
        bad.reset();
        QVERIFY(bad.hasError());
    }

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
};

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
