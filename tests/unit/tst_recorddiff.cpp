// The diff a supervisor reads, on the bundled toilet checklist (app/data/templates).
#include "domain/geodistance.h"
#include "domain/recorddiff.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestRecordDiff : public QObject {
    Q_OBJECT

    FormTemplate m_toilet;

private slots:
    void initTestCase()
    {
        QFile f(QStringLiteral(QS_TEMPLATES_DIR "/sanitation_toilet.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString error;
        const auto parsed
            = FormTemplate::fromJson(QJsonDocument::fromJson(f.readAll()).object(), &error);
        QVERIFY2(parsed, qPrintable(error));
        m_toilet = *parsed;
    }

    void haversineAgreesWithTheSphere()
    {
        QCOMPARE(haversineMetres(32.9, 111.5, 32.9, 111.5), 0.0);
        // One degree of latitude on the mean-radius sphere: pi/180 * 6371008.8 m.
        QVERIFY(qAbs(haversineMetres(32.0, 111.5, 33.0, 111.5) - 111195.08) < 0.01);
        // A degree of longitude shrinks with cos(latitude).
        const double eastward = haversineMetres(60.0, 10.0, 60.0, 11.0);
        QVERIFY(qAbs(eastward - 111195.08 * 0.5) < 10);
    }

    void identicalRevisionsHaveNoDiff()
    {
        const QByteArray c = R"({"answers":{"A1":true,"A6_checked":40}})";
        QVERIFY(diffRevisions(m_toilet, c, c).isEmpty());
    }

    void answersPhotosAndGpsWithTheirLabels()
    {
        const QByteArray before = R"({"answers":{"A1":true,"A6_checked":40,"A6_sanitary":31,
            "A2_photos":["aaa","bbb"],"location":{"lat":32.90000,"lon":111.50000,"accuracy_m":4}}})";
        const QByteArray after = R"({"answers":{"A1":true,"A6_checked":42,"A6_sanitary":31,
            "A2_photos":["bbb","ccc"],"location":{"lat":32.90100,"lon":111.50000,"accuracy_m":3},
            "note":"已整改"}})";
        const RecordDiff d = diffRevisions(m_toilet, before, after);

        QCOMPARE(d.answers.size(), 2); // A6_checked changed, note added; A1, A6_sanitary same
        QCOMPARE(d.answers[0].questionId, QString("A6_checked"));
        QCOMPARE(d.answers[0].label.zh, QString("已检查户数"));
        QCOMPARE(d.answers[0].label.en, QString("Households checked"));
        QCOMPARE(d.answers[0].before.toInt(), 40);
        QCOMPARE(d.answers[0].after.toInt(), 42);
        QCOMPARE(d.answers[1].questionId, QString("note"));
        QVERIFY(d.answers[1].before.isUndefined());
        QCOMPARE(d.answers[1].after.toString(), QString("已整改"));

        QCOMPARE(d.photos.size(), 1);
        QCOMPARE(d.photos[0].label.zh, QString("厕所照片"));
        QCOMPARE(d.photos[0].added, QStringList {"ccc"});
        QCOMPARE(d.photos[0].removed, QStringList {"aaa"});

        QCOMPARE(d.gps.size(), 1);
        QCOMPARE(d.gps[0].label.zh, QString("检查位置"));
        QVERIFY(qAbs(d.gps[0].metres - 111.195) < 0.01); // 0.001° of latitude
    }

    void aPointAddedHasNoDistanceAndUnknownQuestionsStillShow()
    {
        const QByteArray before = R"({"answers":{"zz_extra":1}})";
        const QByteArray after = R"({"answers":{"location":{"lat":32.9,"lon":111.5}}})";
        const RecordDiff d = diffRevisions(m_toilet, before, after);
        QCOMPARE(d.gps.size(), 1);
        QCOMPARE(d.gps[0].metres, -1.0);
        QVERIFY(d.gps[0].before.isUndefined());
        QCOMPARE(d.answers.size(), 1);
        QCOMPARE(d.answers[0].questionId, QString("zz_extra"));
        QCOMPARE(d.answers[0].label.zh, QString("zz_extra"));
        QVERIFY(d.answers[0].after.isUndefined());
    }

    void brokenContentIsNoAnswers()
    {
        const RecordDiff d = diffRevisions(m_toilet, "not json", R"({"answers":{"A1":false}})");
        QCOMPARE(d.answers.size(), 1);
        QVERIFY(d.answers[0].before.isUndefined());
        QCOMPARE(d.answers[0].after.toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestRecordDiff)
#include "tst_recorddiff.moc"
