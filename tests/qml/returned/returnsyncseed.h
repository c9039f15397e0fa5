#pragma once

#include "controllers/reviewcontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "models/recordlistmodel.h"
#include "serverprocess.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"
#include "storage/syncmetarepository.h"
#include "syncdevice.h"
#include "syncengine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QUuid>
#include <memory>

// The inspector's side of a return, brought the way it comes in the field: the inspector's
// app (the services the QML test runs on, logged in as wangfang) submits a record and sends
// it with its own sync; the supervisor zhaomin, at her own desk (a store of her own), pulls
// it, returns it with a comment on the record and one on question D2, and syncs; the
// inspector's app pulls the return by its own sync. The resubmission goes to the server by
// the inspector's sync, zhaomin approves the new revision, and the inspector pulls that.
// Nothing is written into the inspector's store as if the server had sent it.
class ReturnSyncSeed : public QObject {
    Q_OBJECT
public:
    ReturnSyncSeed(ServiceHost *host, ServerProcess *server, QString workDir,
                   QObject *parent = nullptr)
        : QObject(parent), m_host(host), m_server(server), m_workDir(std::move(workDir))
    {
    }

    // When zhaomin's desk recorded the return (its clock): the date the inspector reads.
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
        QSqlDatabase inspector = m_host->database()->connection();
        r.authorDeviceId = SyncMetaRepository(inspector).deviceId();
        // Stored and queued as the form's 提交 stores it, then sent by the app's own sync.
        if (!RecordRepository(inspector).submit(r, uuid()) || !syncInspector())
            return {};
        SyncDevice *desk = supervisorDesk();
        if (!desk || !desk->sync().ok)
            return {};
        const std::optional<Record> pulled = desk->records().find(r.id);
        if (!pulled) {
            qWarning("the supervisor's desk did not pull %s", qPrintable(r.id));
            return {};
        }
        // Her return, stored and queued as her review controller stores it (decideAll), at
        // the time her desk recorded it.
        ReviewEvent back;
        back.recordId = r.id;
        back.recordServerSeq = pulled->serverSeq;
        back.decision = ReviewDecision::Return;
        back.comment = "请核实源头分类情况并补充说明";
        back.questionComments << QuestionComment {"D2", "分类桶是否已发放到户？"};
        back.createdAtMs = kReturnedAtMs;
        ReviewRepository reviews(desk->db.connection());
        if (!reviews.decideAll({back})) {
            qWarning("return not stored: %s", qPrintable(reviews.lastError()));
            return {};
        }
        if (!desk->sync().ok || !syncInspector())
            return {};
        return r.id;
    }

    // The server is out of reach, as it is where the inspector works: what is submitted now
    // waits on the tablet.
    Q_INVOKABLE void serverDown() { m_server->stop(); }

    // The server back at its address; the inspector's app sends the resubmission with its
    // sync, zhaomin pulls it and approves it at her desk, and the inspector's app pulls the
    // approval.
    Q_INVOKABLE bool acceptAndApprove(const QString &recordId)
    {
        if (!m_server->start(m_server->address()) || !syncInspector())
            return false;
        SyncDevice *desk = supervisorDesk();
        if (!desk || !desk->sync().ok)
            return false;
        ReviewController review(desk->db.connection());
        if (!review.decide(recordId, "approve", QString())) {
            qWarning("approval not stored: %s", qPrintable(review.lastError()));
            return false;
        }
        return desk->sync().ok && syncInspector();
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
    static QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    // One successful sync of the inspector's app (its SyncEngine, as the sync button does),
    // waited for. A sync the engine started by itself (after a submit, or a failed one while
    // the server was down) may finish first: the one asked for runs after it.
    bool syncInspector()
    {
        SyncEngine *engine = m_host->services()->sync;
        for (int attempt = 0; attempt < 3; ++attempt) {
            QSignalSpy finished(engine, &SyncEngine::finished);
            engine->syncNow();
            while (finished.isEmpty() || engine->state() == SyncEngine::Syncing) {
                if (!finished.wait(60000))
                    return false;
            }
            if (finished.last().at(0).toBool()) {
                m_host->services()->records->reload();
                return true;
            }
        }
        qWarning("the inspector's sync failed: %s", qPrintable(engine->lastError()));
        return false;
    }

    // zhaomin's desk: a supervisor's store of its own for 郧西县, logged in once.
    SyncDevice *supervisorDesk()
    {
        if (m_desk)
            return m_desk.get();
        auto desk = std::make_unique<SyncDevice>();
        QString error;
        if (!m_server->addUser("zhaomin", "supervisor", "420322")
            || !desk->open(m_workDir + "/zhaomin/store.db", m_server->address(), "zhaomin",
                           &error)) {
            qWarning("zhaomin's desk: %s %s", qPrintable(error),
                     qPrintable(m_server->adminOutput()));
            return nullptr;
        }
        m_desk = std::move(desk);
        return m_desk.get();
    }

    ServiceHost *m_host;
    ServerProcess *m_server;
    QString m_workDir;
    std::unique_ptr<SyncDevice> m_desk;
};
