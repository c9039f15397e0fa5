// The supervisor's ledger board (LedgerBoardController) on stores logged in to a real server:
// the figures and the ranking over a few townships, village coverage, the monthly sign-off at
// the township and then the county level (refused in the user's words out of turn, and for an
// inspector), and the CSV export. The problems arrive as a sync brings them (PulledPageWriter).
#include "controllers/ledgerboardcontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "models/ledgerlistmodel.h"
#include "pulledproblems.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/problemrepository.h"
#include "storage/pulledpagewriter.h"
#include "testlogin.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr const char *kDanyang = "411326105"; // 丹阳镇
constexpr const char *kJinhe = "411326107"; // 金河镇
constexpr const char *kSiwan = "411326108"; // 寺湾镇

// 丹阳镇 two raised, one closed; 金河镇 one open and overdue; 寺湾镇 one raised and closed.
PulledPage threeTownships()
{
    PulledProblems p;
    const QString a = p.raise("411326105200", "厕屋破损");
    p.assign(a, "411326105200", 10);
    p.close(a);
    const QString b = p.raise("411326105201", "化粪池渗漏");
    p.assign(b, "411326105201", 5);
    const QString c = p.raise("411326107200", "粪污未清运");
    p.assign(c, "411326107200", -2);
    const QString d = p.raise("411326108200", "垃圾堆放");
    p.assign(d, "411326108200", 10);
    p.close(d, 3);
    PulledPage page = p.page();
    // A record visited 九重村 lately: coverage counts it.
    Record r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.templateId = "sanitation.toilet";
    r.templateVersion = 2;
    r.category = "sanitation";
    r.villageCode = "411326105200";
    r.status = RecordStatus::Submitted;
    r.content = R"({"answers":{"A1":true}})";
    r.authorDeviceId = "tablet";
    r.createdAtMs = QDateTime::currentMSecsSinceEpoch() - PulledProblems::kDayMs;
    r.updatedAtMs = r.createdAtMs;
    r.serverSeq = page.nextServerSeq + 1;
    page.records << r;
    page.nextServerSeq = r.serverSeq;
    return page;
}

const TownshipRankLine *rankOf(const QList<TownshipRankLine> &ranking, const QString &code)
{
    for (const TownshipRankLine &line : ranking)
        if (line.townshipCode == code)
            return &line;
    return nullptr;
}

} // namespace

