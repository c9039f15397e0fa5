#pragma once

#include "seedreview.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QUuid>
#include <algorithm>

// The inspector's side of a return, stored as the sync would store it: a record this tablet
// submitted, pulled back with the supervisor's return (a comment on the record and one on
// question D2); then the server taking the resubmission and a supervisor approving it.
class ReturnSeed : public QObject {
    Q_OBJECT
public:
    explicit ReturnSeed(Database *db, QObject *parent = nullptr) : QObject(parent), m_db(db) { }

    static constexpr qint64 kReturnedAtMs = 1764600000000; // 2025-12-01 14:40 UTC

    // Returns the returned record's id; empty on failure.
    Q_INVOKABLE QString returnedRecord()
    {
        Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.templateId = "sanitation.refuse";
        r.templateVersion = 1;
        r.category = "sanitation";
        r.villageCode = "420322100200"; // 郧西县 城关镇 下北隅村
        r.status = RecordStatus::Submitted;
        r.createdAtMs = r.updatedAtMs = kReturnedAtMs - 86400000;
        const QJsonObject answers {{"D1", true},
                                   {"D2", false},
                                   {"D3", false},
                                   {"D4", false},
                                   {"location",
                                    QJsonObject {{"lat", 33.1378},
                                                 {"lon", 110.4251},
                                                 {"accuracy_m", 4.0},
                                                 {"fix_time_ms", double(r.createdAtMs)},
                                                 {"source", "gps"},
                                                 {"fixes_averaged", 1}}},
                                   {"note", "村口收集点已建成"}};
        r.content
            = QJsonDocument(QJsonObject {{"answers", answers}}).toJson(QJsonDocument::Compact);
        r.authorDeviceId = SyncMetaRepository(m_db->connection()).deviceId();
        r.author = "wangfang";
        r.serverSeq = nextSeq();
        ReviewEvent back = pulledReview(r.id, r.serverSeq, ReviewDecision::Return, "zhaomin",
                                        kReturnedAtMs, nextSeq(), "请核实源头分类情况并补充说明");
        back.questionComments << QuestionComment {"D2", "分类桶是否已发放到户？"};
        return pull({r}, {back}) ? r.id : QString();
    }

    // The server acknowledges everything queued, numbers the record's new revision, and a
    // supervisor approves it: both come back with the next pull.
    Q_INVOKABLE bool acceptAndApprove(const QString &recordId)
    {
        OutboxRepository outbox(m_db->connection());
        const QList<OutboxEntry> queued = outbox.peek(1000);
        if (queued.isEmpty() || !outbox.acknowledge(queued.last().clientSeq))
            return false;
        auto record = RecordRepository(m_db->connection()).find(recordId);
        if (!record)
            return false;
        record->serverSeq = nextSeq();
        return pull({*record},
                    {pulledReview(recordId, record->serverSeq, ReviewDecision::Approve, "zhaomin",
                                  kReturnedAtMs + 3600000, nextSeq())});
    }

    // Where the QML test saves its picture of the returned form: QS_SCREENSHOT_DIR, set when
    // docs/screenshots are made (under Xvfb); empty in ordinary runs.
    Q_INVOKABLE QString screenshotPath(const QString &name) const
    {
        const QString dir = qEnvironmentVariable("QS_SCREENSHOT_DIR");
        return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + name;
    }
    // The whole window as it is on screen, as `qingshui --screenshot` takes it (an item's
    // grabToImage leaves the Material controls out).
    Q_INVOKABLE bool saveWindow(QQuickItem *item, const QString &path) const
    {
        return item && item->window() && item->window()->grabWindow().save(path);
    }

private:
    qint64 nextSeq()
    {
        const qint64 cursor = SyncMetaRepository(m_db->connection()).pullCursor();
        m_seq = std::max({m_seq, cursor, qint64(5000)}) + 1;
        return m_seq;
    }

    bool pull(const QList<Record> &records, const QList<ReviewEvent> &reviews)
    {
        PulledPage page;
        page.records = records;
        page.reviews = reviews;
        page.nextServerSeq = m_seq;
        page.epoch = SyncMetaRepository(m_db->connection()).serverEpoch();
        if (page.epoch.isEmpty())
            page.epoch = "qml-test";
        return RecordRepository(m_db->connection()).applyPulledPage(page);
    }

    Database *m_db;
    qint64 m_seq = 0;
};
