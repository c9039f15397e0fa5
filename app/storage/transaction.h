#pragma once

#include <QSqlDatabase>

// Rolls back unless commit() succeeded: every write path in storage goes through one.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db) : m_db(db), m_open(m_db.transaction()) { }
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
