// The ledger's CSV for the 台账 that goes upward, read back by python3's csv module (strict):
// Chinese intact, a description with commas, quotes and a line break survives, the ledger's
// order and the filter hold. python3 missing fails the test (scripts/install-deps.sh).
#include "reports/ledgercsv.h"
#include "storage/database.h"
#include "storage/pulledpagewriter.h"
#include "storage/referencedatarepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

constexpr qint64 kNow = 1780000000000;
constexpr qint64 kDay = 24 * 3600 * 1000;
const QString kTricky = QStringLiteral("东侧坑塘边有\"建筑垃圾\"，约3处, 已要求清运\n三日内完成");

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ProblemEvent ledgerEvent(const QString &problemId, ProblemAction action, qint64 at, qint64 seq)
{
    ProblemEvent e;
    e.id = uuid();
    e.problemId = problemId;
    e.action = action;
    e.createdAtMs = e.receivedAtMs = at;
    e.serverSeq = seq;
    e.ledgerMonth = QStringLiteral("2026-05");
    return e;
}

} // namespace

class TestLedgerCsv : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    QString m_open;
    QString m_closed;

private slots:
    void initTestCase()
    {
        QVERIFY(m_db.open(m_dir.filePath("store.db")));
        QVERIFY(ReferenceDataRepository(m_db.connection()).loadIfEmpty());
        m_open = uuid();
        m_closed = uuid();
        ProblemEvent raised = ledgerEvent(m_open, ProblemAction::Raise, kNow - 20 * kDay, 1);
        raised.villageCode = QStringLiteral("411326105200");
        raised.category = QStringLiteral("sanitation");
        raised.severity = 3;
        raised.comment = kTricky;
        ProblemEvent assigned = ledgerEvent(m_open, ProblemAction::Assign, kNow - 19 * kDay, 2);
        assigned.responsibleKind = ResponsibleKind::Department;
        assigned.responsibleName = QStringLiteral("生态环境分局");
        assigned.deadlineMs = kNow - kDay;
        ProblemEvent other = ledgerEvent(m_closed, ProblemAction::Raise, kNow - 30 * kDay, 3);
        other.villageCode = QStringLiteral("420322100200");
        other.category = QStringLiteral("water.pond");
        other.comment = QStringLiteral("坑塘无塘长");
        ProblemEvent fixed = ledgerEvent(m_closed, ProblemAction::ReportFix, kNow - 10 * kDay, 4);
        ProblemEvent rechecked = ledgerEvent(m_closed, ProblemAction::Recheck, kNow - 10 * kDay, 5);
        rechecked.recheckPassed = true;
        ProblemEvent closed = ledgerEvent(m_closed, ProblemAction::Close, kNow - 9 * kDay, 6);
        PulledPage page;
        page.problemEvents = {raised, assigned, other, fixed, rechecked, closed};
        page.nextServerSeq = 6;
        page.epoch = QStringLiteral("e1");
        QVERIFY(PulledPageWriter(m_db.connection()).apply(page));
    }

    void csvReadsBackWithChineseAndQuotesIntact()
    {
        QString python = QStandardPaths::findExecutable("python3");
        QVERIFY2(!python.isEmpty(), "python3 is missing: run scripts/install-deps.sh");
        const QString path = m_dir.filePath("ledger.csv");
        LedgerFilter filter;
        filter.nowMs = kNow;
        const ExportOutcome out = exportLedgerCsv(m_db.connection(), filter, path);
        QVERIFY2(out.ok, qPrintable(out.error));
        QCOMPARE(out.records, 2);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(3) == "\xEF\xBB\xBF");

        QProcess p;
        p.start(python,
                {"-c",
                 "import csv, json, sys\n"
                 "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
                 "    rows = list(csv.reader(f, strict=True))\n"
                 "print(json.dumps(rows))\n",
                 path});
        QVERIFY(p.waitForFinished(-1));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QJsonArray rows = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].toArray()[0].toString(), QStringLiteral("问题编号"));
        const QJsonArray open = rows[1].toArray(); // overdue first
        QCOMPARE(open[0].toString(), m_open);
        QCOMPARE(open[1].toString(), QStringLiteral("淅川县"));
        QCOMPARE(open[4].toString(), QStringLiteral("411326105200"));
        QCOMPARE(open[6].toString(), QStringLiteral("严重"));
        QCOMPARE(open[7].toString(), kTricky);
        QCOMPARE(open[8].toString(), QStringLiteral("待整改"));
        QCOMPARE(open[9].toString(), QStringLiteral("生态环境分局"));
        QCOMPARE(open[13].toString(), QStringLiteral("是"));
        QCOMPARE(open[14].toString(), QString());
        const QJsonArray closed = rows[2].toArray();
        QCOMPARE(closed[0].toString(), m_closed);
        QCOMPARE(closed[8].toString(), QStringLiteral("已销号"));
        QCOMPARE(closed[13].toString(), QStringLiteral("否"));
        QCOMPARE(closed[14].toString(), QStringLiteral("21.0"));
        QCOMPARE(closed[15].toString(), QStringLiteral("2026-05"));
    }

    void theFilterSelectsAndAFailedWriteLeavesNothing()
    {
        LedgerFilter county;
        county.unitCode = QStringLiteral("420322");
        county.nowMs = kNow;
        const ExportOutcome out
            = exportLedgerCsv(m_db.connection(), county, m_dir.filePath("yunxi.csv"));
        QVERIFY(out.ok);
        QCOMPARE(out.records, 1);
        const QString nowhere = m_dir.filePath("no/such/folder/ledger.csv");
        const ExportOutcome failed = exportLedgerCsv(m_db.connection(), county, nowhere);
        QVERIFY(!failed.ok);
        QVERIFY(!failed.error.isEmpty());
        QVERIFY(!QFile::exists(nowhere));
    }
};

QTEST_GUILESS_MAIN(TestLedgerCsv)
#include "tst_ledgercsv.moc"
