#pragma once

#include "domain/photoeviction.h"

#include <QSqlDatabase>
#include <QStringList>

// A supervisor's photos fetched for review (schema 12: photo_cache), the budget they must
// fit in (a setting kept in sync_meta), and which photos the review queue wants.
class PhotoCacheRepository {
public:
    explicit PhotoCacheRepository(QSqlDatabase db) : m_db(db) { }

    static constexpr qint64 kDefaultBudgetBytes = qint64(2) * 1024 * 1024 * 1024; // 2 GiB
    static constexpr const char *kBudgetKey = "photo_budget_bytes";

    qint64 budgetBytes() const;
    bool setBudgetBytes(qint64 bytes);

    // A photo fetched whole into the photo folder.
    bool recordFetched(const QString &sha256, qint64 bytes);
    // A record view shows them now (photos not fetched here are left alone).
    bool markShown(const QStringList &sha256s);
    bool remove(const QStringList &sha256s);
    QList<CachedPhoto> all() const;
    qint64 usedBytes() const;

    // The photos of records waiting for a decision (submitted), newest record first, each
    // once: what the background fetch brings after a pull.
    QStringList waitingPhotos() const;
    // The photos of approved and rejected records, the oldest record first, each once.
    QStringList decidedPhotos() const;

    QString lastError() const { return m_error; }

private:
    QStringList photosOf(const QString &sql) const;

    QSqlDatabase m_db;
    mutable QString m_error;
};
