#pragma once

#include "exportfile.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// A ZIP archive of stored (uncompressed) entries: photos are JPEGs, which do not compress.
// Names are UTF-8 (flag bit 11), so Chinese village names survive. No ZIP64: an archive
// stops at 65,535 entries and 4 GiB, and add() says so instead of writing a broken file.
class ZipWriter {
public:
    explicit ZipWriter(ExportFile *file) : m_file(file) { }

    bool add(const QString &name, const QByteArray &bytes, const QDateTime &modified);
    // Writes the central directory; the caller then commits the file.
    bool finish();
    QString error() const { return m_error; }

private:
    struct Entry {
        QByteArray name;
        quint32 crc = 0;
        quint32 size = 0;
        quint32 offset = 0;
        quint16 dosTime = 0;
        quint16 dosDate = 0;
    };

    ExportFile *m_file;
    QList<Entry> m_entries;
    QString m_error;
};