class TestLedgerBoard : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<ServiceHost> m_host;

    LedgerBoardController *board() { return m_host->services()->ledgerBoard; }
    QSqlDatabase db() { return m_host->database()->connection(); }

    // A store logged in as `username` that has pulled `page`, with the supervisor's services
    // started on it; the store's path.
    QString startAs(const QString &username, const PulledPage &page, const QString &mode)
    {
        const QString path = m_dir.filePath(
            QStringLiteral("%1-%2.db").arg(QTest::currentTestFunction(), username));
        QString error;
        if (!logInStore(path, m_server->address(), username, &error)) {
            qWarning() << error;
            return {};
        }
        {
            Database store;
            if (!store.open(path) || !PulledPageWriter(store.connection()).apply(page))
                return {};
        }
        m_host = std::make_unique<ServiceHost>();
        // Offline: what is queued stays in the outbox for the test to see.
        if (!m_host->start({mode, path, {}, {}, false, "zh_CN"})) {
            qWarning() << m_host->error();
            return {};
        }
        return path;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY2(m_server->addUser("town", "supervisor", kDanyang)
                     && m_server->addUser("county", "supervisor", "411326")
                     && m_server->addUser("wangfang", "inspector", "411326") && m_server->start(),
                 qPrintable(m_server->adminOutput()));
    }
    void cleanup() { m_host.reset(); }

    void summaryAndRankingOverTownships()
    {
        QVERIFY(!startAs("county", threeTownships(), "supervisor").isEmpty());
        board()->refresh();
        const LedgerSummary summary = board()->summary();
        QCOMPARE(summary.open, 2);
        QCOMPARE(summary.overdue, 1);
        QCOMPARE(summary.closed, 2);
        QVERIFY(!summary.meanDaysToClose.isEmpty());

        const QList<TownshipRankLine> ranking = board()->ranking();
        QCOMPARE(ranking.size(), 3);
        // Best closure rate first: 寺湾 100 %, 丹阳 50 %, 金河 0 %.
        QCOMPARE(ranking.at(0).townshipCode, QString(kSiwan));
        QCOMPARE(ranking.at(1).townshipCode, QString(kDanyang));
        QCOMPARE(ranking.at(2).townshipCode, QString(kJinhe));
        QCOMPARE(rankOf(ranking, kSiwan)->ratePercent, 100);
        QCOMPARE(rankOf(ranking, kDanyang)->ratePercent, 50);
        QCOMPARE(rankOf(ranking, kDanyang)->raised, 2);
        QCOMPARE(rankOf(ranking, kJinhe)->overdue, 1);
        QCOMPARE(rankOf(ranking, kJinhe)->meanDaysToClose, QString());
        QCOMPARE(rankOf(ranking, kDanyang)->townshipName, QStringLiteral("丹阳镇"));

        // Narrowed to one township by the list's filter.
        m_host->services()->ledgerList->setUnitCode(kDanyang);
        board()->refresh();
        QCOMPARE(board()->ranking().size(), 1);
        QCOMPARE(board()->summary().open, 1);
        QCOMPARE(board()->summary().closed, 1);
    }

    void coverageCountsVisitedVillages()
    {
        QVERIFY(!startAs("town", threeTownships(), "supervisor").isEmpty());
        board()->refresh();
        QCOMPARE(board()->coverage().size(), 1); // the township's own supervisor
        const CoverageLine line = board()->coverage().first();
        QCOMPARE(line.townshipCode, QString(kDanyang));
        QCOMPARE(line.villages, 30);
        QCOMPARE(line.visited, 1);
        QCOMPARE(line.ratePercent, qRound(100.0 / 30));
        QVERIFY(!line.notVisitedText.contains(QStringLiteral("九重村")));
        QVERIFY(line.notVisitedText.contains(QStringLiteral("唐王桥村")));
        QVERIFY(board()->coverageDays() > 0);
    }

    void townshipSignsThenCounty()
    {
        const PulledPage page = threeTownships();

        // The county supervisor before the township: refused in words, nothing queued.
        QVERIFY(!startAs("county", page, "supervisor").isEmpty());
        const QString thisMonth = board()->currentMonth();
        const int queued = OutboxRepository(db()).pendingCount();
        const QString early = board()->signOff(kDanyang, thisMonth);
        QVERIFY2(early.contains(QStringLiteral("尚未签认")), qPrintable(early));
        QCOMPARE(OutboxRepository(db()).pendingCount(), queued);
        QVERIFY(ProblemRepository(db()).signoffs(kDanyang).isEmpty());
        const QString countyStore
            = m_dir.filePath(QStringLiteral("%1-county.db").arg(QTest::currentTestFunction()));
        m_host.reset();

        // The township's supervisor signs, acknowledging its open item; stored and queued.
        QVERIFY(!startAs("town", page, "supervisor").isEmpty());
        board()->refresh();
        QCOMPARE(board()->signoffTownships().size(), 1);
        QVERIFY(board()->signoffTownships().first().canSign);
        QCOMPARE(board()->signoffTownships().first().openItems, 1);
        QSignalSpy recorded(board(), &LedgerBoardController::recorded);
        const int townQueued = OutboxRepository(db()).pendingCount();
        const QString signedText = board()->signOff(kDanyang, thisMonth);
        QVERIFY2(signedText.contains(QStringLiteral("1 项未销号已知悉")), qPrintable(signedText));
        QCOMPARE(recorded.size(), 1);
        QVERIFY(OutboxRepository(db()).pendingCount() > townQueued);
        const QList<LedgerSignoff> townSigned = ProblemRepository(db()).signoffs(kDanyang);
        QCOMPARE(townSigned.size(), 1);
        QCOMPARE(townSigned.first().level, SignoffLevel::Township);
        QCOMPARE(townSigned.first().acknowledgedOpenProblemIds.size(), 1);
        QVERIFY(!board()->signoffTownships().first().canSign);
        // Twice is refused.
        QVERIFY(!board()->signOff(kDanyang, thisMonth).startsWith(QStringLiteral("已签认")));
        QCOMPARE(ProblemRepository(db()).signoffs(kDanyang).size(), 1);
        // Another township is not this supervisor's to sign.
        const QString other = board()->signOff(kJinhe, thisMonth);
        QVERIFY2(other.startsWith(QStringLiteral("此账号不能签认")), qPrintable(other));
        m_host.reset();

        // The township's sign-off reaches the county's store by a pull; now the county signs.
        LedgerSignoff numbered = townSigned.first();
        numbered.signer = "town";
        numbered.receivedAtMs = numbered.createdAtMs;
        numbered.serverSeq = page.nextServerSeq + 1;
        PulledPage signoffPage;
        signoffPage.signoffs << numbered;
        signoffPage.nextServerSeq = numbered.serverSeq;
        signoffPage.epoch = page.epoch;
        {
            Database store;
            QVERIFY(store.open(countyStore));
            QVERIFY(PulledPageWriter(store.connection()).apply(signoffPage));
        }
        m_host = std::make_unique<ServiceHost>();
        QVERIFY(m_host->start({"supervisor", countyStore, {}, {}, false, "zh_CN"}));
        const QString countySigned = board()->signOff(kDanyang, thisMonth);
        QVERIFY2(countySigned.startsWith(QStringLiteral("已签认")), qPrintable(countySigned));
        QList<SignoffLevel> levels;
        for (const LedgerSignoff &s : ProblemRepository(db()).signoffs(kDanyang))
            levels << s.level;
        QCOMPARE(levels, (QList<SignoffLevel> {SignoffLevel::Township, SignoffLevel::County}));
    }

    void anInspectorCannotSign()
    {
        QVERIFY(!startAs("wangfang", threeTownships(), "supervisor").isEmpty());
        const QString refused = board()->signOff(kDanyang, board()->currentMonth());
        QVERIFY2(refused.startsWith(QStringLiteral("此账号不能签认")), qPrintable(refused));
        QVERIFY(ProblemRepository(db()).signoffs(kDanyang).isEmpty());
        QVERIFY(board()->signoffTownships().isEmpty());
    }

    void csvExportIntoAFolderAndAMissingOne()
    {
        QVERIFY(!startAs("county", threeTownships(), "supervisor").isEmpty());
        QTemporaryDir out;
        const QString done = board()->exportCsv(QUrl::fromLocalFile(out.path()));
        QVERIFY2(done.startsWith(QStringLiteral("已导出 4 项")), qPrintable(done));
        const QStringList files = QDir(out.path()).entryList({"*.csv"}, QDir::Files);
        QCOMPARE(files.size(), 1);
        // Read back strictly by python3's csv module: a header and one row per problem.
        QProcess python;
        python.start("python3",
                     {"-c",
                      "import csv,sys\n"
                      "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
                      "    print(len(list(csv.reader(f, strict=True))))\n",
                      QDir(out.path()).filePath(files.first())});
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.exitCode(), 0);
        QCOMPARE(python.readAllStandardOutput().trimmed(), QByteArray("5"));

        // Overdue only: the filter of the list is the export's.
        m_host->services()->ledgerList->setOverdueOnly(true);
        QTemporaryDir overdue;
        QVERIFY(board()
                    ->exportCsv(QUrl::fromLocalFile(overdue.path()))
                    .startsWith(QStringLiteral("已导出 1 项")));

        const QString missing = board()->exportCsv(QUrl::fromLocalFile(out.filePath("no/such")));
        QCOMPARE(missing, QStringLiteral("导出失败：文件夹不存在"));
        QCOMPARE(QDir(out.path()).entryList({"*.csv"}, QDir::Files).size(), 1);
    }
};

QTEST_MAIN(TestLedgerBoard)
#include "tst_ledgerboard.moc"
