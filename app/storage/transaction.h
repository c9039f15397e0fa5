#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>

// Rolls back unless commit() succeeded: every write path in storage goes through one.
// IMMEDIATE: the write lock is taken (waiting out the busy timeout) when the transaction
// begins. A deferred one that reads first and then writes fails at once with "database is
// locked" when another connection wrote in between, whatever the busy timeout.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db)
        : m_db(db), m_open(QSqlQuery(m_db).exec(QStringLiteral("BEGIN IMMEDIATE")))
    {
    }
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isOpen() const { return m_open; }
    bool commit()
    {
        if (!m_open)
            return false;
        m_open = false;
        if (m_db.commit())
            return true;
        m_db.rollback();
        return false;
    }

private:
    QSqlDatabase m_db;
    bool m_open;
};
