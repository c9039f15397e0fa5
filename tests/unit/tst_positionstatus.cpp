// A position source's errors as the header shows them: worded in the app's language when
// read, so the same error reads in English once the language is switched, and gone after a
// fix.
#include "controllers/positionstatus.h"
#include "positioning/qtpositionprovider.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTranslator>
#include <QtTest>

namespace {

const QRegularExpression kChinese(QStringLiteral("[\\x{3000}-\\x{9fff}\\x{ff00}-\\x{ffef}]"));

// Stands in for a GPS chip, which this machine does not have: it reports what it is told.
class ScriptedProvider : public PositionProvider {
    Q_OBJECT
public:
    using PositionProvider::PositionProvider;
    void start() override { }
    void stop() override { }
    QString sourceName() const override { return QStringLiteral("scripted"); }
    void fail(Error error, const QString &detail = {}) { emit errorOccurred(error, detail); }
    void fix(const GeoFix &f) { emit fixReceived(f); }
};

// Every kind of error, worded by PositionStatus in the current language.
QStringList everyError()
{
    ScriptedProvider provider;
    PositionStatus status(&provider);
    QStringList out;
    using E = PositionProvider::Error;
    for (const E e : {E::NoSource, E::AccessDenied, E::SourceClosed, E::Timeout}) {
        provider.fail(e);
        out << status.error();
    }
    provider.fail(E::SourceFailed, QStringLiteral("2"));
    out << status.error();
    return out;
}

} // namespace

class TestPositionStatus : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("zh_CN"))); }

    // The real provider, replaying a log that is not there: the error names the file.
    void anUnreadableReplayIsWordedInTheCurrentLanguage()
    {
        const QString missing = QStringLiteral("/nonexistent/qingshui/track.nmea");
        QtPositionProvider *provider = QtPositionProvider::createNmeaReplay(missing, this);
        PositionStatus status(provider);
        QSignalSpy changed(&status, &PositionStatus::changed);
        provider->start();
        QVERIFY(changed.count() >= 1);
        QVERIFY2(status.error().contains(missing) && status.error().contains(kChinese),
                 qPrintable(status.error()));

        // The same error, read again after the language changed: English, no Chinese.
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/qingshui_en.qm")));
        QCoreApplication::installTranslator(&english);
        const QString worded = status.error();
        QCoreApplication::removeTranslator(&english);
        QVERIFY2(worded.contains(missing) && !worded.contains(kChinese), qPrintable(worded));
        provider->stop();
        delete provider;
    }

    void everyKindReadsInBothLanguagesAndAFixClearsIt()
    {
        const QStringList chinese = everyError();
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/qingshui_en.qm")));
        QCoreApplication::installTranslator(&english);
        const QStringList inEnglish = everyError();
        QCoreApplication::removeTranslator(&english);
        QCOMPARE(QSet<QString>(chinese.begin(), chinese.end()).size(), chinese.size());
        for (int i = 0; i < chinese.size(); ++i) {
            QVERIFY2(chinese.at(i).contains(kChinese), qPrintable(chinese.at(i)));
            QVERIFY2(!inEnglish.at(i).isEmpty() && !inEnglish.at(i).contains(kChinese),
                     qPrintable(inEnglish.at(i)));
        }
        QVERIFY(inEnglish.last().contains(QLatin1String("2"))); // Qt's error number

        ScriptedProvider provider;
        PositionStatus status(&provider);
        provider.fail(PositionProvider::Error::NoSource);
        QVERIFY(!status.error().isEmpty());
        GeoFix fix;
        fix.latitude = 33.1;
        fix.longitude = 111.5;
        fix.horizontalAccuracyM = 4;
        fix.fixTimeMs = QDateTime::currentMSecsSinceEpoch();
        provider.fix(fix);
        QVERIFY(status.hasFix());
        QCOMPARE(status.error(), QString());
    }
};

QTEST_GUILESS_MAIN(TestPositionStatus)
#include "tst_positionstatus.moc"
