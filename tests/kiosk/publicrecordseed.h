#pragma once

// Test and bench helper: stores public records in a kiosk's store the way a pull does
// (PulledPageWriter::apply), approved and numbered after the store's last one.
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"

#include <QSqlQuery>
#include <QUuid>

inline bool seedPublicRecords(QSqlDatabase db, const QString &villageCode, const QString &category,
                              int n, QString *error)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT coalesce(max(server_seq), 0) FROM record"));
    qint64 seq = q.next() ? q.value(0).toLongLong() : 0;
    PulledPage page;
    for (int i = 0; i < n; ++i) {
        Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.templateId = category == QLatin1String("sanitation") ? QStringLiteral("sanitation_toilet")
            : category == QLatin1String("ecology")             ? QStringLiteral("ecology_forest")
                                                               : category;
        r.category = category;
        r.villageCode = villageCode;
        r.status = RecordStatus::Approved;
        r.syncState = SyncState::Synced;
        r.createdAtMs = r.updatedAtMs = 1700000000000 + i;
        r.content = QByteArray("{}");
        r.authorDeviceId = QStringLiteral("server");
        r.serverSeq = ++seq;
        page.records << r;
    }
    page.nextServerSeq = seq;
    PulledPageWriter pages(db);
    if (!pages.apply(page)) {
        *error = pages.lastError();
        return false;
    }
    return true;
}
