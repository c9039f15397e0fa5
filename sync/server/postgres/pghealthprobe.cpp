#include "pghealthprobe.h"

#include "pgdatabase.h"

bool PgHealthProbe::check(QString *problem)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
    if (!r.ok() || r.rows() != 1) {
        *problem = QStringLiteral("the PostgreSQL database cannot be read: %1")
                       .arg(r.ok() ? QStringLiteral("no epoch") : r.error().trimmed());
        return false;
    }
    const QString epoch = r.value(0, 0).toString();
    if (epoch != m_db.epoch()) {
        *problem = QStringLiteral("the PostgreSQL database now holds another history (epoch %1, "
                                  "served %2)")
                       .arg(epoch, m_db.epoch());
        return false;
    }
    return true;
}
