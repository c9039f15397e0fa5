#pragma once

#include "uploadstore.h"

class ServerDatabase;

// Uploads under way in the embedded SQLite file (table blob_upload, server schema 12).
class SqliteUploadStore : public UploadStore {
public:
    explicit SqliteUploadStore(ServerDatabase &db) : m_db(db) { }

    bool find(const QString &sha256, const Owner &owner, Upload *out, QString *error) override;
    bool begin(const QString &sha256, const Owner &owner, qint64 totalSize,
               const QString &newFileName, Upload *out, QString *error) override;
    bool advance(qint64 id, qint64 from, qint64 to, bool *moved, QString *error) override;
    bool remove(qint64 id, QString *error) override;
    bool removeIdle(qint64 cutoffMs, QStringList *removedFiles, QSet<QString> *inUse,
                    QString *error) override;

private:
    ServerDatabase &m_db;
};
