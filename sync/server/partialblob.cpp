#include "partialblob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

QString errnoText(const char *what, const QString &path)
{
    return QStringLiteral("%1 %2: %3")
        .arg(QLatin1String(what), path, QString::fromLocal8Bit(std::strerror(errno)));
}

// A rename is durable once the directory that holds the new name is on disk.
bool syncDirectory(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

PartialBlob::PartialBlob(std::string sha256, QString path, QString completePath)
    : m_sha256(std::move(sha256)), m_path(std::move(path)), m_completePath(std::move(completePath))
{
}

PartialBlob::~PartialBlob()
{
    close();
}

void PartialBlob::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool PartialBlob::open(QString *error)
{
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) {
        *error = errnoText("cannot open", m_path);
        return false;
    }
    // The bytes of an earlier attempt are part of the blob: the hash must cover them.
    std::vector<char> buffer(1 << 20);
    m_size = 0;
    for (;;) {
        const ssize_t n = ::pread(m_fd, buffer.data(), buffer.size(), m_size);
        if (n < 0) {
            *error = errnoText("cannot read", m_path);
            close();
            return false;
        }
        if (n == 0)
            return true;
        m_hash.add(buffer.data(), size_t(n));
        m_size += n;
    }
}

bool PartialBlob::append(const char *data, size_t length, QString *error, bool *noRoom)
{
    if (noRoom)
        *noRoom = false;
    size_t written = 0;
    while (written < length) {
        const ssize_t n = ::pwrite(m_fd, data + written, length - written, m_size + written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (noRoom)
                *noRoom = n < 0 && (errno == ENOSPC || errno == EDQUOT || errno == EFBIG);
            *error = errnoText("cannot write", m_path);
            // Cut back to the bytes the hash covers (a full disk leaves half a chunk).
            if (::ftruncate(m_fd, m_size) != 0)
                *error += QStringLiteral("; cannot truncate it");
            return false;
        }
        written += size_t(n);
    }
    m_hash.add(data, length);
    m_size += qint64(length);
    return true;
}

bool PartialBlob::restart(QString *error)
{
    if (::ftruncate(m_fd, 0) != 0) {
        *error = errnoText("cannot truncate", m_path);
        return false;
    }
    m_size = 0;
    m_hash.reset();
    return true;
}

PartialBlob::Outcome PartialBlob::finish(QString *error)
{
    if (m_hash.hexDigest() != m_sha256) {
        close();
        ::unlink(QFile::encodeName(m_path).constData());
        m_finished = true;
        *error
            = QStringLiteral("the bytes do not hash to %1").arg(QString::fromStdString(m_sha256));
        return Outcome::Mismatch;
    }
    // From here on the running hash is spent: whatever happens, a later upload starts from
    // a fresh PartialBlob that hashes the file again.
    m_finished = true;
    if (::fsync(m_fd) != 0) {
        *error = errnoText("cannot fsync", m_path);
        close();
        return Outcome::Failed;
    }
    close();
    const QString dir = QFileInfo(m_completePath).absolutePath();
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create %1").arg(dir);
        return Outcome::Failed;
    }
    if (::rename(QFile::encodeName(m_path).constData(),
                 QFile::encodeName(m_completePath).constData())
        != 0) {
        *error = errnoText("cannot rename", m_path);
        return Outcome::Failed;
    }
    if (!syncDirectory(dir)) {
        *error = errnoText("cannot fsync", dir);
        return Outcome::Failed;
    }
    return Outcome::Stored;
}
