#include "reviewbench.h"

#include "benchstats.h"
#include "models/recordlistmodel.h"
#include "storage/database.h"
#include "storage/pulledpagewriter.h"
#include "storage/referencedatarepository.h"
#include "storage/searchindex.h"
#include "storage/searchindexer.h"
#include "storage/walcheckpointer.h"
#include "storebench.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <cstdio>

namespace {

constexpr int kRecords = 100000;
constexpr int kPage = 1000; // records per pulled page, as the server sends them
constexpr int kRounds = 24;

// What inspectors write in their notes (domain.md's checklists); three per note.
const char *const kPhrases[] = {"村内主干道两侧已清理", "东侧坑塘边仍有少量建筑垃圾",
                                "已要求三日内清运",     "户厕粪污清运不及时",
                                "化粪池盖板破损",       "生活污水直排入沟渠",
                                "黑臭水体已消除",       "水面有漂浮物",
                                "垃圾收集点满溢",       "保洁员每日巡查",
                                "农户院落杂物乱堆",     "柴草乱放已整改",
                                "畜禽粪污未处理",       "河长公示牌缺失",
                                "塘长已明确",           "增殖放流鱼苗十万尾",
                                "涵养林补植完成",       "缓冲带植被长势良好",
                                "水土流失点已治理",     "项目进度滞后两周",
                                "污水管网铺设完成",     "截污纳管接户率不足",
                                "入库支流水质清澈",     "库区消落带有垃圾",
                                "网箱养殖已取缔",       "农药包装废弃物回收",
                                "秸秆焚烧痕迹",         "道路积水未排",
                                "村庄绿化缺株补植",     "公厕保洁到位"};
constexpr int kPhraseCount = int(sizeof kPhrases / sizeof *kPhrases);

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Fills the store the way a supervisor's store fills: pulled pages of every unit's records,
// pushed by 24 inspectors, with notes drawn from the phrases above.
bool fillByPulls(Database &db, int n)
{
    QSqlDatabase c = db.connection();
    if (!ReferenceDataRepository(c).loadIfEmpty())
        return false;
    QStringList villages;
    QSqlQuery q(c);
    q.exec(QStringLiteral("SELECT code FROM village"));
    while (q.next())
        villages << q.value(0).toString();
    const char *categories[] = {"sanitation", "ecology", "village_visit", "project_progress"};
    QRandomGenerator rng(5);
    PulledPageWriter pages(c);
    for (int first = 0; first < n; first += kPage) {
        PulledPage page;
        for (int i = first; i < std::min(n, first + kPage); ++i) {
            Record r;
            r.id = uuid();
            r.category = QLatin1String(categories[i % 4]);
            r.templateId = QStringLiteral("sanitation.appearance");
            r.villageCode = villages.at(int(rng.bounded(villages.size())));
            r.status = RecordStatus::Submitted;
            r.createdAtMs = r.updatedAtMs = 1700000000000 + qint64(i) * 60000;
            QString note;
            for (int k = 0; k < 3; ++k)
                note += QString::fromUtf8(kPhrases[rng.bounded(kPhraseCount)])
                    + QStringLiteral("，");
            note += QStringLiteral("抽查第%1户。").arg(rng.bounded(200));
            r.content = fullSanitationContent(rng, note);
            r.authorDeviceId = uuid();
            r.author = QStringLiteral("inspector%1").arg(i % 24, 2, 10, QLatin1Char('0'));
            r.serverSeq = i + 1;
            page.records << r;
        }
        page.nextServerSeq = first + kPage;
        page.epoch = QStringLiteral("bench");
        if (!pages.apply(page)) {
            std::fprintf(stderr, "fill failed: %s\n", qPrintable(pages.lastError()));
            return false;
        }
    }
    return true;
}

// Median time of setting the filter on a list model (one reload: the count and the first page).
double firstPageMs(Database &db, const QList<RecordFilter> &filters, double *meanCount)
{
    QList<double> ms;
    double counted = 0;
    RecordListModel model(db.connection(), {});
    for (int round = 0; round < kRounds; ++round) {
        model.setFilter({}); // untimed: every timed round starts from the whole list
        QElapsedTimer t;
        t.start();
        model.setFilter(filters.at(round % filters.size()));
        ms << t.nsecsElapsed() / 1e6;
        counted += model.count();
        if (model.rowCount() == 0)
            std::fprintf(stderr, "a query matched nothing: %s\n",
                         qPrintable(filters.at(round % filters.size()).search));
    }
    *meanCount = counted / kRounds;
    return percentile(ms, 50);
}

RecordFilter searchFor(const char *text)
{
    RecordFilter f;
    f.search = QString::fromUtf8(text);
    return f;
}

} // namespace

