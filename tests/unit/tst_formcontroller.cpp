// The form behind the dynamic QML form: drafts stored as answered, relevance, validation,
// submit into the outbox, photos, and the template version a record keeps.
#include "controllers/formcontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/problemrepository.h"
#include "storage/recordrepository.h"
#include "storage/templaterepository.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QVariantMap goodPoint()
{
    return {{"lat", 33.1378},
            {"lon", 111.4909},
            {"alt", 150.0},
            {"accuracy_m", 4.0},
            {"fix_time_ms", 1760000000000.0},
            {"source", "gps"},
            {"fixes_averaged", 5}};
}

// Reads the stored answers through a connection of its own, as a restarted app would.
QJsonObject storedAnswers(const QString &dbPath, const QString &recordId)
{
    Database db;
    if (!db.open(dbPath))
        return {};
    const auto r = RecordRepository(db.connection()).find(recordId);
    return r ? QJsonDocument::fromJson(r->content).object().value("answers").toObject()
             : QJsonObject();
}

} // namespace

class TestFormController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dbPath;
    std::unique_ptr<ServiceHost> m_host;
    FormController *form() { return m_host->services()->form; }

private slots:
    void init()
    {
        m_dbPath = m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentTestFunction()));
        m_host = std::make_unique<ServiceHost>();
        QVERIFY2(m_host->start({"inspector", m_dbPath, {}, {}, false, "zh_CN"}),
                 qPrintable(m_host->error()));
    }
    void cleanup() { m_host.reset(); }

    void newDraftIsStoredAtOnce()
    {
        QVERIFY(form()->startNew("sanitation.toilet", "411326105200"));
        QVERIFY(!form()->recordId().isEmpty());
        // Time-ordered (UUID version 7), so that stores append to their id indexes.
        QCOMPARE(form()->recordId().at(14), QLatin1Char('7'));
        QCOMPARE(form()->title(), QStringLiteral("厕所革命"));
        QCOMPARE(form()->partnerDistrict(), QStringLiteral("朝阳区"));
        QVERIFY(form()->editable());
        const auto stored
            = RecordRepository(m_host->database()->connection()).find(form()->recordId());
        QVERIFY(stored.has_value());
        QCOMPARE(stored->status, RecordStatus::Draft);
        QCOMPARE(stored->templateVersion, 2);
        QCOMPARE(OutboxRepository(m_host->database()->connection()).pendingCount(), 0);
    }

    void unknownTemplateOrVillageIsRefused()
    {
        QVERIFY(!form()->startNew("no.such", "411326105200"));
        QVERIFY(!form()->lastError().isEmpty());
        QVERIFY(!form()->startNew("sanitation.toilet", "999999999999"));
        QCOMPARE(RecordRepository(m_host->database()->connection()).count(), 0);
    }

    void everyAnswerIsStoredAsItIsGiven()
    {
        QVERIFY(form()->startNew("sanitation.toilet", "411326105200"));
        const QString id = form()->recordId();
        QVERIFY(form()->setAnswer("A1", true));
        QCOMPARE(storedAnswers(m_dbPath, id).value("A1").toBool(), true);
        QVERIFY(form()->setAnswer("A6_checked", 12));
        QVERIFY(form()->setAnswer("note", QStringLiteral("两户粪污未清运")));
        const QJsonObject answers = storedAnswers(m_dbPath, id);
        QCOMPARE(answers.value("A6_checked").toInt(), 12);
        QCOMPARE(answers.value("note").toString(), QStringLiteral("两户粪污未清运"));
        // Clearing an answer removes it.
        QVERIFY(form()->setAnswer("note", QVariant()));
        QVERIFY(!storedAnswers(m_dbPath, id).contains("note"));
        // Unknown questions are not stored.
        QVERIFY(!form()->setAnswer("Z99", 1));
    }

    void relevanceFollowsAnswers()
    {
        QVERIFY(form()->startNew("sanitation.toilet", "411326105200"));
        QCOMPARE(form()->relevant().value("A2").toBool(), false);
        QVERIFY(form()->setAnswer("A1", true));
        QCOMPARE(form()->relevant().value("A2").toBool(), true);
        QCOMPARE(form()->relevant().value("A3_responsible").toBool(), false);
        QVERIFY(form()->setAnswer("A3", true));
        QCOMPARE(form()->relevant().value("A3_responsible").toBool(), true);
    }

    void submitValidatesThenQueuesInOneStep()
    {
        QVERIFY(form()->startNew("sanitation.toilet", "411326105200"));
        QVERIFY(form()->missingGps());
        const QString error = form()->submit();
        QVERIFY(!error.isEmpty());
        QVERIFY(form()->issues().contains("A1"));
        QVERIFY(form()->issues().contains("location"));
        QCOMPARE(OutboxRepository(m_host->database()->connection()).pendingCount(), 0);

        QVERIFY(form()->setAnswer("A1", false));
        QVERIFY(form()->setAnswer("A4", true));
        QVERIFY(form()->setAnswer("A5", false));
        QVERIFY(form()->setAnswer("A6_checked", 8));
        QVERIFY(form()->setAnswer("A6_sanitary", 3.5)); // not a whole number
        QVERIFY(form()->setAnswer("location", goodPoint()));
        QVERIFY(!form()->missingGps());
        QVERIFY(!form()->submit().isEmpty());
        QVERIFY(form()->issues().contains("A6_sanitary"));
        QVERIFY(form()->setAnswer("A6_sanitary", 3));
        // A1 = no fails the checklist's standard: the form says so before submitting.
        QCOMPARE(form()->failing().value("A1").toString(), QStringLiteral("该户无无害化卫生厕所"));
        QVERIFY(form()->raised().isEmpty());
        QCOMPARE(form()->submit(), QString());
        QVERIFY(!form()->editable());
        // The record and the problem it raised by itself wait in the outbox.
        QCOMPARE(OutboxRepository(m_host->database()->connection()).pendingCount(), 2);
        const QList<Problem> raised
            = ProblemRepository(m_host->database()->connection()).ofRecord(form()->recordId());
        QCOMPARE(raised.size(), 1);
        QCOMPARE(raised.first().questionId, QStringLiteral("A1"));
        QCOMPARE(raised.first().description, QStringLiteral("该户无无害化卫生厕所"));
        QCOMPARE(raised.first().villageCode, QStringLiteral("411326105200"));
        QCOMPARE(raised.first().category, QStringLiteral("sanitation.toilet"));
        QCOMPARE(raised.first().severity, 2);
        QCOMPARE(raised.first().point.latitude, goodPoint().value("lat").toDouble());
        QCOMPARE(form()->raised().value("A1").toBool(), true);
        const auto stored
            = RecordRepository(m_host->database()->connection()).find(form()->recordId());
        QCOMPARE(stored->status, RecordStatus::Submitted);
        // Submitted: no more edits, no discarding.
        QVERIFY(!form()->setAnswer("A4", false));
        QVERIFY(!form()->discard());
    }

    void poorGpsNeedsAReason()
    {
        QVERIFY(form()->startNew("sanitation.refuse", "411326105200"));
        QVariantMap poor = goodPoint();
        poor["accuracy_m"] = 45.0;
        QVERIFY(form()->setAnswer("location", poor));
        form()->validate();
        QVERIFY(form()->issues().contains("location"));
        poor["override_reason"] = QStringLiteral("山谷中信号弱，已尝试三次");
        QVERIFY(form()->setAnswer("location", poor));
        form()->validate();
        QVERIFY(!form()->issues().contains("location"));
    }

    void discardRemovesOnlyDrafts()
    {
        QVERIFY(form()->startNew("ecology.forest", "420322100200"));
        const QString id = form()->recordId();
        QVERIFY(form()->discard());
        QVERIFY(!RecordRepository(m_host->database()->connection()).find(id).has_value());
        QSqlQuery q(m_host->database()->connection());
        QVERIFY(q.exec("SELECT count(*) FROM record_search") && q.next());
        QCOMPARE(q.value(0).toInt(), 0); // nothing of the draft is left behind
    }

    void photosAreStampedStoredAndReferenced()
    {
        QVERIFY(form()->startNew("sanitation.pond", "420322100200"));
        QImage image(1600, 1200, QImage::Format_RGB32);
        image.fill(QColor(40, 120, 160));
        QPainter(&image).fillRect(100, 100, 400, 300, Qt::yellow);
        const QString jpeg = m_dir.filePath("pond.jpg");
        QVERIFY(image.save(jpeg, "JPG"));
        QCOMPARE(form()->addPhotoFromFile("photos", QUrl::fromLocalFile(jpeg).toString()),
                 QString());
        const QJsonArray photos
            = storedAnswers(m_dbPath, form()->recordId()).value("photos").toArray();
        QCOMPARE(photos.size(), 1);
        const QString sha = photos.first().toString();
        QCOMPARE(sha.size(), 64);
        QVERIFY(QFile::exists(QUrl(form()->photoUrl(sha)).toLocalFile()));
        QVERIFY(QFile::exists(QUrl(form()->thumbnailUrl(sha)).toLocalFile()));

        // A corrupt file: a clear error, and the answers stay as they were.
        const QString broken = m_dir.filePath("broken.jpg");
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a jpeg at all");
        f.close();
        const QString error = form()->addPhotoFromFile("photos", broken);
        QVERIFY(!error.isEmpty());
        QCOMPARE(storedAnswers(m_dbPath, form()->recordId()).value("photos").toArray().size(), 1);

        QVERIFY(form()->removePhoto("photos", sha));
        QVERIFY(!storedAnswers(m_dbPath, form()->recordId()).contains("photos"));
    }

    void aRecordKeepsItsTemplateVersion()
    {
        QVERIFY(form()->startNew("sanitation.toilet", "411326105200"));
        const QString id = form()->recordId();
        // A county ships version 3 with a new question; the old draft stays on version 2.
        QFile v1(":/qingshui/templates/sanitation_toilet.json");
        QVERIFY(v1.open(QIODevice::ReadOnly));
        QJsonObject t = QJsonDocument::fromJson(v1.readAll()).object();
        t["version"] = 3;
        QJsonArray sections = t["sections"].toArray();
        QJsonObject first = sections.first().toObject();
        QJsonArray questions = first["questions"].toArray();
        questions.append(QJsonObject {{"id", "A7_new"},
                                      {"type", "yesno"},
                                      {"label", QJsonObject {{"zh", "新问题"}, {"en", "New"}}}});
        first["questions"] = questions;
        sections[0] = first;
        t["sections"] = sections;
        TemplateRepository templates(m_host->database()->connection());
        QVERIFY2(templates.storeDefinitions({QJsonDocument(t).toJson()}),
                 qPrintable(templates.lastError()));

        QVERIFY(form()->open(id));
        QVERIFY(!form()->relevant().contains("A7_new"));
        QVERIFY(form()->startNew("sanitation.toilet", "411326105200"));
        QVERIFY(form()->relevant().contains("A7_new"));
        QCOMPARE(RecordRepository(m_host->database()->connection())
                     .find(form()->recordId())
                     ->templateVersion,
                 3);
    }
};

QTEST_MAIN(TestFormController)
#include "tst_formcontroller.moc"
