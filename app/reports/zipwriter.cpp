#include "zipwriter.h"

#include <zlib.h>

namespace {

constexpr qint64 kZip32Limit = 0xFFFFFFFFLL;
constexpr qsizetype kMaxEntries = 0xFFFF;
constexpr quint16 kUtf8Names = 1 << 11;
constexpr quint16 kVersion = 20; // 2.0: what stored entries in folders need
// Made on Unix: unzip converts the names of MS-DOS-made entries from an OEM code page even
// when they are flagged UTF-8. Entries are plain files, rw-r--r--.
constexpr quint16 kMadeBy = (3 << 8) | kVersion;
constexpr quint32 kUnixFileMode = 0100644u << 16;

void put16(QByteArray *out, quint16 v)
{
    out->append(char(v & 0xFF));
    out->append(char(v >> 8));
}

void put32(QByteArray *out, quint32 v)
{
    put16(out, quint16(v & 0xFFFF));
    put16(out, quint16(v >> 16));
}

} // namespace

bool ZipWriter::add(const QString &name, const QByteArray &bytes, const QDateTime &modified)
{
    if (m_entries.size() >= kMaxEntries || m_file->position() + bytes.size() + 1024 > kZip32Limit) {
        m_error = QStringLiteral("the ZIP would exceed 65,535 photos or 4 GiB: narrow the filter");
        return false;
    }
    Entry e;
    e.name = name.toUtf8();
    e.crc = quint32(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(bytes.constData()),
                          uInt(bytes.size())));
    e.size = quint32(bytes.size());
    e.offset = quint32(m_file->position());
    const QDateTime t = modified.isValid() ? modified : QDateTime::currentDateTime();
    const QDate d = t.date();
    const QTime tm = t.time();
    // DOS dates start in 1980.
    e.dosDate = quint16(((std::max(d.year(), 1980) - 1980) << 9) | (d.month() << 5) | d.day());
    e.dosTime = quint16((tm.hour() << 11) | (tm.minute() << 5) | (tm.second() / 2));

    QByteArray header;
    put32(&header, 0x04034b50);
    put16(&header, kVersion);
    put16(&header, kUtf8Names);
    put16(&header, 0); // stored
    put16(&header, e.dosTime);
    put16(&header, e.dosDate);
    put32(&header, e.crc);
    put32(&header, e.size); // compressed = uncompressed
    put32(&header, e.size);
    put16(&header, quint16(e.name.size()));
    put16(&header, 0); // no extra field
    header += e.name;
    if (!m_file->write(header) || !m_file->write(bytes)) {
        m_error = m_file->writeError();
        return false;
    }
    m_entries << e;
    return true;
}

bool ZipWriter::finish()
{
    const qint64 directoryStart = m_file->position();
    QByteArray directory;
    for (const Entry &e : std::as_const(m_entries)) {
        put32(&directory, 0x02014b50);
        put16(&directory, kMadeBy);
        put16(&directory, kVersion);
        put16(&directory, kUtf8Names);
        put16(&directory, 0);
        put16(&directory, e.dosTime);
        put16(&directory, e.dosDate);
        put32(&directory, e.crc);
        put32(&directory, e.size);
        put32(&directory, e.size);
        put16(&directory, quint16(e.name.size()));
        put16(&directory, 0); // extra
        put16(&directory, 0); // comment
        put16(&directory, 0); // disk
        put16(&directory, 0); // internal attributes
        put32(&directory, kUnixFileMode); // external attributes
        put32(&directory, e.offset);
        directory += e.name;
    }
    if (directoryStart + directory.size() + 22 > kZip32Limit) {
        m_error = QStringLiteral("the ZIP would exceed 4 GiB: narrow the filter");
        return false;
    }
    QByteArray end;
    put32(&end, 0x06054b50);
    put16(&end, 0);
    put16(&end, 0);
    put16(&end, quint16(m_entries.size()));
    put16(&end, quint16(m_entries.size()));
    put32(&end, quint32(directory.size()));
    put32(&end, quint32(directoryStart));
    put16(&end, 0); // comment
    if (!m_file->write(directory + end)) {
        m_error = m_file->writeError();
        return false;
    }
    return true;
}
