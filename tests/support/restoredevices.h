#pragma once

// Devices for the restore tests (tst_serverrestore, tst_pgrestore): real device stores that
// submit records, decide on them and sync with a real server over loopback.
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"
#include "storage/syncmetarepository.h"
#include "syncsession.h"
#include "synctransport.h"

#include <QStringList>
#include <QUuid>

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool submitRecords(const QString &store, int n, const QString &village)
{
    Database db;
    if (!db.open(store))
        return false;
    RecordRepository records(db.connection());
    const QString device = SyncMetaRepository(db.connection()).deviceId();
    for (int i = 0; i < n; ++i) {
        Record r;
        r.id = uuid();
        r.templateId = QStringLiteral("village_visit.pairing"); // in the catalogue: publishable
        r.category = QStringLiteral("village_visit");
        r.villageCode = village;
        r.createdAtMs = r.updatedAtMs = 1700000000000 + i;
        r.content = QStringLiteral("{\"answers\":{\"note\":\"走访 %1\"}}").arg(i).toUtf8();
        r.authorDeviceId = device;
        if (!records.submit(r, uuid()))
            return false;
    }
    return true;
}

SyncResult syncStore(const QString &store, const QString &address)
{
    Database db;
    db.open(store);
    SyncTransport transport(address);
    return SyncSession(db.connection(), transport).run();
}

// Only the push of a sync: the pull that would follow is cut off (the link went down).
SyncResult pushOnly(const QString &store, const QString &address)
{
    Database db;
    db.open(store);
    SyncTransport transport(address);
    SyncResult result;
    result.ok = SyncSession(db.connection(), transport).pushOutbox(&result);
    return result;
}

int recordsIn(const QString &store)
{
    Database db;
    return db.open(store) ? RecordRepository(db.connection()).count() : -1;
}

QStringList recordIdsIn(const QString &store)
{
    Database db;
    QStringList ids;
    if (db.open(store)) {
        for (const Record &r : RecordRepository(db.connection()).query({}, 1000))
            ids << r.id;
    }
    ids.sort();
    return ids;
}

// A supervisor's decision on the record's current revision in this store; its id.
QString decide(const QString &store, const QString &recordId, ReviewDecision decision)
{
    Database db;
    if (!db.open(store))
        return {};
    const std::optional<Record> r = RecordRepository(db.connection()).find(recordId);
    if (!r)
        return {};
    ReviewEvent e;
    e.id = uuid();
    e.recordId = recordId;
    e.recordServerSeq = r->serverSeq;
    e.decision = decision;
    if (decision == ReviewDecision::Return)
        e.comment = QStringLiteral("请补充走访记录");
    ReviewRepository decisions(db.connection());
    return decisions.decide(e) ? e.id : QString();
}

} // namespace
