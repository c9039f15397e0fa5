#pragma once

#include "domain/record.h"
#include "recordfilter.h"
#include "recordwriter.h"

#include <QList>
#include <QSqlDatabase>
#include <optional>

// Records and their outbox entries: drafts, submissions, and the list's queries. Every write
// is one transaction. A pulled page is PulledPageWriter's, the filter's SQL
// recordFilterWhere's, decisions ReviewRepository's, re-queueing after a restore
// RestoreRequeue's.
class RecordRepository {
public:
    explicit RecordRepository(QSqlDatabase db) : m_db(db), m_writer(db) { }

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
    // Whether any record matches: stops at the first, where count() reads every match (a
    // cold store's startup paid for that on a hundred thousand records).
    bool hasAny(const RecordFilter &filter = {}) const;
    // Every user name the server stamped on a stored revision, sorted.
    QStringList authors() const;
    // The content of every stored record, newest first: a kiosk's photo step reads the photos
    // its public copies list (hundreds of records, read at once). nullopt on an SQL error.
    std::optional<QList<QByteArray>> contentsNewestFirst() const;

    QString lastError() const { return m_error; }

private:
    bool upsert(const Record &record);

    QSqlDatabase m_db;
    mutable QString m_error;
    RecordWriter m_writer;
};
