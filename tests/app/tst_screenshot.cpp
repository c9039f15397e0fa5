// `qingshui --screenshot` renders each mode's first screen, with its Chinese text, to a PNG.
#include <QFontDatabase>
#include <QFontMetrics>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestScreenshot : public QObject {
    Q_OBJECT

private slots:
    void aFontCoversTheChineseUi()
    {
        // Without a CJK font the screenshots would show boxes instead of 清水巡查.
        const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
        QVERIFY2(!families.isEmpty(), "no font for Simplified Chinese (install fonts-noto-cjk)");
        QFontMetrics metrics {QFont(families.first())};
        for (const QChar c : QStringLiteral("清水巡查一库永续北送"))
            QVERIFY(metrics.inFont(c));
    }

    void eachModeRendersAPng_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QSize>("size");
        QTest::newRow("inspector landscape") << "inspector" << QSize(1280, 800);
        QTest::newRow("inspector portrait") << "inspector" << QSize(800, 1280);
        QTest::newRow("supervisor") << "supervisor" << QSize(1280, 800);
        QTest::newRow("kiosk") << "kiosk" << QSize(1920, 1080);
    }

    void eachModeRendersAPng()
    {
        QFETCH(QString, mode);
        QFETCH(QSize, size);
        QTemporaryDir dir;
        const QString png = dir.filePath(mode + ".png");
        QProcess app;
        app.start(QStringLiteral(QINGSHUI_APP_PATH),
                  {"--mode", mode, "--screenshot", png, "--size",
                   QStringLiteral("%1x%2").arg(size.width()).arg(size.height())});
        QVERIFY(app.waitForFinished(60000));
        QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), size);
        // A real screen, not a blank: many distinct colours (text antialiasing, header, cards).
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
