#pragma once

#include "exportfile.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <zip.h>

// A ZIP that libzip writes into an ExportFile: as atomic as the other exports (nothing at
// the target until the caller commits the file) and, when the disk is full, with the same
// "cannot write <path>: <why>". Every entry is stored, not deflated (photos are JPEGs, which
// do not compress), named in UTF-8 with the ZIP's UTF-8 flag set, so Windows and macOS show
// Chinese names, and is an rw-r--r-- file. libzip adds ZIP64 records past 65,535 entries or
// 4 GiB. Nothing is read or written until close(): a file added is read then, one at a time.
class ExportZip {
public:
    explicit ExportZip(ExportFile *file);
    ~ExportZip();
    ExportZip(const ExportZip &) = delete;
    ExportZip &operator=(const ExportZip &) = delete;

    // The file at `path` as entry `name`, dated as the file is.
    bool addFile(const QString &name, const QString &path);
    // `bytes` as entry `name`, dated now.
    bool addBytes(const QString &name, const QByteArray &bytes);
    // Writes the archive (no entries: an empty archive); the caller then commits the file.
    bool close();
    QString error() const { return m_error; }

private:
    static zip_int64_t write(void *self, void *data, zip_uint64_t length, zip_source_cmd_t cmd);
    bool added(const QString &name, zip_source_t *source);

    ExportFile *m_file;
    zip_t *m_zip = nullptr;
    zip_error_t m_writeError; // what write() last told libzip
    bool m_writeFailed = false; // the ExportFile failed: its writeError() says why
    QList<QByteArray> m_bytes; // addBytes' entries, read at close()
    QString m_error;
};
