// The photo names a record's content refers to, found without parsing it.
#include "domain/photoreferences.h"

#include <QtTest>

class TestPhotoReferences : public QObject {
    Q_OBJECT

private slots:
    void findsEachPhotoOnceInOrder()
    {
        const QString a(64, QLatin1Char('a'));
        const QString b = QStringLiteral("0123456789abcdef").repeated(4);
        const QByteArray json = QStringLiteral(R"({"answers":{"photos":["%1","%2"],)"
                                               R"("C9_photos":["%1"],"note":"%2"}})")
                                    .arg(b, a)
                                    .toUtf8();
        QCOMPARE(photoReferencesIn(json), QStringList({b, a}));
    }

    void ignoresWhatIsNotExactlyAPhotoName()
    {
        const QString a(64, QLatin1Char('a'));
        const QByteArray json = QStringLiteral(R"({"x":"%1","y":"%2","z":"%3 ","w":"%4",)"
                                               R"("v":"%5"})")
                                    .arg(a.left(63), a + QLatin1Char('a'), a, a.toUpper(),
                                         QLatin1Char('g') + a.left(63))
                                    .toUtf8();
        QCOMPARE(photoReferencesIn(json), QStringList());
        QCOMPARE(photoReferencesIn(QByteArray()), QStringList());
        QCOMPARE(photoReferencesIn(QByteArray("\"") + a.toLatin1()), QStringList()); // cut off
    }

    void aNameRightAfterAnotherStringIsFound()
    {
        const QString a(64, QLatin1Char('d'));
        // "abc" is hex too: the scan must not swallow the quote that opens the photo name.
        const QByteArray json = QStringLiteral(R"(["abc","%1"])").arg(a).toUtf8();
        QCOMPARE(photoReferencesIn(json), QStringList({a}));
    }

    void isPhotoReference()
    {
        QVERIFY(::isPhotoReference(QString(64, QLatin1Char('f'))));
        QVERIFY(!::isPhotoReference(QString(64, QLatin1Char('F'))));
        QVERIFY(!::isPhotoReference(QString(65, QLatin1Char('f'))));
        QVERIFY(!::isPhotoReference(QString()));
    }
};

QTEST_GUILESS_MAIN(TestPhotoReferences)
#include "tst_photoreferences.moc"
