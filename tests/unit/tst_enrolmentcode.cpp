// The enrolment code: what `qingshui-server invite` prints and a tablet types or scans.
#include "domain/enrolmentcode.h"

#include <QtTest>

namespace {

EnrolmentCode sample(const QString &address, bool tls = true)
{
    EnrolmentCode code;
    code.address = address;
    code.username = QStringLiteral("zhangwei");
    if (tls)
        code.certificateFingerprint = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    code.secret = QByteArray::fromHex("0123456789abcdef");
    return code;
}

} // namespace

class TestEnrolmentCode : public QObject {
    Q_OBJECT

private slots:
    void roundTrips_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("username");
        QTest::addColumn<bool>("tls");
        QTest::newRow("ipv4") << "192.168.10.20:50051"
                              << "zhangwei" << true;
        QTest::newRow("host name") << "qingshui.xichuan.gov.cn:443"
                                   << "zhangwei" << true;
        QTest::newRow("ipv6") << "[fd00::1]:50051"
                              << "li.na" << true;
        QTest::newRow("chinese user") << "10.0.0.1:8443"
                                      << "淅川督导" << true;
        QTest::newRow("loopback plaintext") << "127.0.0.1:50051"
                                            << "demo" << false;
        QTest::newRow("leading zero stays text") << "010.0.0.1:50051"
                                                 << "x" << true;
    }
    void roundTrips()
    {
        QFETCH(QString, address);
        QFETCH(QString, username);
        QFETCH(bool, tls);
        EnrolmentCode code = sample(address, tls);
        code.username = username;
        const QString text = code.toText();
        QVERIFY(text.startsWith(QLatin1String("QS1-")));
        EnrolmentCode::ParseError error;
        const auto back = EnrolmentCode::parse(text, &error);
        QVERIFY(back);
        QCOMPARE(error, EnrolmentCode::ParseError::None);
        QCOMPARE(back->address, address);
        QCOMPARE(back->username, username);
        QCOMPARE(back->certificateFingerprint, code.certificateFingerprint);
        QCOMPARE(back->secret, code.secret);
        QCOMPARE(back->usesTls(), tls);
    }

    // An IPv4 server gives a code of 17 groups: short enough to type.
    void ipv4CodeIsShort()
    {
        const QString text = sample(QStringLiteral("192.168.10.20:50051")).toText();
        QCOMPARE(text.count(QLatin1Char('-')), 17);
        for (const QChar c : text.mid(4))
            QVERIFY2(c == QLatin1Char('-')
                         || QByteArray("0123456789ABCDEFGHJKMNPQRSTVWXYZ").contains(c.toLatin1()),
                     qPrintable(text));
    }

    // Typed as people type: lower case, O for 0, I or L for 1, spaces instead of dashes.
    void readsWhatPeopleType()
    {
        const EnrolmentCode code = sample(QStringLiteral("192.168.10.20:50051"));
        const QString text = code.toText();
        QString typed = text.toLower();
        typed.replace(QLatin1Char('-'), QLatin1Char(' '));
        typed.replace(QLatin1Char('0'), QLatin1Char('o'));
        typed.replace(QLatin1Char('1'), QLatin1Char('l'));
        const auto back = EnrolmentCode::parse(QStringLiteral("  ") + typed + QStringLiteral("\n"));
        QVERIFY(back);
        QCOMPARE(back->secret, code.secret);
    }

    // Every single wrong character, left-out character and swapped pair is caught.
    void catchesEveryTypingError()
    {
        const QString text = sample(QStringLiteral("192.168.10.20:50051")).toText();
        const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
        int checked = 0;
        for (int i = 4; i < text.size(); ++i) {
            if (text[i] == QLatin1Char('-'))
                continue;
            for (const QChar c : alphabet) {
                if (c == text[i])
                    continue;
                QString wrong = text;
                wrong[i] = c;
                EnrolmentCode::ParseError error;
                QVERIFY2(!EnrolmentCode::parse(wrong, &error), qPrintable(wrong));
                QCOMPARE(error, EnrolmentCode::ParseError::Mistyped);
                ++checked;
            }
            QString missing = text;
            missing.remove(i, 1);
            QVERIFY2(!EnrolmentCode::parse(missing), qPrintable(missing));
        }
        for (int i = 4; i + 1 < text.size(); ++i) {
            if (text[i] == QLatin1Char('-') || text[i + 1] == QLatin1Char('-'))
                continue; // dashes are only for reading
            QString swapped = text;
            std::swap(swapped[i], swapped[i + 1]);
            if (swapped != text)
                QVERIFY2(!EnrolmentCode::parse(swapped), qPrintable(swapped));
        }
        QVERIFY(checked > 1000);
    }

    void saysWhatIsWrong_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("error");
        QTest::newRow("empty") << "  - " << int(EnrolmentCode::ParseError::Empty);
        QTest::newRow("a url") << "https://example.org" << int(EnrolmentCode::ParseError::NotACode);
        QTest::newRow("newer") << "QS2-ABCD-EFGH" << int(EnrolmentCode::ParseError::UnknownVersion);
        QTest::newRow("bad character")
            << "QS1-AB#D" << int(EnrolmentCode::ParseError::BadCharacter);
        QTest::newRow("u is not base32")
            << "QS1-ABUD" << int(EnrolmentCode::ParseError::BadCharacter);
        QTest::newRow("too short") << "QS1-AB" << int(EnrolmentCode::ParseError::Mistyped);
    }
    void saysWhatIsWrong()
    {
        QFETCH(QString, text);
        QFETCH(int, error);
        EnrolmentCode::ParseError got;
        QVERIFY(!EnrolmentCode::parse(text, &got));
        QCOMPARE(int(got), error);
    }

    void refusesWhatDoesNotFit()
    {
        EnrolmentCode code = sample(QStringLiteral("192.168.10.20:50051"));
        code.secret.chop(1);
        QVERIFY(code.toText().isEmpty());
        code = sample(QStringLiteral("192.168.10.20:50051"));
        code.certificateFingerprint = QByteArray(32, 'x'); // a whole SHA-256 is not the format
        QVERIFY(code.toText().isEmpty());
        code = sample(QString(300, QLatin1Char('h')) + QStringLiteral(":1"));
        QVERIFY(code.toText().isEmpty());
        code = sample(QStringLiteral("192.168.10.20:50051"));
        code.username.clear();
        QVERIFY(code.toText().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEnrolmentCode)
#include "tst_enrolmentcode.moc"
