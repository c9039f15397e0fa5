#include "pgpool.h"

PgPool::PgPool(const QString &uri, int size) : m_uri(uri), m_size(size > 0 ? size : 1)
{
}

PgPool::Lease PgPool::lease()
{
    std::unique_lock lock(m_mutex);
    m_returned.wait(lock, [&] { return !m_idle.empty() || m_open < m_size; });
    if (!m_idle.empty()) {
        std::unique_ptr<PgConnection> connection = std::move(m_idle.back());
        m_idle.pop_back();
        return Lease(*this, std::move(connection));
    }
    ++m_open; // connects on its first statement
    return Lease(*this, std::make_unique<PgConnection>(m_uri));
}

void PgPool::giveBack(std::unique_ptr<PgConnection> connection)
{
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(std::move(connection));
    }
    m_returned.notify_one();
}
