// Time-ordered ids (UUID version 7): well-formed UUIDs whose text sorts by the time they were
// made, and as unique as random ones within one millisecond.
#include "domain/timeorderedid.h"

#include <QSet>
#include <QUuid>
#include <QtTest>

class TestTimeOrderedId : public QObject {
    Q_OBJECT

private slots:
    void isAVersion7Uuid()
    {
        const QString id = TimeOrderedId::createAt(0x0190163d8694);
        QCOMPARE(id.size(), 36);
        QCOMPARE(id, id.toLower());
        QVERIFY(!QUuid::fromString(id).isNull()); // what the server's request checks accept
        // By the text: QUuid::version() of Qt 6.4 knows versions 1 to 5 only.
        QCOMPARE(id.at(14), QLatin1Char('7'));
        QVERIFY(QStringLiteral("89ab").contains(id.at(19))); // RFC 9562's variant 0b10
        QVERIFY2(id.startsWith(QLatin1String("0190163d-8694-7")), qPrintable(id));
    }

    void laterIdsSortLater()
    {
        const qint64 start = 1700000000000;
        QString previous = TimeOrderedId::createAt(start);
        for (qint64 ms = start + 1; ms < start + 5000; ++ms) {
            const QString id = TimeOrderedId::createAt(ms);
            QVERIFY2(previous < id, qPrintable(previous + QLatin1String(" ≮ ") + id));
            previous = id;
        }
        // Now is after the Unix epoch's first day.
        QVERIFY(TimeOrderedId::createAt(86400000) < TimeOrderedId::create());
    }

    void idsOfOneMillisecondDiffer()
    {
        QSet<QString> ids;
        for (int i = 0; i < 10000; ++i)
            ids.insert(TimeOrderedId::createAt(1700000000000));
        QCOMPARE(ids.size(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestTimeOrderedId)
#include "tst_timeorderedid.moc"
