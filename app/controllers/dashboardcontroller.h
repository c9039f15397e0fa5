#pragma once

#include "domain/sanitationtargets.h"
#include "indicatorline.h"
#include "reports/exportoutcome.h"
#include "storage/dashboardrepository.h"

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <memory>

class PhotoFetcher;
class PhotoFetchWorker;
class QThread;
class RecordListModel;
Q_MOC_INCLUDE("models/recordlistmodel.h")

// The supervisor's dashboard: records by county × category × ISO week and the sanitation
// indicators beside their 2025 targets, over the review queue's current filter; and the
// exports (CSV, GeoJSON, ZIP of photos) of that same selection into a folder. The ZIP first
// fetches the photos this device lacks; what still cannot be had is written without them
// and named (record, village, question, why) in the message and in a list inside the ZIP.
class DashboardController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(int total READ total NOTIFY figuresChanged)
    Q_PROPERTY(QStringList weekLabels READ weekLabels NOTIFY figuresChanged)
    Q_PROPERTY(QStringList categoryNames READ categoryNames NOTIFY figuresChanged)
    Q_PROPERTY(QStringList unitCodes READ unitCodes NOTIFY figuresChanged)
    Q_PROPERTY(QStringList unitNames READ unitNames NOTIFY figuresChanged)
    Q_PROPERTY(QList<IndicatorLine> indicators READ indicators NOTIFY figuresChanged)
    Q_PROPERTY(QString targetSource READ targetSource NOTIFY figuresChanged)
    Q_PROPERTY(QString error READ error NOTIFY figuresChanged)
    Q_PROPERTY(QString exportMessage READ exportMessage NOTIFY exportFinished)
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportingChanged)
    // While a ZIP waits for photos: "正在下载导出所需的照片 3/10…"; "" otherwise.
    Q_PROPERTY(QString exportProgress READ exportProgress NOTIFY exportProgressChanged)
public:
    // The chart shows the newest weeks of the selection, at most this many.
    static constexpr int kChartWeeks = 8;

    // fetcher may be null (no server): the ZIP then holds what is on the device.
    DashboardController(QSqlDatabase db, QString photoRoot, RecordListModel *queue,
                        PhotoFetcher *fetcher = nullptr, QObject *parent = nullptr);
    ~DashboardController() override; // waits for an export still running

    int total() const { return m_total; }
    QStringList weekLabels() const { return m_weekLabels; }
    QStringList categoryNames() const;
    QStringList unitCodes() const { return m_unitCodes; }
    QStringList unitNames() const { return m_unitNames; }
    QList<IndicatorLine> indicators() const;
    QString targetSource() const { return m_targets.source.text(); }
    QString error() const { return m_error; }
    QString exportMessage() const { return m_exportMessage; }
    bool exporting() const { return m_exportThread != nullptr; }
    QString exportProgress() const { return m_exportProgress; }

    // Reads the figures again over the queue's current filter.
    Q_INVOKABLE void refresh();
    // One list per category (categoryNames' order) of counts per week (weekLabels' order),
    // for one county, or all when unitCode is empty. A table of plain numbers with no fields
    // to name, handed to the chart's bar sets as it is: it stays a QVariantList.
    Q_INVOKABLE QVariantList weeklyCounts(const QString &unitCode) const;
    // kind: "csv", "geojson" or "photos"; writes 清水巡查_<kind>_<time>.<ext> into the folder
    // with the queue's current filter, on a thread of its own (100,000 records take seconds)
    // with its own connection to the store. True when started; exportFinished then tells
    // how it went (exportMessage; exportProgress while a ZIP waits for photos). False, with
    // nothing started, while another one runs.
    Q_INVOKABLE bool exportTo(const QString &kind, const QUrl &folder);
    // The same for a selection drawn on the map: only these records of the queue's filter.
    Q_INVOKABLE bool exportRecordsTo(const QString &kind, const QUrl &folder,
                                     const QStringList &recordIds);

signals:
    void figuresChanged();
    void exportFinished(bool ok);
    void exportingChanged();
    void exportProgressChanged();

private:
    bool startExport(const QString &kind, const QUrl &folder, const RecordFilter &filter);
    void finishExport(const QString &kind, const ExportOutcome &out);
    // On the export's thread: fetches what the selection lacks, then writes the ZIP.
    ExportOutcome exportPhotos(QSqlDatabase db, const RecordFilter &filter,
                               const QString &photoRoot, const QString &path,
                               const std::shared_ptr<PhotoFetchWorker> &fetch);

    QSqlDatabase m_db;
    QString m_photoRoot;
    RecordListModel *m_queue;
    SanitationTargets m_targets;
    DashboardFigures m_figures;
    int m_total = 0;
    QStringList m_weekLabels;
    QStringList m_unitCodes;
    QStringList m_unitNames;
    QString m_error;
    QString m_exportMessage;
    QString m_exportProgress;
    QThread *m_exportThread = nullptr;
    PhotoFetcher *m_fetcher;
};
