#include "mapmarkerbench.h"

#include "benchstats.h"
#include "storage/database.h"
#include "storage/mapmarkerquery.h"
#include "storage/pulledpagewriter.h"
#include "storage/referencedatarepository.h"
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
constexpr int kRounds = 7;

// A supervisor's store, filled as pulls fill it: full sanitation records with a point each.
bool fill(Database &db)
{
    QSqlDatabase c = db.connection();
    if (!ReferenceDataRepository(c).loadIfEmpty())
        return false;
    QStringList villages;
    QSqlQuery q(c);
    q.exec(QStringLiteral("SELECT code FROM village"));
    while (q.next())
        villages << q.value(0).toString();
    QRandomGenerator rng(17);
    PulledPageWriter pages(c);
    for (int first = 0; first < kRecords; first += kPage) {
        PulledPage page;
        for (int i = first; i < first + kPage; ++i) {
            Record r;
            r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            r.category = QStringLiteral("sanitation");
            r.templateId = QStringLiteral("sanitation.appearance");
            r.villageCode = villages.at(int(rng.bounded(villages.size())));
            r.status = RecordStatus::Submitted;
            r.createdAtMs = r.updatedAtMs = 1700000000000 + qint64(i) * 60000;
            r.content = fullSanitationContent(rng);
            r.authorDeviceId = QStringLiteral("bench");
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

} // namespace

int runMapMarkerBench()
{
    QTemporaryDir dir;
    Database db;
    if (!db.open(dir.filePath(QStringLiteral("map.db"))) || !fill(db))
        return 1;
    QList<double> ms;
    qsizetype drawn = 0;
    for (int round = 0; round < kRounds; ++round) {
        QElapsedTimer t;
        t.start();
        const MapMarkerQuery query(db.connection());
        const auto markers = query.records(RecordFilter());
        ms << t.nsecsElapsed() / 1e6;
        if (!markers) {
            std::fprintf(stderr, "map markers: %s\n", qPrintable(query.lastError()));
            return 1;
        }
        drawn = markers->size();
    }
    if (drawn != kRecords) {
        std::fprintf(stderr, "map markers: %lld of %d records drawn\n", qlonglong(drawn), kRecords);
        return 1;
    }
    printFigure("map_markers_100k_ms", percentile(ms, 50), "ms");
    return 0;
}
