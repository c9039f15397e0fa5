#include "reportbench.h"

#include "benchstats.h"
#include "controllers/dashboardcontroller.h"
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "domain/templatecatalog.h"
#include "media/photostore.h"
#include "models/recordlistmodel.h"
#include "notifyclock.h"
#include "quickitems.h"
#include "reports/csvexport.h"
#include "reports/geojsonexport.h"
#include "reports/photozipexport.h"
#include "storage/dashboardrepository.h"
#include "storage/database.h"
#include "storage/pulledpagewriter.h"
#include "storage/referencedatarepository.h"
#include "storage/templaterepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <cstdio>
#include <functional>
#include <memory>

namespace {

constexpr int kRecords = 100000;
constexpr int kPageSize = 1000; // as the sync pulls them
constexpr int kDashboardRuns = 15;
constexpr int kPhotoRecords = 200; // records whose photos exist on this supervisor's device
constexpr int kPhotoBytes = 400 * 1024;

QJsonObject location(QRandomGenerator &rng)
{
    return {{QStringLiteral("lat"), 32.5 + rng.generateDouble()},
            {QStringLiteral("lon"), 110.5 + rng.generateDouble()},
            {QStringLiteral("accuracy_m"), 3 + rng.bounded(60) / 10.0},
            {QStringLiteral("fix_time_ms"), qint64(1700000000000)},
            {QStringLiteral("source"), QStringLiteral("gps")},
            {QStringLiteral("fixes_averaged"), 5}};
}

// Answers as the form writes them, for the templates the dashboard reads and for the rest.
QJsonObject answersFor(const QString &templateId, QRandomGenerator &rng, const QJsonArray &photos)
{
    auto yes = [&](int percent) { return int(rng.bounded(100)) < percent; };
    QJsonObject a {
        {QStringLiteral("location"), location(rng)},
        {QStringLiteral("note"),
         QStringLiteral("村内主干道两侧已清理，东侧坑塘边仍有少量建筑垃圾，已要求三日内清运。")}};
    if (templateId == QLatin1String("sanitation.toilet")) {
        const bool has = yes(80);
        a.insert(QStringLiteral("A1"), has);
        if (has) {
            a.insert(QStringLiteral("A2"), yes(90));
            a.insert(QStringLiteral("A2_photos"), photos);
            a.insert(QStringLiteral("A3"), true);
            a.insert(QStringLiteral("A3_responsible"), QStringLiteral("村保洁员 张某"));
        }
        a.insert(QStringLiteral("A4"), yes(70));
        a.insert(QStringLiteral("A5"), yes(40));
        a.insert(QStringLiteral("A6_checked"), 120);
        a.insert(QStringLiteral("A6_sanitary"), 97);
    } else if (templateId == QLatin1String("sanitation.sewage")) {
        const bool black = yes(50);
        a.insert(QStringLiteral("B1"), yes(45));
        a.insert(QStringLiteral("B3"), black);
        if (black) {
            a.insert(QStringLiteral("B3_count"), 1);
            a.insert(QStringLiteral("B4"), location(rng));
            a.insert(QStringLiteral("B4_photos"), photos);
            a.insert(QStringLiteral("B5"),
                     yes(40) ? QStringLiteral("treated") : QStringLiteral("untreated"));
        }
    } else if (templateId == QLatin1String("sanitation.pond")) {
        const bool numbered = yes(70);
        a.insert(QStringLiteral("C1_numbered"), numbered);
        if (numbered)
            a.insert(QStringLiteral("C1"), QStringLiteral("XC-%1").arg(rng.bounded(20000)));
        a.insert(QStringLiteral("C2"), yes(60));
        a.insert(QStringLiteral("C3"), location(rng));
        a.insert(QStringLiteral("C5"), yes(60));
        a.insert(QStringLiteral("C6"), QStringLiteral("rehabilitated"));
        a.insert(QStringLiteral("photos"), photos);
    } else {
        for (int i = 1; i <= 13; ++i)
            a.insert(QStringLiteral("E%1").arg(i), yes(50));
        a.insert(QStringLiteral("photos"), photos);
    }
    return a;
}

// A supervisor's store: 100,000 records of every template, unit and week, pulled from the
// server a page at a time through the real repository.
bool fillStore(Database &db, const QString &photoRoot)
{
    QSqlDatabase c = db.connection();
    QString error;
    if (!ReferenceDataRepository(c).loadIfEmpty()
        || !TemplateRepository(c).storeDefinitions(bundledTemplateDefinitions(&error)))
        return false;
    QStringList villages;
    QSqlQuery q(c);
    q.exec(QStringLiteral("SELECT code FROM village"));
    while (q.next())
        villages << q.value(0).toString();
    QList<std::pair<QString, QString>> templates; // id, category
    for (const FormTemplate &t : TemplateRepository(c).latestAll())
        templates.append({t.id, t.category});
    QRandomGenerator rng(5);
    PulledPageWriter pages(c);
    const RecordStatus statuses[] = {RecordStatus::Submitted, RecordStatus::Approved,
                                     RecordStatus::Returned, RecordStatus::Rejected};
    const qint64 start = 1735000000000; // December 2024; a record every 2 minutes: 20 weeks
    PulledPage page;
    for (int i = 0; i < kRecords; ++i) {
        const auto &[templateId, category] = templates.at(i % templates.size());
        QJsonArray photos;
        if (i < kPhotoRecords) {
            // Photo files of random bytes (JPEGs do not compress either).
            for (int n = 0; n < 2; ++n) {
                QByteArray bytes(kPhotoBytes, Qt::Uninitialized);
                for (qsizetype b = 0; b < bytes.size(); b += 4)
                    *reinterpret_cast<quint32 *>(bytes.data() + b) = rng.generate();
                const QString sha = QString::fromLatin1(
                    QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
                const QString path = PhotoStore(photoRoot).pathFor(sha);
                QDir().mkpath(QFileInfo(path).absolutePath());
                QFile f(path);
                if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
                    return false;
                photos << sha;
            }
        } else {
            photos << QString(64, QLatin1Char('a' + i % 6)); // not on this device
        }
        Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.templateId = templateId;
        r.category = category;
        r.villageCode = villages.at(int(rng.bounded(villages.size())));
        r.status = statuses[i % 4];
        r.createdAtMs = r.updatedAtMs = start + qint64(i) * 120000;
        r.content = QJsonDocument(QJsonObject {{QStringLiteral("answers"),
                                                answersFor(templateId, rng, photos)}})
                        .toJson(QJsonDocument::Compact);
        r.authorDeviceId = QStringLiteral("tablet-%1").arg(i % 40);
        r.serverSeq = i + 1;
        page.records << r;
        if (page.records.size() == kPageSize || i == kRecords - 1) {
            page.nextServerSeq = i + 1;
            page.epoch = QStringLiteral("bench");
            if (!pages.apply(page)) {
                std::fprintf(stderr, "fill failed: %s\n", qPrintable(pages.lastError()));
                return false;
            }
            page = {};
        }
    }
    QSqlQuery(c).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return true;
}

void benchDashboard(Database &db)
{
    DashboardRepository dashboard(db.connection());
    auto run = [&](const char *name, const RecordFilter &filter) {
        QList<double> ms;
        for (int i = 0; i < kDashboardRuns; ++i) {
            QElapsedTimer t;
            t.start();
            const auto figures = dashboard.figures(filter);
            ms << t.nsecsElapsed() / 1e6;
            if (!figures || figures->counts.isEmpty())
                std::fprintf(stderr, "dashboard failed: %s\n", qPrintable(dashboard.lastError()));
        }
        printFigure(name, percentile(ms, 50), "ms");
    };
    run("dashboard_ms", {}); // every county, category and week: the whole store
    RecordFilter county;
    county.unitCode = QStringLiteral("411326"); // 淅川县, as a supervisor narrows it
    run("dashboard_county_ms", county);
}

// What a supervisor waits for when narrowing the queue with the dashboard open: from the
// filter change (Records.unitCode, as the filter bar sets it) to the chart's bars being set,
// through the real DashboardPage.qml on the app's services (ServiceHost, supervisor face,
// offline): the queue's reload, its countChanged, the page's dashboard.refresh(), the
// chart's rebuild. The clock stops at the chart's last barSetCount change (its series
// cleared and filled again).
bool benchDashboardToChart(const QString &dbPath)
{
    ServiceHost host;
    if (!host.start({QStringLiteral("supervisor"), dbPath, QString(), QString(), false,
                     QStringLiteral("zh_CN")})) {
        std::fprintf(stderr, "dashboard chart bench: %s\n", qPrintable(host.error()));
        return false;
    }
    Services::setInstance(host.services());
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    host.language()->setEngine(&engine);
    QQmlComponent component(&engine);
    component.setData(QByteArrayLiteral("import QtQuick\n"
                                        "import QtQuick.Controls\n"
                                        "import Qingshui.Ui\n"
                                        "ApplicationWindow {\n"
                                        "    width: 1280; height: 800; visible: true\n"
                                        "    property alias page: page\n"
                                        "    DashboardPage { id: page }\n"
                                        "}\n"),
                      QUrl());
    std::unique_ptr<QObject> root(component.create());
    auto *window = qobject_cast<QQuickWindow *>(root.get());
    if (!window) {
        std::fprintf(stderr, "dashboard chart bench: %s\n", qPrintable(component.errorString()));
        return false;
    }
    QObject *page = root->property("page").value<QObject *>();
    QMetaObject::invokeMethod(page, "open");
    QQuickItem *chart = nullptr;
    if (!waitUntil(
            [&] {
                chart = findVisualItem(window->contentItem(), QStringLiteral("dashboardChart"));
                return page->property("opened").toBool() && chart;
            },
            10000)) {
        std::fprintf(stderr, "dashboard chart bench: the page or its chart never showed\n");
        return false;
    }
    NotifyClock bars(chart, "barSetCount");
    if (!bars.connected()) {
        std::fprintf(stderr, "dashboard chart bench: the chart has no barSetCount signal\n");
        return false;
    }
    const int categories = host.services()->dashboard->categoryNames().size();
    RecordListModel *queue = host.services()->records;
    // Two counties and all of them, in turn: every step is a real change of the filter.
    const QStringList units
        = {QStringLiteral("411326"), QString(), QStringLiteral("420322"), QString()};
    QList<double> allMs, countyMs;
    for (int i = 0; i <= 2 * kDashboardRuns; ++i) {
        bars.start();
        queue->setUnitCode(units.at(i % units.size()));
        if (!waitUntil(
                [&] {
                    return bars.lastNs() >= 0
                        && chart->property("barSetCount").toInt() == categories;
                },
                10000)) {
            std::fprintf(stderr, "dashboard chart bench: the chart was never set\n");
            return false;
        }
        if (i > 0) // the first warmed the chart's axes and fonts
            (units.at(i % units.size()).isEmpty() ? allMs : countyMs) << bars.lastNs() / 1e6;
    }
    // As dashboard_ms (the whole store) and dashboard_county_ms (one county).
    printFigure("dashboard_to_chart_ms", percentile(allMs, 50), "ms");
    printFigure("dashboard_county_to_chart_ms", percentile(countyMs, 50), "ms");
    return true;
}

void benchExports(Database &db, const QString &dir, const QString &photoRoot)
{
    QElapsedTimer t;
    t.start();
    const ExportOutcome geo
        = exportGeoJson(db.connection(), {}, QDir(dir).filePath(QStringLiteral("all.geojson")));
    const double geoS = t.nsecsElapsed() / 1e9;
    if (!geo.ok || geo.records != kRecords)
        std::fprintf(stderr, "GeoJSON export failed: %s\n", qPrintable(geo.error));
    printFigure("geojson_export_100k_s", geoS, "s");

    t.restart();
    const ExportOutcome csv
        = exportCsv(db.connection(), {}, QDir(dir).filePath(QStringLiteral("all.csv")));
    const double csvS = t.nsecsElapsed() / 1e9;
    if (!csv.ok || csv.records != kRecords)
        std::fprintf(stderr, "CSV export failed: %s\n", qPrintable(csv.error));
    printFigure("csv_export_100k_s", csvS, "s");

    t.restart();
    const ExportOutcome zip = exportPhotoZip(db.connection(), {}, photoRoot,
                                             QDir(dir).filePath(QStringLiteral("photos.zip")));
    const double zipS = t.nsecsElapsed() / 1e9;
    // Not every record refers to its photos (a toilet answered "no" has none).
    if (!zip.ok || zip.photos == 0)
        std::fprintf(stderr, "ZIP export failed: %s\n", qPrintable(zip.error));
    printFigure("photo_zip_export_s", zipS, "s");
    const qint64 zipBytes = QFileInfo(zip.path).size();
    printFigure("photo_zip_mb_per_s", zipBytes / 1048576.0 / zipS, "MB/s");
}

} // namespace

int runReportBench()
{
    QTemporaryDir dir;
    // QS_REPORT_BENCH_DIR keeps the filled store there for tuning (filled once).
    const QString keep = qEnvironmentVariable("QS_REPORT_BENCH_DIR");
    const QString root = keep.isEmpty() ? dir.path() : keep;
    const QString path = QDir(root).filePath(QStringLiteral("supervisor.db"));
    const bool filled = !keep.isEmpty() && QFileInfo::exists(path);
    const QString photoRoot = PhotoStore::rootBeside(path);
    Database db;
    if (!db.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 1;
    }
    QElapsedTimer fill;
    fill.start();
    if (!filled && !fillStore(db, photoRoot))
        return 1;
    std::fprintf(stderr, "filled %d records in %.1f s\n", kRecords, fill.elapsed() / 1000.0);
    benchDashboard(db);
    if (!benchDashboardToChart(path))
        return 1;
    benchExports(db, root, photoRoot);
    return 0;
}
