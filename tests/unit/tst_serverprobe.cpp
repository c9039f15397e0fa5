// The offline probe: server addresses as gRPC takes them, and a TCP connect on loopback.
#include "serverprobe.h"

#include <QTcpServer>
#include <QtTest>

class TestServerProbe : public QObject {
    Q_OBJECT

private slots:
    void splitsAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << "127.0.0.1:50051" << true << "127.0.0.1" << 50051;
        QTest::newRow("name") << "localhost:8080" << true << "localhost" << 8080;
        QTest::newRow("ipv6") << "[::1]:443" << true << "::1" << 443;
        QTest::newRow("dns scheme")
            << "dns:///sync.example.org:443" << true << "sync.example.org" << 443;
        QTest::newRow("no port") << "127.0.0.1" << false << "" << 0;
        QTest::newRow("port zero") << "127.0.0.1:0" << false << "" << 0;
        QTest::newRow("port too big") << "127.0.0.1:70000" << false << "" << 0;
        QTest::newRow("no host") << ":50051" << false << "" << 0;
        QTest::newRow("empty") << "" << false << "" << 0;
    }

    void splitsAddresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, valid);
        QFETCH(QString, host);
        QFETCH(int, port);
        QString h;
        quint16 p = 0;
        QCOMPARE(splitServerAddress(address, &h, &p), valid);
        if (valid) {
            QCOMPARE(h, host);
            QCOMPARE(int(p), port);
        }
    }

    void answersWhereSomethingListens()
    {
        QTcpServer listening;
        QVERIFY(listening.listen(QHostAddress::LocalHost, 0));
        const QString address = QStringLiteral("127.0.0.1:%1").arg(listening.serverPort());
        QVERIFY(serverAnswersTcp(address, 3000));
        listening.close();
        QVERIFY(!serverAnswersTcp(address, 3000)); // refused: nothing listens there now
        QVERIFY(!serverAnswersTcp(QStringLiteral("not an address"), 3000));
    }
};

QTEST_GUILESS_MAIN(TestServerProbe)
#include "tst_serverprobe.moc"
