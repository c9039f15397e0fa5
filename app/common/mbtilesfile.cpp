#include "mbtilesfile.h"

#include "domain/chinadatum.h"
#include "sqlitestatement.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>
#include <QtEndian>

namespace {

quint64 nextSerial()
{
    static QAtomicInteger<quint64> serial(0);
    return ++serial;
}

// Threads are told apart by a number never reused (a thread's address may be).
quint64 thisThreadSerial()
{
    thread_local const quint64 serial = nextSerial();
    return serial;
}

} // namespace

struct MbtilesFile::Reader {
    QString connection;
    std::unique_ptr<SqliteStatement> tileQuery;
};

MbtilesFile::MbtilesFile(const QString &path) : m_path(path), m_serial(nextSerial())
{
    open();
}

MbtilesFile::~MbtilesFile()
{
    QMutexLocker lock(&m_mutex);
    for (auto &[thread, reader] : m_readers) {
        const QString name = reader->connection;
        reader.reset(); // the statement goes before its connection
        QSqlDatabase::removeDatabase(name);
    }
}

void MbtilesFile::fail(const char *code, const QString &why)
{
    m_metadata.ok = false;
    m_metadata.errorCode = QString::fromLatin1(code);
    m_metadata.error = QStringLiteral("%1: %2 (%3)").arg(m_metadata.errorCode, why, m_path);
}

void MbtilesFile::open()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return fail("mbtiles_not_found", QStringLiteral("cannot open the file"));
    // SQLite's 100-byte header: the magic string, the page size, and the page count, which is
    // trusted (as SQLite does) when the change counter matches its version-valid-for number.
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return fail("mbtiles_not_sqlite", QStringLiteral("not an SQLite database"));
    const auto *h = reinterpret_cast<const uchar *>(header.constData());
    quint32 pageSize = qFromBigEndian<quint16>(h + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 changeCounter = qFromBigEndian<quint32>(h + 24);
    const quint32 pageCount = qFromBigEndian<quint32>(h + 28);
    const quint32 validFor = qFromBigEndian<quint32>(h + 92);
    const qint64 size = file.size();
    if (pageSize < 512 || size % pageSize != 0
        || (pageCount != 0 && changeCounter == validFor && size < qint64(pageSize) * pageCount))
        return fail("mbtiles_truncated",
                    QStringLiteral("the file has %1 bytes, its header counts %2 pages of %3")
                        .arg(size)
                        .arg(pageCount)
                        .arg(pageSize));
    file.close();

    QString error;
    Reader *reader = readerForThisThread(&error);
    if (!reader)
        return fail("mbtiles_corrupt", error);
    const QSqlDatabase db = QSqlDatabase::database(reader->connection, false);

    SqliteStatement tables(db,
                           "SELECT count(DISTINCT name) FROM sqlite_master WHERE type IN "
                           "('table', 'view') AND name IN ('metadata', 'tiles')");
    if (!tables.step())
        return fail("mbtiles_corrupt", tables.error());
    if (tables.columnInt64(0) != 2)
        return fail("mbtiles_not_mbtiles", QStringLiteral("no metadata and tiles tables"));

    QHash<QString, QString> values;
    SqliteStatement meta(db, "SELECT name, value FROM metadata");
    while (meta.step())
        values.insert(meta.columnText(0).trimmed().toLower(), meta.columnText(1).trimmed());
    if (meta.hasError())
        return fail("mbtiles_corrupt", meta.error());

    SqliteStatement firstTile(db, "SELECT zoom_level, length(tile_data) FROM tiles LIMIT 1");
    if (!firstTile.step()) {
        if (firstTile.hasError())
            return fail("mbtiles_corrupt", firstTile.error());
        return fail("mbtiles_empty", QStringLiteral("the tiles table has no tile"));
    }

    MbtilesMetadata &m = m_metadata;
    m.name = values.value(QStringLiteral("name"));
    m.attribution = values.value(QStringLiteral("attribution"));
    m.format = values.value(QStringLiteral("format")).toLower();
    if (m.format == u"jpeg")
        m.format = QStringLiteral("jpg");
    if (m.format != u"png" && m.format != u"jpg" && m.format != u"webp")
        return fail("mbtiles_bad_format",
                    QStringLiteral("tile format \"%1\" is not a raster format (png, jpg, webp)")
                        .arg(values.value(QStringLiteral("format"))));

    bool minOk = false, maxOk = false;
    m.minZoom = values.value(QStringLiteral("minzoom")).toInt(&minOk);
    m.maxZoom = values.value(QStringLiteral("maxzoom")).toInt(&maxOk);
    if (!minOk || !maxOk) {
        SqliteStatement range(db,
                              "SELECT (SELECT zoom_level FROM tiles ORDER BY zoom_level "
                              "LIMIT 1), (SELECT zoom_level FROM tiles ORDER BY zoom_level "
                              "DESC LIMIT 1)");
        if (!range.step())
            return fail("mbtiles_corrupt", range.error());
        if (!minOk)
            m.minZoom = int(range.columnInt64(0));
        if (!maxOk)
            m.maxZoom = int(range.columnInt64(1));
    }

    const QStringList b = values.value(QStringLiteral("bounds")).split(u',');
    if (b.size() == 4) {
        const double west = b[0].toDouble(), south = b[1].toDouble();
        const double east = b[2].toDouble(), north = b[3].toDouble();
        m.bounds = QRectF(west, south, east - west, north - south);
    }
    if (!m.bounds.isValid())
        m.bounds = QRectF(-180, -85.0511, 360, 2 * 85.0511);
    const QStringList c = values.value(QStringLiteral("center")).split(u',');
    if (c.size() >= 2) {
        m.centerLon = c[0].toDouble();
        m.centerLat = c[1].toDouble();
        m.centerZoom = c.size() >= 3 ? c[2].toInt() : m.minZoom;
    } else {
        m.centerLon = m.bounds.center().x();
        m.centerLat = m.bounds.center().y();
        m.centerZoom = m.minZoom;
    }

    m.datum = values.value(QStringLiteral("datum"));
    if (m.datum.isEmpty())
        return fail("mbtiles_no_datum", QStringLiteral("the metadata has no \"datum\""));
    if (!chinaDatumFromName(m.datum))
        return fail("mbtiles_unknown_datum",
                    QStringLiteral("datum \"%1\" is not WGS-84, CGCS2000 or GCJ-02").arg(m.datum));
    m.ok = true;
}

