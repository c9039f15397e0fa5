#include "sqliteserverstore.h"

#include "qingshui/v1/sync.pb.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace {

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

QByteArray bytes(const std::string &s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

SqliteServerStore::~SqliteServerStore()
{
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(m_connectionPrefix)) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }
}

QSqlDatabase SqliteServerStore::connection()
{
    const QString name = m_connectionPrefix
        + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (db.open()) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    }
    return db;
}

bool SqliteServerStore::open(const QString &path)
{
    static QAtomicInt counter;
    m_path = path;
    m_connectionPrefix = QStringLiteral("qs-server-%1-").arg(counter.fetchAndAddRelaxed(1));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        setError(QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text()));
        return false;
    }
    QString error;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!exec(q, &error)) {
        setError(QStringLiteral("%1 is not a usable SQLite database: %2").arg(path, error));
        return false;
    }
    q.finish();
    QFile schema(QStringLiteral(":/qingshui/server/schema.sql"));
    schema.open(QIODevice::ReadOnly);
    QStringList lines = QString::fromUtf8(schema.readAll()).split(QLatin1Char('\n'));
    lines.removeIf([](const QString &l) { return l.trimmed().startsWith(QLatin1String("--")); });
    db.transaction();
    for (const QString &sql : lines.join(QLatin1Char('\n')).split(QLatin1Char(';'))) {
        if (sql.trimmed().isEmpty())
            continue;
        QSqlQuery s(db);
        s.prepare(sql);
        if (!exec(s, &error)) {
            db.rollback();
            setError(QStringLiteral("cannot create the schema: %1").arg(error));
            return false;
        }
    }
    // The epoch names this database's history; a restored or new file gets a new one.
    QSqlQuery e(db);
    e.exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
    if (e.next()) {
        m_epoch = e.value(0).toString();
        e.finish();
    } else {
        m_epoch = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.prepare(QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('epoch', ?)"));
        e.addBindValue(m_epoch);
        e.exec();
    }
    if (!db.commit()) {
        setError(QStringLiteral("cannot initialise %1: %2").arg(path, db.lastError().text()));
        return false;
    }
    return true;
}

qint64 SqliteServerStore::applyBatch(const QString &deviceId,
                                     const std::vector<const qingshui::v1::Op *> &ops)
{
    std::lock_guard lock(m_writeMutex);
    QSqlDatabase db = connection();
    QString error;
    if (!db.transaction()) {
        setError(db.lastError().text());
        return -1;
    }
    // A (device, op_id) already stored is acknowledged again, never stored twice.
    QSqlQuery insertRevision(db);
    insertRevision.prepare(QStringLiteral(
        "INSERT INTO record_revision (record_id, template_id, template_version, category, "
        "village_code, status, created_at_ms, updated_at_ms, content, author_device_id, "
        "device_id, op_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (device_id, op_id) DO NOTHING"));

    qint64 acked = 0;
    bool ok = true;
    for (const qingshui::v1::Op *op : ops) {
        acked = std::max<qint64>(acked, op->client_seq());
        const qingshui::v1::Record &r = op->upsert_record();
        insertRevision.addBindValue(QString::fromStdString(r.id()));
        insertRevision.addBindValue(QString::fromStdString(r.template_id()));
        insertRevision.addBindValue(r.template_version());
        insertRevision.addBindValue(QString::fromStdString(r.category()));
        insertRevision.addBindValue(QString::fromStdString(r.village_code()));
        insertRevision.addBindValue(static_cast<int>(r.status()));
        insertRevision.addBindValue(static_cast<qint64>(r.created_at_ms()));
        insertRevision.addBindValue(static_cast<qint64>(r.updated_at_ms()));
        insertRevision.addBindValue(bytes(r.content()));
        insertRevision.addBindValue(QString::fromStdString(r.author_device_id()));
        insertRevision.addBindValue(deviceId);
        insertRevision.addBindValue(QString::fromStdString(op->op_id()));
        if (!(ok = exec(insertRevision, &error)))
            break;
    }
    if (!ok || !db.commit()) {
        db.rollback();
        setError(ok ? db.lastError().text() : error);
        return -1;
    }
    return acked;
}

bool SqliteServerStore::changesSince(qint64 sinceSeq, int pageSize, qingshui::v1::PullResponse *out)
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT server_seq, record_id, template_id, template_version, category, village_code, "
        "status, created_at_ms, updated_at_ms, content, author_device_id "
        "FROM record_revision WHERE server_seq > ? ORDER BY server_seq LIMIT ?"));
    q.addBindValue(sinceSeq);
    q.addBindValue(pageSize + 1); // one more tells whether another page follows
    QString error;
    if (!exec(q, &error)) {
        setError(error);
        return false;
    }
    qint64 cursor = sinceSeq;
    int n = 0;
    while (q.next()) {
        if (n++ == pageSize) {
            out->set_has_more(true);
            break;
        }
        qingshui::v1::Change *change = out->add_changes();
        cursor = q.value(0).toLongLong();
        change->set_server_seq(cursor);
        qingshui::v1::Record *r = change->mutable_record();
        r->set_id(q.value(1).toString().toStdString());
        r->set_template_id(q.value(2).toString().toStdString());
        r->set_template_version(q.value(3).toInt());
        r->set_category(q.value(4).toString().toStdString());
        r->set_village_code(q.value(5).toString().toStdString());
        r->set_status(static_cast<qingshui::v1::RecordStatus>(q.value(6).toInt()));
        r->set_created_at_ms(q.value(7).toLongLong());
        r->set_updated_at_ms(q.value(8).toLongLong());
        const QByteArray content = q.value(9).toByteArray();
        r->set_content(content.constData(), static_cast<size_t>(content.size()));
        r->set_author_device_id(q.value(10).toString().toStdString());
    }
    out->set_next_server_seq(cursor);
    out->set_server_epoch(m_epoch.toStdString());
    return true;
}

void SqliteServerStore::setError(const QString &error)
{
    std::lock_guard lock(m_errorMutex);
    m_error = error;
}

QString SqliteServerStore::lastError() const
{
    std::lock_guard lock(m_errorMutex);
    return m_error;
}
