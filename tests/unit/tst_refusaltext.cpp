// RefusalText words every refusal code docs/sync.md documents, in Chinese and (through the
// app's English translation) in English, with its args; a code it does not know still names
// it; every enrolment outcome and every mistyped-code case has its own wording.
#include "controllers/refusaltext.h"
#include "deviceenrolment.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>
#include <QtTest>

namespace {

// The codes of the "Refusal codes" table in docs/sync.md, in its order.
QStringList documentedCodes()
{
    QFile doc(QStringLiteral(QS_SYNC_DOC));
    if (!doc.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(doc.readAll());
    const int table = text.indexOf(QLatin1String("## Refusal codes"));
    const int end = text.indexOf(QLatin1String("\n## "), table + 1);
    static const QRegularExpression row(QStringLiteral("^\\| `([a-z_]+)` \\|"),
                                        QRegularExpression::MultilineOption);
    QStringList codes;
    auto it = row.globalMatch(text.mid(table, end - table));
    while (it.hasNext())
        codes << it.next().captured(1);
    return codes;
}

bool hasChinese(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x3400 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

// Args of the right kind for each code: times, sizes and ids where it takes them.
Refusal sample(const QString &code)
{
    const QString when = QString::number(
        QDateTime(QDate(2026, 12, 24), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch());
    return {code, {when, QStringLiteral("1048576"), QStringLiteral("3"), QStringLiteral("4")}};
}

} // namespace

class TestRefusalText : public QObject {
    Q_OBJECT

    QTranslator m_english;

    void useEnglish(bool english)
    {
        QCoreApplication::removeTranslator(&m_english);
        if (english)
            QCoreApplication::installTranslator(&m_english);
        QLocale::setDefault(QLocale(english ? QStringLiteral("en_US") : QStringLiteral("zh_CN")));
    }

private slots:
    void initTestCase() { QVERIFY(m_english.load(QStringLiteral(":/i18n/qingshui_en.qm"))); }

    void theDocumentedCodesAreTheWordedOnes()
    {
        const QStringList documented = documentedCodes();
        QVERIFY(documented.size() > 30);
        QCOMPARE(RefusalText::knownCodes(), documented);
    }

    void everyCodeIsWordedInBothLanguages()
    {
        const QString fallbackZh = RefusalText::describe(Refusal {"no_such_code", {}});
        for (const bool english : {false, true}) {
            useEnglish(english);
            for (const QString &code : RefusalText::knownCodes()) {
                const QString text = RefusalText::describe(sample(code));
                QVERIFY2(!text.isEmpty(), qPrintable(code));
                QVERIFY2(!text.contains(code), qPrintable(code + ": " + text)); // not the fallback
                QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("%\\d"))),
                         qPrintable(text));
                QVERIFY2(hasChinese(text) != english, qPrintable(text));
            }
        }
        useEnglish(false);
        QVERIFY(fallbackZh.contains("no_such_code"));
    }

    void argsAreShownAsTheirKind()
    {
        const qint64 when
            = QDateTime(QDate(2026, 12, 24), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch();
        useEnglish(true);
        QString text = RefusalText::describe(Refusal {"invite_expired", {QString::number(when)}});
        QVERIFY2(text.contains(QLocale().toString(QDateTime::fromMSecsSinceEpoch(when),
                                                  QLocale::ShortFormat)),
                 qPrintable(text));
        QCOMPARE(RefusalText::describe(Refusal {"enrol_throttled", {"15"}}),
                 QString("Too many attempts: please try again in 15 min"));
        text = RefusalText::describe(Refusal {"server_disk_full", {"3145728"}});
        QVERIFY2(text.contains(QLocale().formattedDataSize(3145728)), qPrintable(text));
        const QString sha(64, 'a');
        text = RefusalText::describe(Refusal {"blob_not_available", {sha}});
        QVERIFY2(!text.contains(sha) && text.contains(sha.left(8)), qPrintable(text));
        useEnglish(false);
        QCOMPARE(RefusalText::describe(Refusal {"enrol_throttled", {"15"}}),
                 QString("尝试次数过多，请 15 分钟后再试"));
        // Missing args leave no placeholder behind.
        QVERIFY(!RefusalText::describe(Refusal {"revision_unknown", {}}).contains("%"));
    }

    void anUnknownCodeIsNamed()
    {
        useEnglish(true);
        QCOMPARE(RefusalText::describe(Refusal {"quota_exceeded", {"3"}}),
                 QString("The server refused the request (quota_exceeded)"));
        QCOMPARE(RefusalText::describe(Refusal {}), QString("The server refused the request"));
        useEnglish(false);
        QCOMPARE(RefusalText::describe(Refusal {"quota_exceeded", {"3"}}),
                 QString("服务器拒绝了请求（quota_exceeded）"));
    }

    void enrolmentOutcomesAndCodeErrors()
    {
        for (const bool english : {false, true}) {
            useEnglish(english);
            QSet<QString> seen;
            for (const auto failure :
                 {EnrolmentResult::Unreachable, EnrolmentResult::NotTls,
                  EnrolmentResult::CertificateMismatch, EnrolmentResult::LocalStore}) {
                EnrolmentResult result;
                result.failure = failure;
                const QString text = RefusalText::describe(result);
                QVERIFY(!text.isEmpty() && hasChinese(text) != english);
                seen << text;
            }
            EnrolmentResult refused;
            refused.failure = EnrolmentResult::Refused;
            refused.refusal = {"invite_unknown", {}};
            QCOMPARE(RefusalText::describe(refused), RefusalText::describe(refused.refusal));
            seen << RefusalText::describe(refused);
            QCOMPARE(seen.size(), 5);
            QVERIFY(RefusalText::describe(EnrolmentResult()).isEmpty());

            seen.clear();
            using E = EnrolmentCode::ParseError;
            for (const E error : {E::Empty, E::NotACode, E::UnknownVersion, E::BadCharacter,
                                  E::Mistyped, E::Malformed}) {
                const QString text = RefusalText::describe(error);
                QVERIFY(!text.isEmpty() && hasChinese(text) != english);
                seen << text;
            }
            QCOMPARE(seen.size(), 6);
            QVERIFY(RefusalText::describe(E::None).isEmpty());
        }
        useEnglish(false);
    }
};

QTEST_GUILESS_MAIN(TestRefusalText)
#include "tst_refusaltext.moc"
