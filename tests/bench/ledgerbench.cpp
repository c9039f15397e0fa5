#include "ledgerbench.h"

#include "benchstats.h"
#include "storage/coveragequery.h"
#include "storage/database.h"
#include "storage/ledgerquery.h"
#include "storage/pulledpagewriter.h"
#include "storage/referencedatarepository.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <cstdio>

namespace {

constexpr int kProblems = 100000;
constexpr int kRecords = 100000;
constexpr int kPage = 1000; // problems (or records) per pulled page
constexpr int kRounds = 24;
constexpr qint64 kNow = 1780000000000;
constexpr qint64 kDay = 24LL * 3600 * 1000;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QStringList villageCodes(QSqlDatabase db)
{
    QStringList out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT code FROM village"));
    while (q.next())
        out << q.value(0).toString();
    return out;
}

// A county's ledger after a year: problems found across its villages, most assigned with a
// deadline around now, a third fixed and a fifth closed — pulled in pages as the server sends
// them, each event numbered.
bool fillProblems(Database &db, const QStringList &villages)
{
    QRandomGenerator rng(16);
    PulledPageWriter pages(db.connection());
    const char *categories[] = {"sanitation", "ecology", "village_visit", "project_progress"};
    qint64 seq = 0;
    for (int first = 0; first < kProblems; first += kPage) {
        PulledPage page;
        for (int i = first; i < std::min(kProblems, first + kPage); ++i) {
            const QString id = uuid();
            const qint64 raisedAt = kNow - qint64(rng.bounded(365)) * kDay;
            auto event = [&](ProblemAction action, qint64 at) {
                ProblemEvent e;
                e.id = uuid();
                e.problemId = id;
                e.action = action;
                e.createdAtMs = e.receivedAtMs = at;
                e.serverSeq = ++seq;
                e.author = QStringLiteral("inspector%1").arg(i % 24);
                return e;
            };
            ProblemEvent raise = event(ProblemAction::Raise, raisedAt);
            raise.villageCode = villages.at(int(rng.bounded(villages.size())));
            raise.category = QLatin1String(categories[i % 4]);
            raise.severity = 1 + int(rng.bounded(3));
            raise.comment = QStringLiteral("户厕粪污清运不及时，抽查第%1户").arg(i % 200);
            page.problemEvents << raise;
            const int stage = int(rng.bounded(10)); // 0: not assigned .. 8, 9: closed
            if (stage == 0)
                continue;
            ProblemEvent assign = event(ProblemAction::Assign, raisedAt + kDay);
            assign.responsibleKind = ResponsibleKind::Township;
            assign.responsibleCode = raise.villageCode.left(9);
            assign.responsibleName = QStringLiteral("乡镇人民政府");
            assign.deadlineMs = kNow + (qint64(rng.bounded(120)) - 60) * kDay;
            page.problemEvents << assign;
            if (stage >= 4)
                page.problemEvents << event(ProblemAction::Progress, raisedAt + 2 * kDay);
            if (stage >= 6)
                page.problemEvents << event(ProblemAction::ReportFix, raisedAt + 3 * kDay);
            if (stage >= 8) {
                ProblemEvent recheck = event(ProblemAction::Recheck, raisedAt + 4 * kDay);
                recheck.recheckPassed = true;
                page.problemEvents << recheck << event(ProblemAction::Close, raisedAt + 5 * kDay);
            }
        }
        page.nextServerSeq = seq;
        page.epoch = QStringLiteral("bench");
        if (!pages.apply(page)) {
            std::fprintf(stderr, "problem fill failed: %s\n", qPrintable(pages.lastError()));
            return false;
        }
    }
    return true;
}

// Records made over the last year across all villages (content aside: coverage reads none).
bool fillRecords(Database &db, const QStringList &villages, qint64 firstSeq)
{
    QRandomGenerator rng(61);
    PulledPageWriter pages(db.connection());
    const char *categories[] = {"sanitation", "ecology", "village_visit", "project_progress"};
    for (int first = 0; first < kRecords; first += kPage) {
        PulledPage page;
        for (int i = first; i < std::min(kRecords, first + kPage); ++i) {
            Record r;
            r.id = uuid();
            r.category = QLatin1String(categories[i % 4]);
            r.templateId = QStringLiteral("sanitation.appearance");
            r.villageCode = villages.at(int(rng.bounded(villages.size())));
            r.status = RecordStatus::Submitted;
            r.createdAtMs = r.updatedAtMs = kNow - qint64(rng.bounded(365 * 24)) * 3600 * 1000;
            r.content = "{}";
            r.authorDeviceId = uuid();
            r.serverSeq = firstSeq + i + 1;
            page.records << r;
        }
        page.nextServerSeq = firstSeq + first + kPage;
        page.epoch = QStringLiteral("bench");
        if (!pages.apply(page)) {
            std::fprintf(stderr, "record fill failed: %s\n", qPrintable(pages.lastError()));
            return false;
        }
    }
    return true;
}

} // namespace

int runLedgerBench()
{
    QTemporaryDir dir;
    Database db;
    if (!db.open(dir.filePath(QStringLiteral("ledger.db")))) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 1;
    }
    if (!ReferenceDataRepository(db.connection()).loadIfEmpty())
        return 1;
    const QStringList villages = villageCodes(db.connection());
    QElapsedTimer fill;
    fill.start();
    if (!fillProblems(db, villages) || !fillRecords(db, villages, 1000000))
        return 1;
    std::fprintf(stderr, "pulled %d problems and %d records into the store in %.1f s\n", kProblems,
                 kRecords, fill.elapsed() / 1000.0);
    QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));

    // The supervisor's first page: one county (then one of its townships), one open state,
    // overdue first — its count and its first 50 rows, as the list shows them.
    const QStringList units = {QStringLiteral("411326"), QStringLiteral("420381"),
                               QStringLiteral("411323"), QStringLiteral("411326105")};
    const int states[]
        = {int(ProblemState::ToFix), int(ProblemState::Fixing), int(ProblemState::ToRecheck)};
    LedgerQuery ledger(db.connection());
    QList<double> ms;
    double rows = 0;
    for (int round = 0; round < kRounds; ++round) {
        LedgerFilter filter;
        filter.unitCode = units.at(round % units.size());
        filter.state = states[round % 3];
        filter.nowMs = kNow;
        QElapsedTimer t;
        t.start();
        const int count = ledger.count(filter);
        const QList<LedgerRow> page = ledger.page(filter, 0, 50);
        ms << t.nsecsElapsed() / 1e6;
        rows += count;
        if (page.isEmpty())
            std::fprintf(stderr, "a ledger filter matched nothing: %s\n",
                         qPrintable(ledger.lastError()));
    }
    printFigure("ledger_first_page_ms", percentile(ms, 50), "ms");
    std::fprintf(stderr, "  (matched %.0f problems on average)\n", rows / kRounds);

    CoverageQuery coverage(db.connection());
    ms.clear();
    int villagesCovered = 0;
    for (int round = 0; round < kRounds; ++round) {
        QElapsedTimer t;
        t.start();
        const QList<TownshipCoverage> townships = coverage.townships({}, kNow);
        ms << t.nsecsElapsed() / 1e6;
        villagesCovered = 0;
        for (const TownshipCoverage &c : townships)
            villagesCovered += c.villages;
    }
    printFigure("coverage_ms", percentile(ms, 50), "ms");
    std::fprintf(stderr, "  (%d villages)\n", villagesCovered);
    return 0;
}
