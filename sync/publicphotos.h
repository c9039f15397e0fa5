#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class BlobDownloader;

struct PublicPhotosResult {
    int downloaded = 0; // photos fetched by this run
    int failed = 0; // listed photos still missing (tried again next sync)
    int removed = 0; // files no public copy lists any more
    bool interrupted = false; // the server cannot be used (token, connection): stop
    QString error; // the first failure
    QString storeError; // the store could not be read: nothing fetched, nothing removed
};

// A kiosk's photo step after a pull: the photos its public copies (records, and the ledger's
// closed problems) list are fetched into the
// photo folder (PhotoStore's names), and the files no copy lists any more (withdrawn records,
// unticked photos of a new revision) are deleted. Blocking; the sync thread runs it.
class PublicPhotos {
public:
    PublicPhotos(QSqlDatabase db, QString photoRoot) : m_db(db), m_root(std::move(photoRoot)) { }

    // Every photo the store's records and published problems refer to, each once; nothing
    // when the store cannot be read (*error says why).
    std::optional<QStringList> listed(QString *error) const;
    PublicPhotosResult run(BlobDownloader &downloader);

private:
    int removeUnlisted(const QStringList &listed);

    QSqlDatabase m_db;
    QString m_root;
};
