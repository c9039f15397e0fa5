// What a kiosk shows of the ledger (PublicFeed::problems, closureRates): the public copies of
// closed problems and the closure tallies as a pull brings them (PulledPageWriter), their
// photos absent until they arrive, and tallies replaced by the next pull's end.
#include "controllers/publicfeed.h"
#include "media/photostore.h"
#include "storage/database.h"
#include "storage/pulledpagewriter.h"
#include "storage/referencedatarepository.h"
#include "storage/templaterepository.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000LL;

// A public rendition as the server makes it, kept in a store of its own (the server's side).
QString rendition(PhotoStore *store, const QColor &colour)
{
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(colour);
    const auto stored = store->importImage(image, PhotoCaption {});
    return stored ? stored->sha256 : QString();
}

} // namespace

class TestPublicLedger : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void problemsAndClosureRatesAfterAPull()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath("kiosk.db")));
        QVERIFY(ReferenceDataRepository(db.connection()).loadIfEmpty());
        QFile toilet(QStringLiteral(QS_TEMPLATES_DIR "/sanitation_toilet.json"));
        QVERIFY(toilet.open(QIODevice::ReadOnly));
        QVERIFY(TemplateRepository(db.connection()).storeDefinitions({toilet.readAll()}));
        PhotoStore photos(m_dir.filePath("kiosk-photos"));
        PublicFeed feed(db.connection(), &photos);
        QVERIFY(feed.problems().isEmpty());
        QVERIFY(feed.closureRates().isEmpty());

        PhotoStore server(m_dir.filePath("server-photos"));
        const QString before = rendition(&server, Qt::darkRed);
        const QString after = rendition(&server, Qt::darkGreen);
        QVERIFY(!before.isEmpty() && !after.isEmpty());

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        PublicProblem older {"p-older",
                             "411326105200",
                             "sanitation.toilet",
                             now - 30 * kDayMs,
                             now - 10 * kDayMs,
                             {},
                             {}};
        PublicProblem latest {
            "p-latest", "411326105201", "sanitation.toilet", now - 20 * kDayMs, now - 2 * kDayMs,
            {before},   {after}};
        PulledPage page;
        page.publicProblems << older << latest;
        page.endsPull = true;
        page.closureTallies << ClosureTally {"411326", 8, 6} << ClosureTally {"411326105", 3, 2}
                            << ClosureTally {"420322", 4, 1};
        page.nextServerSeq = 5;
        page.epoch = "e1";
        QVERIFY(PulledPageWriter(db.connection()).apply(page));

        // The latest closed first; the photos are not here yet.
        const QList<PublicProblemCard> cards = feed.problems();
        QCOMPARE(cards.size(), 2);
        QCOMPARE(cards.at(0).problemId, QStringLiteral("p-latest"));
        QCOMPARE(cards.at(0).categoryText, QStringLiteral("厕所革命"));
        QVERIFY2(cards.at(0).placeText.contains(QStringLiteral("唐王桥村")),
                 qPrintable(cards.at(0).placeText));
        const QRegularExpression day(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        QVERIFY(day.match(cards.at(0).raisedText).hasMatch());
        QVERIFY(day.match(cards.at(0).closedText).hasMatch());
        QCOMPARE(cards.at(0).beforeUrl, QString());
        QCOMPARE(cards.at(0).afterUrl, QString());

        // The renditions reaching the kiosk by its photo step is the journey's to prove
        // (tst_ledgerjourney): no file is put here by hand.

        // Closure rates per county, in the reference order; a township's tally is not a line.
        const QList<ClosureRateLine> rates = feed.closureRates();
        QCOMPARE(rates.size(), 2);
        QStringList codes;
        for (const ClosureRateLine &line : rates)
            codes << line.unitCode;
        QVERIFY(codes.contains("411326") && codes.contains("420322"));
        for (const ClosureRateLine &line : rates) {
            if (line.unitCode == "411326") {
                QCOMPARE(line.unitName, QStringLiteral("淅川县"));
                QCOMPARE(line.raised, 8);
                QCOMPARE(line.closed, 6);
                QCOMPARE(line.ratePercent, 75);
            } else {
                QCOMPARE(line.ratePercent, 25);
            }
        }

        // The next pull's end replaces the tallies.
        PulledPage next;
        next.endsPull = true;
        next.closureTallies << ClosureTally {"411326", 9, 9};
        next.nextServerSeq = 6;
        next.epoch = "e1";
        QVERIFY(PulledPageWriter(db.connection()).apply(next));
        QCOMPARE(feed.closureRates().size(), 1);
        QCOMPARE(feed.closureRates().first().ratePercent, 100);
        QCOMPARE(feed.problems().size(), 2);
    }
};

QTEST_MAIN(TestPublicLedger)
#include "tst_publicledger.moc"
