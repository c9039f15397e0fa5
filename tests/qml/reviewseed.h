#pragma once

#include "seedreview.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QUuid>
#include <QVariantMap>

// Stores what a supervisor's pull would bring for the decision tests (records without
// photos, waiting for a decision) through the repository's pull path, into the store the QML
// test's services run on, offline. Records with photos come only by sync, from a real server:
// tests/qml/review/reviewsyncseed.h.
class ReviewSeed : public QObject {
    Q_OBJECT
public:
    explicit ReviewSeed(Database *db, QObject *parent = nullptr) : QObject(parent), m_db(db) { }

    // Fresh submitted records of one inspector, waiting for a decision; their ids.
    Q_INVOKABLE QStringList seedSubmitted(const QString &author, int count)
    {
        PulledPage page;
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            Record r = pondRecord(author,
                                  QJsonObject {{"C1_numbered", true},
                                               {"C1", QStringLiteral("KT-%1").arg(i)},
                                               {"C7", "pond"},
                                               {"note", author + " 的巡查"}});
            r.updatedAtMs = r.createdAtMs = 1764600000000 + i * 60000;
            page.records << r;
            ids << r.id;
        }
        return store(page) ? ids : QStringList();
    }

    // What a sync does when the server refuses a queued decision for good: sets every
    // queued decision aside with the server's reason. Returns how many.
    Q_INVOKABLE int setAsideQueuedDecisions(const QString &reason)
    {
        OutboxRepository outbox(m_db->connection());
        int n = 0;
        for (const OutboxEntry &e : outbox.peek(1000)) {
            if (e.review && outbox.setAside(e.clientSeq, reason))
                ++n;
        }
        return n;
    }

private:
    Record pondRecord(const QString &author, const QJsonObject &answers)
    {
        Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.templateId = "sanitation.pond";
        r.templateVersion = 1;
        r.category = "sanitation";
        r.villageCode = "411326105200"; // 淅川县 丹阳镇 九重村
        r.status = RecordStatus::Submitted;
        r.createdAtMs = r.updatedAtMs = 1764600000000;
        r.content = QJsonDocument(QJsonObject {{"answers", answers}}).toJson();
        r.authorDeviceId = author + "-tablet";
        r.author = author;
        r.serverSeq = nextSeq();
        return r;
    }
    // Each pull brings newer revisions.
    qint64 nextSeq() { return ++m_seq; }
    bool store(PulledPage page)
    {
        page.nextServerSeq = m_seq;
        page.epoch = "qml-test";
        return RecordRepository(m_db->connection()).applyPulledPage(page);
    }

    qint64 m_seq = 3000;
    Database *m_db;
};
