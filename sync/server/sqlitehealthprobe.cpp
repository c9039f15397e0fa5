#include "sqlitehealthprobe.h"

#include "serverdatabase.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include <sys/stat.h>

namespace {

bool identify(const QString &path, dev_t *device, ino_t *inode)
{
    struct stat st { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    *device = st.st_dev;
    *inode = st.st_ino;
    return true;
}

} // namespace

SqliteHealthProbe::SqliteHealthProbe(ServerDatabase &db) : m_db(db)
{
    identify(m_db.path(), &m_device, &m_inode);
}

bool SqliteHealthProbe::check(QString *problem)
{
    dev_t device = 0;
    ino_t inode = 0;
    if (!identify(m_db.path(), &device, &inode) || device != m_device || inode != m_inode) {
        *problem = QStringLiteral("%1 is no longer the file the server opened (deleted, moved "
                                  "or replaced)")
                       .arg(m_db.path());
        return false;
    }
    // A connection of its own, opened and closed on each check: the file must open, not
    // only answer on a connection opened long ago. Read-only: it never creates a file.
    const QString name = QStringLiteral("qs-health-probe");
    QString epoch, failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_db.path());
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"))
                && q.next())
                epoch = q.value(0).toString();
            else
                failure = q.lastError().text();
        } else {
            failure = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (!failure.isEmpty() || epoch.isEmpty()) {
        *problem = QStringLiteral("%1 cannot be read: %2").arg(m_db.path(), failure);
        return false;
    }
    if (epoch != m_db.epoch()) {
        *problem = QStringLiteral("%1 now holds another history (epoch %2, served %3)")
                       .arg(m_db.path(), epoch, m_db.epoch());
        return false;
    }
    return true;
}
