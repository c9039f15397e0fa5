#pragma once

#include "uploadstore.h"

class PgDatabase;

// Uploads under way on PostgreSQL (table blob_upload, schema 12), shared by every server on
// the database: any of them can take the next chunk of any upload.
class PgUploadStore : public UploadStore {
public:
    explicit PgUploadStore(PgDatabase &db) : m_db(db) { }

    bool find(const QString &sha256, const Owner &owner, Upload *out, QString *error) override;
    bool begin(const QString &sha256, const Owner &owner, qint64 totalSize,
               const QString &newFileName, Upload *out, QString *error) override;
    bool advance(qint64 id, qint64 from, qint64 to, bool *moved, QString *error) override;
    bool remove(qint64 id, QString *error) override;
    bool removeIdle(qint64 cutoffMs, QStringList *removedFiles, QSet<QString> *inUse,
                    QString *error) override;

private:
    PgDatabase &m_db;
};
