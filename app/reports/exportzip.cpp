#include "exportzip.h"

#include <QFile>
#include <cerrno>

namespace {

// Extracted as a plain file, rw-r--r--, whatever the photo's own mode on this device.
constexpr zip_uint32_t kFileMode = 0100644u << 16;

QString zipError(zip_t *zip)
{
    return QString::fromUtf8(zip_strerror(zip));
}

} // namespace

ExportZip::ExportZip(ExportFile *file) : m_file(file)
{
    zip_error_init(&m_writeError);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *target = zip_source_function_create(&ExportZip::write, this, &error);
    if (target)
        m_zip = zip_open_from_source(target, ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!m_zip) {
        m_error = QStringLiteral("cannot start the ZIP: %1")
                      .arg(QString::fromUtf8(zip_error_strerror(&error)));
        zip_source_free(target);
    }
    zip_error_fini(&error);
}

ExportZip::~ExportZip()
{
    if (m_zip)
        zip_discard(m_zip); // writes nothing: the ExportFile, not committed, leaves nothing
    zip_error_fini(&m_writeError);
}

bool ExportZip::addFile(const QString &name, const QString &path)
{
    if (!m_zip)
        return false;
    // Only stat()ed now; opened, read and closed by close(), one file after the other.
    return added(name, zip_source_file(m_zip, QFile::encodeName(path).constData(), 0, 0));
}

bool ExportZip::addBytes(const QString &name, const QByteArray &bytes)
{
    if (!m_zip)
        return false;
    m_bytes << bytes; // kept: libzip reads them at close()
    return added(
        name, zip_source_buffer(m_zip, m_bytes.last().constData(), zip_uint64_t(bytes.size()), 0));
}

bool ExportZip::added(const QString &name, zip_source_t *source)
{
    // The names are UTF-8: libzip sets the ZIP's UTF-8 flag (bit 11) for any that is not ASCII.
    const zip_int64_t index
        = source ? zip_file_add(m_zip, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0)
        zip_source_free(source); // not the archive's: zip_file_add() failed
    const bool ok = index >= 0
        && zip_set_file_compression(m_zip, zip_uint64_t(index), ZIP_CM_STORE, 0) == 0
        && zip_file_set_external_attributes(m_zip, zip_uint64_t(index), 0, ZIP_OPSYS_UNIX,
                                            kFileMode)
            == 0;
    if (!ok)
        m_error = QStringLiteral("cannot add %1 to the ZIP: %2").arg(name, zipError(m_zip));
    return ok;
}

bool ExportZip::close()
{
    if (!m_zip)
        return false;
    if (zip_close(m_zip) == 0) {
        m_zip = nullptr;
        return true;
    }
    const int code = zip_error_code_zip(zip_get_error(m_zip));
    if (m_writeFailed)
        m_error = m_file->writeError();
    else if (code == ZIP_ER_OPEN || code == ZIP_ER_READ) // a file added, gone or unreadable
        m_error = QStringLiteral("cannot read a file for the ZIP: %1").arg(zipError(m_zip));
    else
        m_error = QStringLiteral("cannot write the ZIP: %1").arg(zipError(m_zip));
    return false;
}

// libzip's side of the ExportFile: a new, empty archive that libzip writes from the start,
// seeking back to fill in each entry's header.
zip_int64_t ExportZip::write(void *self, void *data, zip_uint64_t length, zip_source_cmd_t cmd)
{
    auto *zip = static_cast<ExportZip *>(self);
    ExportFile *file = zip->m_file;
    const auto failed = [zip](int zipError, int systemError = 0) {
        zip_error_set(&zip->m_writeError, zipError, systemError);
        return zip_int64_t(-1);
    };
    switch (cmd) {
    case ZIP_SOURCE_SUPPORTS:
        return ZIP_SOURCE_SUPPORTS_WRITABLE;
    case ZIP_SOURCE_STAT:
        return failed(ZIP_ER_READ, ENOENT); // how libzip learns there is no archive to read
    case ZIP_SOURCE_BEGIN_WRITE:
        return 0; // the ExportFile is open and empty
    case ZIP_SOURCE_WRITE:
        if (!file->write(QByteArray(static_cast<const char *>(data), qsizetype(length)))) {
            zip->m_writeFailed = true;
            return failed(ZIP_ER_WRITE);
        }
        return zip_int64_t(length);
    case ZIP_SOURCE_TELL_WRITE:
        return file->position();
    case ZIP_SOURCE_SEEK_WRITE: {
        auto *args = ZIP_SOURCE_GET_ARGS(zip_source_args_seek_t, data, length, &zip->m_writeError);
        if (!args)
            return -1;
        // All zip_close() asks for: back to an offset it was told, and forward again.
        if (args->whence != SEEK_SET || args->offset < 0)
            return failed(ZIP_ER_SEEK, EINVAL);
        if (!file->seek(args->offset)) {
            zip->m_writeFailed = true;
            return failed(ZIP_ER_SEEK);
        }
        return 0;
    }
    case ZIP_SOURCE_COMMIT_WRITE: // the caller commits the ExportFile
    case ZIP_SOURCE_ROLLBACK_WRITE: // an ExportFile not committed leaves nothing behind
    case ZIP_SOURCE_FREE:
        return 0;
    case ZIP_SOURCE_REMOVE:
        // What zip_close() does to an archive without entries. A selection without photos has
        // always exported an empty ZIP, which every unzip opens: its end record alone.
        if (!file->write(QByteArray("PK\x05\x06", 4) + QByteArray(18, '\0'))) {
            zip->m_writeFailed = true;
            return failed(ZIP_ER_WRITE);
        }
        return 0;
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&zip->m_writeError, data, length);
    default: // OPEN, READ, SEEK, TELL, CLOSE: there is no archive to read
        return failed(ZIP_ER_OPNOTSUPP);
    }
}
