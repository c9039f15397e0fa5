#pragma once

#include <QByteArray>
#include <QString>

// One inspection record as the device holds it. The content is the answers as UTF-8 JSON;
// it is carried and stored byte for byte, never re-encoded.
// Returned, approved and rejected are decided by a supervisor (review events).
enum class RecordStatus { Draft = 1, Submitted = 2, Returned = 3, Approved = 4, Rejected = 5 };

enum class SyncState {
    LocalOnly = 0, // a draft: never leaves the device
    Pending = 1, // queued in the outbox, not yet acknowledged by the server
    Synced = 2, // the server holds this revision
};

// What the inspector's list shows and filters by: the status, with "submitted" split by
// whether the server has it yet.
enum class ListStatus {
    Draft = 1,
    Pending = 2,
    Synced = 3,
    Returned = 4,
    Approved = 5,
    Rejected = 6
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
    QString opId; // the op that carried this revision to the server (submitted records)
    bool photosPending = false; // the server has not got all of its photos yet
    qint64 conflictWith = 0; // another device's revision this one overwrote unseen
    QString author; // user name of who pushed this revision, stamped by the server
    // The pushing device's clock minus the server's when this revision arrived, as the server
    // measured it (0: unknown). Its record time, GPS fix time and photo captions share it.
    qint64 deviceClockSkewMs = 0;
    // The random fingerprint the server gave this revision (0: not known); a decision on it
    // names it (ReviewEvent::recordFingerprint).
    qint64 serverFingerprint = 0;

    ListStatus listStatus() const
    {
        switch (status) {
        case RecordStatus::Draft:
            return ListStatus::Draft;
        case RecordStatus::Submitted:
            return syncState == SyncState::Synced ? ListStatus::Synced : ListStatus::Pending;
        case RecordStatus::Returned:
            return ListStatus::Returned;
        case RecordStatus::Approved:
            return ListStatus::Approved;
        case RecordStatus::Rejected:
            return ListStatus::Rejected;
        }
        return ListStatus::Draft;
    }

    bool sameContentAs(const Record &o) const
    {
        return id == o.id && templateId == o.templateId && templateVersion == o.templateVersion
            && category == o.category && villageCode == o.villageCode && status == o.status
            && createdAtMs == o.createdAtMs && updatedAtMs == o.updatedAtMs && content == o.content
            && authorDeviceId == o.authorDeviceId;
    }
};
