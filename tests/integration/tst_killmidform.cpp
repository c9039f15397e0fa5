// SIGKILL in the middle of a form, then restart: the draft is there with every answer the
// form had stored; at most the answer being typed is lost.
#include "controllers/formcontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "storage/database.h"
#include "storage/recordrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// The sanitation.toilet answers an inspector gives, in order, as "<id> <json>".
const QStringList kAnswers = {
    "A1 true",  "A2 true",       "A3 true",        "A3_responsible \"村保洁员\"",     "A4 true",
    "A5 false", "A6_checked 30", "A6_sanitary 27", "note \"三组两户粪污清运不及时\"",
};

QString startDriver(QProcess &driver, const QString &db)
{
    driver.start(QStringLiteral(QS_FORMDRIVER_PATH), {db, "sanitation.toilet", "411326105200"});
    if (!driver.waitForReadyRead(20000))
        return {};
    const QString line = QString::fromUtf8(driver.readLine()).trimmed();
    return line.startsWith("record ") ? line.mid(7) : QString();
}

bool answerAndWait(QProcess &driver, const QString &answer, int expectedCount)
{
    driver.write(answer.toUtf8() + '\n');
    const QByteArray expected = "ok " + QByteArray::number(expectedCount);
    while (driver.waitForReadyRead(20000)) {
        if (driver.readLine().trimmed() == expected)
            return true;
    }
    return false;
}

QJsonObject answersAfterRestart(const QString &db, const QString &recordId, QString *integrity)
{
    Database store;
    if (!store.open(db))
        return {};
    QSqlQuery q(store.connection());
    if (q.exec("PRAGMA integrity_check") && q.next())
        *integrity = q.value(0).toString();
    const auto r = RecordRepository(store.connection()).find(recordId);
    return r ? QJsonDocument::fromJson(r->content).object().value("answers").toObject()
             : QJsonObject();
}

} // namespace

class TestKillMidForm : public QObject {
    Q_OBJECT

private slots:
    void killAfterEachStoredAnswerLosesNothing_data()
    {
        QTest::addColumn<int>("answered");
        for (int k : {1, 4, 8})
            QTest::newRow(qPrintable(QString::number(k))) << k;
    }

    void killAfterEachStoredAnswerLosesNothing()
    {
        QFETCH(int, answered);
        QTemporaryDir dir;
        const QString db = dir.filePath("tablet.db");
        QProcess driver;
        const QString recordId = startDriver(driver, db);
        QVERIFY(!recordId.isEmpty());
        for (int i = 0; i < answered; ++i)
            QVERIFY(answerAndWait(driver, kAnswers.at(i), i + 1));
        driver.kill(); // SIGKILL: no clean-up, no flush, no goodbye
        QVERIFY(driver.waitForFinished(10000));
        QCOMPARE(driver.exitStatus(), QProcess::CrashExit);

        QString integrity;
        const QJsonObject answers = answersAfterRestart(db, recordId, &integrity);
        QCOMPARE(integrity, QStringLiteral("ok"));
        QCOMPARE(answers.size(), answered);
        for (int i = 0; i < answered; ++i)
            QVERIFY2(answers.contains(kAnswers.at(i).section(' ', 0, 0)),
                     qPrintable(kAnswers.at(i)));

        // The restarted app opens the draft and the inspector carries on to a submit.
        ServiceHost host;
        QVERIFY(host.start({"inspector", db, {}, {}, false, "zh_CN"}));
        FormController *form = host.services()->form;
        QVERIFY(form->open(recordId));
        QVERIFY(form->editable());
        for (int i = answered; i < kAnswers.size(); ++i) {
            const QString line = kAnswers.at(i);
            const auto value = QJsonDocument::fromJson("[" + line.section(' ', 1).toUtf8() + "]");
            QVERIFY(form->setAnswer(line.section(' ', 0, 0), value.array().first().toVariant()));
        }
        QVERIFY(form->setAnswer("A2_photos", QStringList {QString(64, 'a')}));
        QVERIFY(form->setAnswer(
            "location",
            QVariantMap {
                {"lat", 33.1}, {"lon", 111.5}, {"accuracy_m", 5.0}, {"fixes_averaged", 5}}));
        QCOMPARE(form->submit(), QString());
    }

    void killWhileAnswersPourInKeepsAPrefix()
    {
        // Answers sent without waiting; the kill lands while writes are under way.
        QTemporaryDir dir;
        const QString db = dir.filePath("tablet.db");
        QProcess driver;
        const QString recordId = startDriver(driver, db);
        QVERIFY(!recordId.isEmpty());
        for (int round = 0; round < 40; ++round)
            driver.write(QStringLiteral("A6_checked %1\nnote \"第 %1 次\"\n").arg(round).toUtf8());
        // Kill as soon as a few answers are stored, while the rest are still being written.
        QByteArray out;
        while (!out.contains("ok 5\n") && driver.waitForReadyRead(20000))
            out += driver.readAllStandardOutput();
        driver.kill();
        QVERIFY(driver.waitForFinished(10000));
        out += driver.readAllStandardOutput();
        int lastAck = 0;
        for (const QByteArray &a : out.split('\n')) {
            if (a.startsWith("ok "))
                lastAck = a.mid(3).toInt();
        }
        QVERIFY(lastAck >= 5);
        QVERIFY2(lastAck < 80, "the kill came after every answer: nothing was in flight");

        QString integrity;
        const QJsonObject answers = answersAfterRestart(db, recordId, &integrity);
        QCOMPARE(integrity, QStringLiteral("ok"));
        // Every acknowledged answer is on disk: the stored state is at least as new as the last
        // ack.
        const int round = (lastAck - 1) / 2;
        QVERIFY(answers.value("A6_checked").toInt() >= round);
    }
};

QTEST_GUILESS_MAIN(TestKillMidForm)
#include "tst_killmidform.moc"
