#pragma once

#include <QString>
#include <memory>

class AccountStore;
class BlobStore;
class CatalogStore;
class ChangeStore;
class InviteStore;

// The server's database, whichever it is: the one place that reads --db. A path is the
// embedded SQLite file; postgresql://… (or postgres://…) is a PostgreSQL database that
// several servers may share. Used by the server and by its admin commands alike.
class ServerBackend {
public:
    virtual ~ServerBackend() = default;

    // Opens (and migrates) the database --db names; nullptr with *error.
    static std::unique_ptr<ServerBackend> open(const QString &db, QString *error);

    virtual AccountStore &accounts() = 0;
    virtual InviteStore &invites() = 0;
    virtual CatalogStore &catalog() = 0;
    // The change log, which publishes into the blob store.
    virtual std::unique_ptr<ChangeStore> changeStore(BlobStore &blobs) = 0;

    virtual QString epoch() const = 0;
    // Where photos go without --blobs: beside an SQLite file; empty for PostgreSQL, where
    // every server must be given the folder they share.
    virtual QString defaultBlobFolder() const = 0;
};