int runReviewBench()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("supervisor.db"));
    Database db;
    if (!db.open(path, Database::ManualCheckpoints)) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 1;
    }
    WalCheckpointer checkpointer(path);
    QElapsedTimer fill;
    fill.start();
    if (!fillByPulls(db, kRecords))
        return 1;
    std::fprintf(stderr, "pulled %d records into the store in %.1f s\n", kRecords,
                 fill.elapsed() / 1000.0);

    // The background indexer's work, done here in one go, as fast as it goes, in its batches
    // (their size shapes the index's segments, hence the searches below).
    QElapsedTimer index;
    index.start();
    QString error;
    int indexed = 0;
    for (int n;
         (n = SearchIndex::indexPending(db.connection(), SearchIndexer::kBatch, &error)) > 0;)
        indexed += n;
    if (!error.isEmpty()) {
        std::fprintf(stderr, "indexing failed: %s\n", qPrintable(error));
        return 1;
    }
    printFigure("review_index_records_per_s", indexed / (index.nsecsElapsed() / 1e9), "records/s");
    QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));

    double matched = 0;
    const QList<RecordFilter> phrases = {searchFor("建筑垃圾"), searchFor("化粪池盖板"),
                                         searchFor("漂浮物"), searchFor("截污纳管")};
    printFigure("review_fts_first_page_ms", firstPageMs(db, phrases, &matched), "ms");
    std::fprintf(stderr, "  (matched %.0f records on average)\n", matched);

    QList<RecordFilter> narrowed = phrases;
    for (int i = 0; i < narrowed.size(); ++i) {
        narrowed[i].unitCode = i % 2 ? QStringLiteral("411326") : QStringLiteral("420381");
        narrowed[i].author = QStringLiteral("inspector%1").arg(i * 5, 2, 10, QLatin1Char('0'));
    }
    printFigure("review_fts_filtered_first_page_ms", firstPageMs(db, narrowed, &matched), "ms");
    std::fprintf(stderr, "  (matched %.0f records on average)\n", matched);

    const QList<RecordFilter> rare = {searchFor("抽查第17户"), searchFor("抽查第199户")};
    printFigure("review_fts_rare_first_page_ms", firstPageMs(db, rare, &matched), "ms");
    std::fprintf(stderr, "  (matched %.0f records on average)\n", matched);

    // Two characters: no trigram to look up; every search text is read.
    const QList<RecordFilter> shortQueries = {searchFor("垃圾"), searchFor("粪污")};
    printFigure("review_short_query_first_page_ms", firstPageMs(db, shortQueries, &matched), "ms");
    std::fprintf(stderr, "  (matched %.0f records on average)\n", matched);

    // A pulled page not indexed yet: its 1,000 search texts are read directly.
    if (!fillByPulls(db, kPage))
        return 1;
    std::fprintf(stderr, "  %d search texts pending\n", SearchIndex::pendingCount(db.connection()));
    printFigure("review_fts_1000_pending_first_page_ms", firstPageMs(db, phrases, &matched), "ms");
    return 0;
}
