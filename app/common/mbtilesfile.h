#pragma once

#include <QByteArray>
#include <QMutex>
#include <QRectF>
#include <QString>

#include <memory>
#include <unordered_map>

class SqliteStatement;

// What an MBTiles file says of itself (spec 1.3's metadata table). ok is false when the file
// cannot be drawn; errorCode then names why (mbtiles_not_found, mbtiles_not_sqlite,
// mbtiles_truncated, mbtiles_corrupt, mbtiles_not_mbtiles, mbtiles_empty, mbtiles_bad_format,
// mbtiles_no_datum, mbtiles_unknown_datum) and error says it in English for the log; the
// backend words the code for users.
struct MbtilesMetadata {
    bool ok = false;
    QString errorCode;
    QString error;
    QString name;
    QString format; // "png", "jpg" or "webp"
    QRectF bounds; // x = west, y = south, width/height in degrees, in the basemap's datum
    double centerLon = 0;
    double centerLat = 0;
    int centerZoom = 0;
    int minZoom = 0;
    int maxZoom = 0;
    QString attribution;
    QString datum; // as written in the file ("datum" key); chinaDatumFromName reads it
};

// An MBTiles file (raster tiles in SQLite) opened read-only. Opening checks what gives a
// clear message fast on a file of gigabytes: SQLite's header (a truncated copy is shorter
// than the pages its header counts), the two tables, the metadata, one tile. Tiles may be read
// from several threads at once: each thread reads through a connection of its own.
class MbtilesFile {
public:
    explicit MbtilesFile(const QString &path);
    ~MbtilesFile();
    MbtilesFile(const MbtilesFile &) = delete;
    MbtilesFile &operator=(const MbtilesFile &) = delete;

    QString path() const { return m_path; }
    bool isOk() const { return m_metadata.ok; }
    const MbtilesMetadata &metadata() const { return m_metadata; }

    // The encoded tile at z/x/y in XYZ numbering (y from the top; the file counts rows from the
    // bottom). Empty with *error empty when the file has no such tile; empty with *error set
    // when reading failed.
    QByteArray tile(int z, int x, int yXyz, QString *error = nullptr) const;

private:
    struct Reader;
    Reader *readerForThisThread(QString *error) const;
    void fail(const char *code, const QString &why);
    void open();

    QString m_path;
    MbtilesMetadata m_metadata;
    const quint64 m_serial; // names this file's connections
    mutable QMutex m_mutex;
    mutable std::unordered_map<quint64, std::unique_ptr<Reader>> m_readers; // by thread
};
