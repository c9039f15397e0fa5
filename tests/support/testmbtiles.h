#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QList>
#include <QPair>
#include <QString>
#include <sqlite3.h>

// A small raster MBTiles file as the tile tools of the field write one (spec 1.3: a
// `metadata` name/value table and a `tiles` table whose tile_row counts from the bottom, TMS),
// for tests that need a basemap without GDAL. Every tile is a 256 px PNG of one colour, with
// its z/x/y written in it so that a test can tell which tile it was given. metadata rows are
// written as given (leave out "datum" to make a file without one).
struct TestMbtiles {
    QList<QPair<QString, QString>> metadata = {
        {QStringLiteral("name"), QStringLiteral("test basemap")},
        {QStringLiteral("format"), QStringLiteral("png")},
        {QStringLiteral("bounds"), QStringLiteral("111.0,32.5,111.8,33.2")},
        {QStringLiteral("center"), QStringLiteral("111.49,33.14,10")},
        {QStringLiteral("minzoom"), QStringLiteral("8")},
        {QStringLiteral("maxzoom"), QStringLiteral("10")},
        {QStringLiteral("datum"), QStringLiteral("WGS-84")},
    };

    // The colour of tile (z, x, y) in XYZ numbering (y from the top), and its PNG bytes.
    static QColor colourOf(int z, int x, int y)
    {
        return QColor::fromHsv((x * 37 + y * 91 + z * 53) % 360, 120, 230);
    }
    static QByteArray png(int z, int x, int y)
    {
        QImage image(256, 256, QImage::Format_RGB32);
        image.fill(colourOf(z, x, y));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }

    // Writes every tile of zooms [minZoom, maxZoom] that covers the box (XYZ tile ranges given
    // by the caller as {z, x0, x1, y0, y1}, inclusive). False with *error if SQLite failed.
    struct Range {
        int z, x0, x1, y0, y1;
    };
    bool write(const QString &path, const QList<Range> &ranges, QString *error = nullptr) const
    {
        sqlite3 *db = nullptr;
        auto fail = [&](const char *what) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(QLatin1String(what),
                                                      QString::fromUtf8(sqlite3_errmsg(db)));
            sqlite3_close(db);
            return false;
        };
        if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
            return fail("open");
        const char *schema = "BEGIN;"
                             "CREATE TABLE metadata (name text, value text);"
                             "CREATE TABLE tiles (zoom_level integer, tile_column integer, "
                             "tile_row integer, tile_data blob);"
                             "CREATE UNIQUE INDEX tile_index ON tiles "
                             "(zoom_level, tile_column, tile_row);";
        if (sqlite3_exec(db, schema, nullptr, nullptr, nullptr) != SQLITE_OK)
            return fail("schema");
        sqlite3_stmt *meta = nullptr;
        if (sqlite3_prepare_v2(db, "INSERT INTO metadata VALUES (?, ?)", -1, &meta, nullptr)
            != SQLITE_OK)
            return fail("prepare metadata");
        for (const auto &[name, value] : metadata) {
            const QByteArray n = name.toUtf8(), v = value.toUtf8();
            sqlite3_bind_text(meta, 1, n.constData(), n.size(), SQLITE_TRANSIENT);
            sqlite3_bind_text(meta, 2, v.constData(), v.size(), SQLITE_TRANSIENT);
            if (sqlite3_step(meta) != SQLITE_DONE)
                return fail("insert metadata");
            sqlite3_reset(meta);
        }
        sqlite3_finalize(meta);
        sqlite3_stmt *tile = nullptr;
        if (sqlite3_prepare_v2(db, "INSERT INTO tiles VALUES (?, ?, ?, ?)", -1, &tile, nullptr)
            != SQLITE_OK)
            return fail("prepare tiles");
        for (const Range &r : ranges) {
            for (int x = r.x0; x <= r.x1; ++x) {
                for (int y = r.y0; y <= r.y1; ++y) {
                    const QByteArray bytes = png(r.z, x, y);
                    sqlite3_bind_int(tile, 1, r.z);
                    sqlite3_bind_int(tile, 2, x);
                    sqlite3_bind_int(tile, 3, (1 << r.z) - 1 - y); // TMS: rows from the bottom
                    sqlite3_bind_blob(tile, 4, bytes.constData(), bytes.size(), SQLITE_TRANSIENT);
                    if (sqlite3_step(tile) != SQLITE_DONE)
                        return fail("insert tile");
                    sqlite3_reset(tile);
                }
            }
        }
        sqlite3_finalize(tile);
        if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
            return fail("commit");
        sqlite3_close(db);
        return true;
    }
};
