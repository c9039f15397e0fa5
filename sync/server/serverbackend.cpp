#include "serverbackend.h"

#include "postgres/pgaccountstore.h"
#include "postgres/pgcatalogstore.h"
#include "postgres/pgchangestore.h"
#include "postgres/pgdatabase.h"
#include "postgres/pginvitestore.h"
#include "serverdatabase.h"
#include "sqliteaccountstore.h"
#include "sqlitecatalogstore.h"
#include "sqlitechangestore.h"
#include "sqliteinvitestore.h"

namespace {

class SqliteBackend : public ServerBackend {
public:
    bool open(const QString &path, QString *error)
    {
        if (m_db.open(path))
            return true;
        *error = m_db.error();
        return false;
    }
    AccountStore &accounts() override { return m_accounts; }
    InviteStore &invites() override { return m_invites; }
    CatalogStore &catalog() override { return m_catalog; }
    std::unique_ptr<ChangeStore> changeStore(BlobStore &blobs) override
    {
        return std::make_unique<SqliteChangeStore>(m_db, blobs);
    }
    QString epoch() const override { return m_db.epoch(); }
    QString defaultBlobFolder() const override { return m_db.path() + QStringLiteral(".blobs"); }

private:
    ServerDatabase m_db;
    SqliteAccountStore m_accounts {m_db};
    SqliteInviteStore m_invites {m_db};
    SqliteCatalogStore m_catalog {m_db};
};

class PgBackend : public ServerBackend {
public:
    bool open(const QString &uri, QString *error)
    {
        if (m_db.open(uri))
            return true;
        *error = m_db.error();
        return false;
    }
    AccountStore &accounts() override { return m_accounts; }
    InviteStore &invites() override { return m_invites; }
    CatalogStore &catalog() override { return m_catalog; }
    std::unique_ptr<ChangeStore> changeStore(BlobStore &blobs) override
    {
        return std::make_unique<PgChangeStore>(m_db, blobs);
    }
    QString epoch() const override { return m_db.epoch(); }
    QString defaultBlobFolder() const override { return {}; }

private:
    PgDatabase m_db;
    PgAccountStore m_accounts {m_db};
    PgInviteStore m_invites {m_db};
    PgCatalogStore m_catalog {m_db};
};

} // namespace

std::unique_ptr<ServerBackend> ServerBackend::open(const QString &db, QString *error)
{
    if (PgDatabase::isUri(db)) {
        auto backend = std::make_unique<PgBackend>();
        if (!backend->open(db, error))
            return nullptr;
        return backend;
    }
    auto backend = std::make_unique<SqliteBackend>();
    if (!backend->open(db, error))
        return nullptr;
    return backend;
}
