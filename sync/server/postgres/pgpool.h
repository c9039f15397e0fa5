#pragma once

#include "pgconnection.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

// A small pool of connections to one database: a call leases one for its statements and
// gives it back. At most `size` are open; a caller beyond that waits for one to come back.
class PgPool {
public:
    PgPool(const QString &uri, int size);

    class Lease {
    public:
        Lease(PgPool &pool, std::unique_ptr<PgConnection> connection)
            : m_pool(pool), m_connection(std::move(connection))
        {
        }
        ~Lease() { m_pool.giveBack(std::move(m_connection)); }
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        PgConnection *operator->() const { return m_connection.get(); }
        PgConnection &operator*() const { return *m_connection; }

    private:
        PgPool &m_pool;
        std::unique_ptr<PgConnection> m_connection;
    };

    Lease lease();
    QString uri() const { return m_uri; }

private:
    void giveBack(std::unique_ptr<PgConnection> connection);

    const QString m_uri;
    const int m_size;
    int m_open = 0;
    std::vector<std::unique_ptr<PgConnection>> m_idle;
    std::mutex m_mutex;
    std::condition_variable m_returned;
};
