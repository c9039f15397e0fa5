#pragma once

#include "common/sqlitestatement.h"
#include "domain/record.h"
#include "domain/review.h"
#include "recordfilter.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <optional>

// One page pulled from the server: record revisions, review events and photo arrivals, in
// server order, with the cursor after them.
struct PulledPage {
    QList<Record> records;
    QList<ReviewEvent> reviews;
    QList<std::pair<QString, qint64>> photosArrived; // record id, revision
    QStringList withdrawn; // kiosks: records whose public copy was withdrawn
    qint64 nextServerSeq = 0;
    qint64 nextFingerprint = 0; // of the change at nextServerSeq: stored as the known mark
    QString epoch;
};

// Records and their outbox entries. Every write is one transaction.
class RecordRepository {
public:
    explicit RecordRepository(QSqlDatabase db) : m_db(db) { }

    // Stores a draft; drafts never enter the outbox.
    bool saveDraft(const Record &record);
    // Marks the record submitted and queues it in the outbox, in one transaction.
    bool submit(Record record, const QString &opId);

    // Removes a draft that never left the device; anything else stays.
    bool discardDraft(const QString &id);

    std::optional<Record> find(const QString &id) const;
    // Newest first, narrowed by the filter; pages of `limit` from `offset`.
    QList<Record> query(const RecordFilter &filter, int limit, int offset = 0) const;
    int count(const RecordFilter &filter = {}) const;
    // Every user name the server stamped on a stored revision, sorted.
    QStringList authors() const;
    // The content of every stored record, newest first: a kiosk's photo step reads the photos
    // its public copies list (hundreds of records, read at once). nullopt on an SQL error.
    std::optional<QList<QByteArray>> contentsNewestFirst() const;
    // The filter as SQL on `record r`: " WHERE ..." or empty; binds go in order. For the
    // other storage queries over the same selection (dashboard, exports).
    static QString whereClauseOf(const RecordFilter &filter, QVariantList *binds);

    // A page pulled from the server, stored with the new cursor in one transaction.
    // A record with unsent local edits keeps them: its own outbox entry goes out next.
    bool applyPulledPage(const PulledPage &page);

    // Review decisions on a record, oldest first.
    QList<ReviewEvent> reviewsOf(const QString &recordId) const;

    // The server's history changed (restored from a backup): queue every revision this
    // device submitted again, with its original op id, then the decisions the server had
    // acknowledged from the reviewer logged in here (ReviewRepository::requeueAcknowledged),
    // and pull from the start of the new epoch, in one transaction. Returns how many
    // revisions were queued (*decisions: how many decisions), -1 on error.
    int requeueOwnRevisions(const QString &deviceId, const QString &newEpoch,
                            int *decisions = nullptr);

    QString lastError() const { return m_error; }

private:
    bool upsert(const Record &record);
    bool keepOverwrittenRevision(const Record &record);
    bool storeReview(const ReviewEvent &event);
    bool removeWithdrawn(const QString &recordId);
    QString searchTextFor(const Record &record);
    QString placeNamesOf(const QString &villageCode);

    QSqlDatabase m_db;
    mutable QString m_error;
    // Prepared once per repository: a pulled page upserts a thousand records in a row.
    std::optional<SqliteStatement> m_upsert;
    std::optional<SqliteStatement> m_upsertSearch;
    std::optional<SqliteStatement> m_revisionOverwritten;
    std::optional<SqliteStatement> m_keepRevision;
    std::optional<QSqlQuery> m_placeNames;
    QHash<QString, QString> m_placeNameCache;
};