MbtilesFile::Reader *MbtilesFile::readerForThisThread(QString *error) const
{
    const quint64 thread = thisThreadSerial();
    {
        QMutexLocker lock(&m_mutex);
        auto found = m_readers.find(thread);
        if (found != m_readers.end())
            return found->second.get();
    }
    auto reader = std::make_unique<Reader>();
    reader->connection = QStringLiteral("mbtiles-%1-%2").arg(m_serial).arg(thread);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), reader->connection);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.setDatabaseName(m_path);
        if (!db.open()) {
            if (error)
                *error = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(reader->connection);
            return nullptr;
        }
        reader->tileQuery = std::make_unique<SqliteStatement>(
            db,
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? "
            "AND tile_row = ?");
    }
    QMutexLocker lock(&m_mutex);
    return m_readers.emplace(thread, std::move(reader)).first->second.get();
}

QByteArray MbtilesFile::tile(int z, int x, int yXyz, QString *error) const
{
    if (error)
        error->clear();
    if (!m_metadata.ok) {
        if (error)
            *error = m_metadata.error;
        return {};
    }
    if (z < 0 || z > 30 || x < 0 || yXyz < 0 || x >= (1 << z) || yXyz >= (1 << z))
        return {};
    Reader *reader = readerForThisThread(error);
    if (!reader)
        return {};
    SqliteStatement &q = *reader->tileQuery;
    q.reset();
    q.bind(1, z);
    q.bind(2, x);
    q.bind(3, (qint64(1) << z) - 1 - yXyz); // TMS: rows count from the bottom
    if (q.step()) {
        QByteArray bytes = q.columnBlob(0);
        q.reset();
        return bytes;
    }
    if (q.hasError() && error)
        *error = QStringLiteral("mbtiles_corrupt: %1 (%2)").arg(q.error(), m_path);
    q.reset();
    return {};
}
