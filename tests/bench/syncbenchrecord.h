#pragma once

#include "domain/record.h"
#include "domain/timeorderedid.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// The content of the sync suites' i-th record: about 1 KB, like the PouchDB peer's
// documents. Its note repeats "note-<i>-", so that number after "note-" is in no other
// record's text: the search that finds one record.
inline QByteArray syncBenchContent(int i)
{
    const QString note = QStringLiteral("note-%1-").arg(i).repeated(80).left(700);
    return QJsonDocument(
               QJsonObject {
                   {QStringLiteral("answers"),
                    QJsonObject {{QStringLiteral("A1"), i % 2 == 0},
                                 {QStringLiteral("A6_checked"), i % 50},
                                 {QStringLiteral("location"),
                                  QJsonObject {{QStringLiteral("lat"), 33.1 + (i % 1000) / 1e4},
                                               {QStringLiteral("lon"), 111.4 + (i % 777) / 1e4},
                                               {QStringLiteral("accuracy_m"), 4.5}}},
                                 {QStringLiteral("note"), note}}}})
        .toJson(QJsonDocument::Compact);
}

// When the sync suites' i-th record was captured: one a millisecond.
inline qint64 syncBenchCaptureMs(int i)
{
    return 1700000000000 + i;
}

// The i-th record's id, made as the form makes one: time-ordered, at its capture time.
inline QString syncBenchRecordId(int i)
{
    return TimeOrderedId::createAt(syncBenchCaptureMs(i));
}

// The sync suites' i-th record, submitted by `device` as a toilet check in one village.
inline Record syncBenchRecord(int i, const QString &id, const QString &device)
{
    Record r;
    r.id = id;
    r.templateId = QStringLiteral("sanitation.toilet");
    r.category = QStringLiteral("sanitation");
    r.villageCode = QStringLiteral("411326105200");
    r.createdAtMs = r.updatedAtMs = syncBenchCaptureMs(i);
    r.content = syncBenchContent(i);
    r.authorDeviceId = device;
    return r;
}
