#include "dashboardcontroller.h"

#include "controllers/exportwordstext.h"
#include "controllers/photofetchtext.h"
#include "controllers/placenames.h"
#include "domain/category.h"
#include "media/photostore.h"
#include "models/recordlistmodel.h"
#include "photofetcher.h"
#include "reports/csvexport.h"
#include "reports/geojsonexport.h"
#include "reports/photozipexport.h"
#include "storage/database.h"
#include "storage/photocacherepository.h"
#include "storage/referencedatarepository.h"

#include <QDateTime>
#include <QDir>
#include <QSet>
#include <QThread>

namespace {

QString weekLabel(int year, int week)
{
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

} // namespace

DashboardController::DashboardController(QSqlDatabase db, QString photoRoot, RecordListModel *queue,
                                         PhotoFetcher *fetcher, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_photoRoot(std::move(photoRoot))
    , m_queue(queue)
    , m_fetcher(fetcher)
{
    QString error;
    if (auto targets = loadSanitationTargets(&error))
        m_targets = *targets;
    else
        m_error = error;
}

DashboardController::~DashboardController()
{
    if (m_exportThread)
        m_exportThread->wait();
}

QStringList DashboardController::categoryNames() const
{
    QStringList names;
    for (const Category &c : workCategories())
        names << c.name();
    return names;
}

void DashboardController::refresh()
{
    const auto figures = DashboardRepository(m_db).figures(m_queue->filter());
    if (!figures) {
        m_error = DashboardRepository(m_db).lastError();
        emit figuresChanged();
        return;
    }
    m_figures = *figures;
    m_total = 0;
    QStringList weeks;
    QSet<QString> units;
    for (const WeeklyCount &c : std::as_const(m_figures.counts)) {
        m_total += c.count;
        const QString label = weekLabel(c.isoYear, c.isoWeek);
        if (!weeks.contains(label))
            weeks << label;
        units.insert(c.unitCode);
    }
    std::sort(weeks.begin(), weeks.end()); // "2025-W02" sorts as it reads
    m_weekLabels = weeks.mid(std::max<qsizetype>(0, weeks.size() - kChartWeeks));
    // Counties in the reference data's order (河南 first, as the plan lists them).
    m_unitCodes.clear();
    m_unitNames.clear();
    for (const PairedUnit &u : ReferenceDataRepository(m_db).units()) {
        if (!units.contains(u.code))
            continue;
        m_unitCodes << u.code;
        m_unitNames << PlaceNames::unit(u);
    }
    emit figuresChanged();
}

QVariantList DashboardController::weeklyCounts(const QString &unitCode) const
{
    const QList<Category> &categories = workCategories();
    QList<QList<int>> table(categories.size(), QList<int>(m_weekLabels.size(), 0));
    for (const WeeklyCount &c : m_figures.counts) {
        if (!unitCode.isEmpty() && c.unitCode != unitCode)
            continue;
        const qsizetype week = m_weekLabels.indexOf(weekLabel(c.isoYear, c.isoWeek));
        const auto category = std::find_if(categories.begin(), categories.end(),
                                           [&](const Category &k) { return k.id == c.category; });
        if (week >= 0 && category != categories.end())
            table[category - categories.begin()][week] += c.count;
    }
    QVariantList out;
    for (const QList<int> &row : table) {
        QVariantList values;
        for (int v : row)
            values << v;
        out << QVariant(values);
    }
    return out;
}

QList<IndicatorLine> DashboardController::indicators() const
{
    QList<IndicatorLine> out;
    for (const IndicatorTally &t : m_figures.indicators) {
        const SanitationTarget *target = m_targets.find(t.indicatorId);
        out << IndicatorLine {t.indicatorId,
                              target ? target->name.text() : t.indicatorId,
                              t.numerator,
                              t.denominator,
                              t.denominator > 0 ? double(t.numerator) / t.denominator : -1.0,
                              target && target->share ? *target->share : -1.0,
                              target ? target->target.text() : QString()};
    }
    return out;
}

bool DashboardController::exportTo(const QString &kind, const QUrl &folder)
{
    return startExport(kind, folder, m_queue->filter());
}

bool DashboardController::exportRecordsTo(const QString &kind, const QUrl &folder,
                                          const QStringList &recordIds)
{
    RecordFilter filter = m_queue->filter();
    if (recordIds.isEmpty())
        return false; // an empty selection is no selection: not the whole queue
    filter.recordIds = recordIds;
    return startExport(kind, folder, filter);
}

bool DashboardController::startExport(const QString &kind, const QUrl &folder,
                                      const RecordFilter &filter)
{
    if (m_exportThread)
        return false;
    const QString dir = folder.isLocalFile() ? folder.toLocalFile() : folder.toString();
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString ext = kind == QLatin1String("photos") ? QStringLiteral("zip") : kind;
    // Named in the UI's language: "Qingshui_csv_…" in English.
    const QString path = QDir(dir).filePath(tr("清水巡查_%1_%2.%3").arg(kind, stamp, ext));
    const QString storePath = m_db.databaseName();
    const QString photoRoot = m_photoRoot;
    // Kept by the thread: the fetcher may end first (the app closing), the wait then ends.
    const std::shared_ptr<PhotoFetchWorker> fetch = m_fetcher ? m_fetcher->worker() : nullptr;
    // The file's own words in the language of the moment, taken here on the UI's thread.
    const ExportWords words = ExportWordsText::current(m_db);
    m_exportThread = QThread::create([=] {
        ExportOutcome out;
        Database store; // Qt SQL connections stay on the thread that opened them
        if (!store.open(storePath)) {
            out.error = store.error();
        } else if (kind == QLatin1String("csv")) {
            out = exportCsv(store.connection(), filter, path, words);
        } else if (kind == QLatin1String("geojson")) {
            out = exportGeoJson(store.connection(), filter, path, words);
        } else if (kind == QLatin1String("photos")) {
            out = exportPhotos(store.connection(), filter, photoRoot, path, fetch);
        } else {
            out.error = QStringLiteral("unknown export: %1").arg(kind);
        }
        QMetaObject::invokeMethod(
            this, [this, kind, out] { finishExport(kind, out); }, Qt::QueuedConnection);
    });
    connect(m_exportThread, &QThread::finished, m_exportThread, &QObject::deleteLater);
    m_exportThread->start();
    emit exportingChanged();
    return true;
}

ExportOutcome DashboardController::exportPhotos(QSqlDatabase db, const RecordFilter &filter,
                                                const QString &photoRoot, const QString &path,
                                                const std::shared_ptr<PhotoFetchWorker> &fetch)
{
    ExportOutcome out;
    out.path = path;
    const QStringList wanted = photoZipPhotos(db, filter, &out.error);
    if (!out.error.isEmpty())
        return out;
    const PhotoStore store(photoRoot);
    QStringList missing;
    for (const QString &sha : wanted) {
        if (!store.contains(sha))
            missing << sha;
    }
    // A report wants the photos: fetch what is missing first (the record view's requests
    // still go first). What cannot be had is named, not silently dropped, and the rest is
    // written: one tablet that has not synced must not hold up the whole report.
    static const QString kPin = QStringLiteral("photoExport");
    QHash<QString, PhotoFetchFailure> why;
    if (fetch) {
        fetch->pin(kPin, wanted); // what is here stays until it is written
        if (!missing.isEmpty()) {
            why = fetch->fetchAndWait(missing, [this](int done, int total) {
                QMetaObject::invokeMethod(
                    this,
                    [this, done, total] {
                        if (!m_exportThread)
                            return; // a late report of an export that has ended
                        m_exportProgress = tr("正在下载导出所需的照片 %1/%2…").arg(done).arg(total);
                        emit exportProgressChanged();
                    },
                    Qt::QueuedConnection);
            });
        }
    }
    auto reason = [&](const QString &sha) {
        // No fetcher: this device has no server to fetch from.
        const PhotoFetchFailure failure = why.value(sha, PhotoFetchFailure::Unreachable);
        return PhotoFetchText::describe(
            failure == PhotoFetchFailure::None ? PhotoFetchFailure::Unreachable : failure,
            PhotoCacheRepository(db).budgetBytes());
    };
    out = exportPhotoZip(db, filter, photoRoot, path, [&](const QList<MissingPhoto> &list) {
        QStringList lines {tr("以下 %n 张照片未能导出：", nullptr, int(list.size()))};
        for (const MissingPhoto &m : list)
            lines << tr("%1 · 记录 %2 · %3 · 照片 %4 · %5")
                         .arg(m.villageName, m.recordId, m.questionLabel, m.sha256.left(12),
                              reason(m.sha256));
        // With a BOM, so that the editors of the report's readers take it as UTF-8.
        return std::pair {tr("缺少的照片.txt"),
                          QByteArray("\xEF\xBB\xBF") + lines.join(QStringLiteral("\r\n")).toUtf8()};
    });
    for (MissingPhoto &m : out.missing)
        m.reason = reason(m.sha256);
    if (fetch)
        fetch->unpin(kPin);
    return out;
}

void DashboardController::finishExport(const QString &kind, const ExportOutcome &out)
{
    m_exportThread = nullptr; // it deletes itself when it has finished
    m_exportProgress.clear();
    emit exportProgressChanged();
    if (!out.ok) {
        m_exportMessage = tr("导出失败：%1").arg(out.error);
    } else if (kind == QLatin1String("photos") && !out.missing.isEmpty()) {
        QStringList named;
        for (const MissingPhoto &m : out.missing.mid(0, 3))
            named << tr("%1 · 记录 %2 · %3（%4）")
                         .arg(m.villageName, m.recordId.left(8), m.questionLabel, m.reason);
        if (out.missing.size() > 3)
            named << tr("等");
        m_exportMessage = tr("已导出 %1 张照片到 %2；%3 张未能导出，已列在 ZIP 内的“%4”中：%5")
                              .arg(out.photos)
                              .arg(out.path)
                              .arg(out.missing.size())
                              .arg(tr("缺少的照片.txt"), named.join(tr("；")));
    } else if (kind == QLatin1String("photos")) {
        m_exportMessage = tr("已导出 %1 张照片到 %2").arg(out.photos).arg(out.path);
    } else {
        m_exportMessage = tr("已导出 %1 条记录到 %2").arg(out.records).arg(out.path);
    }
    emit exportingChanged();
    emit exportFinished(out.ok);
}
