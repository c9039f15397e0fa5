#pragma once

#include <QByteArray>
#include <QString>

// One inspection record as the device holds it. The content is the answers as UTF-8 JSON;
// it is carried and stored byte for byte, never re-encoded.
enum class RecordStatus { Draft = 1, Submitted = 2 };

enum class SyncState {
    LocalOnly = 0, // a draft: never leaves the device
    Pending = 1, // queued in the outbox, not yet acknowledged by the server
    Synced = 2, // the server holds this revision
};

struct Record {
    QString id; // UUID, made on the device
    QString templateId;
    int templateVersion = 1;
    QString category;
    QString villageCode; // 12-digit NBS code
    RecordStatus status = RecordStatus::Draft;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    QByteArray content;
    QString authorDeviceId;
    SyncState syncState = SyncState::LocalOnly;
    qint64 serverSeq = 0; // 0 until the server has numbered it

    bool sameContentAs(const Record &o) const
    {
        return id == o.id && templateId == o.templateId && templateVersion == o.templateVersion
            && category == o.category && villageCode == o.villageCode && status == o.status
            && createdAtMs == o.createdAtMs && updatedAtMs == o.updatedAtMs && content == o.content
            && authorDeviceId == o.authorDeviceId;
    }
};
