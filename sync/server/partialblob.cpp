#include "partialblob.h"

#include "common/sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

QString errnoText(const char *what, const QString &path)
{
    return QStringLiteral("%1 %2: %3")
        .arg(QLatin1String(what), path, QString::fromLocal8Bit(std::strerror(errno)));
}

// A new name is durable once the directory that holds it is on disk.
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

PartialBlob::PartialBlob(QString path) : m_path(std::move(path))
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
    return true;
}

PartialBlob::Lock::Lock(PartialBlob &blob) : m_blob(blob), m_threads(blob.m_mutex)
{
    // The other server processes: flock(2) is per open file, and every process has its own.
    if (m_blob.m_fd >= 0) {
        while (::flock(m_blob.m_fd, LOCK_EX) != 0 && errno == EINTR) { }
    }
}

PartialBlob::Lock::~Lock()
{
    if (m_blob.m_fd >= 0)
        ::flock(m_blob.m_fd, LOCK_UN);
}

qint64 PartialBlob::fileSize() const
{
    struct stat st;
    return m_fd >= 0 && ::fstat(m_fd, &st) == 0 ? qint64(st.st_size) : -1;
}

bool PartialBlob::writeAt(qint64 offset, const char *data, size_t length, QString *error,
                          bool *noRoom)
{
    if (noRoom)
        *noRoom = false;
    size_t written = 0;
    while (written < length) {
        const ssize_t n
            = ::pwrite(m_fd, data + written, length - written, offset + qint64(written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (noRoom)
                *noRoom = n < 0 && (errno == ENOSPC || errno == EDQUOT || errno == EFBIG);
            *error = errnoText("cannot write", m_path);
            // Cut back to the bytes that count (a full disk leaves half a chunk).
            if (::ftruncate(m_fd, offset) != 0)
                *error += QStringLiteral("; cannot truncate it");
            return false;
        }
        written += size_t(n);
    }
    if (::ftruncate(m_fd, offset + qint64(length)) != 0) {
        *error = errnoText("cannot truncate", m_path);
        return false;
    }
    return true;
}

PartialBlob::Outcome PartialBlob::finish(qint64 size, const std::string &sha256,
                                         const QString &completePath, QString *error)
{
    m_finished = true;
    const auto discard = [&] {
        close();
        ::unlink(QFile::encodeName(m_path).constData());
    };
    // Chunks may have come through several processes: the file is the one truth, hash it.
    Sha256 hash;
    std::vector<char> buffer(1 << 20);
    for (qint64 at = 0; at < size;) {
        const ssize_t n = ::pread(m_fd, buffer.data(),
                                  size_t(std::min<qint64>(qint64(buffer.size()), size - at)), at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = n < 0 ? errnoText("cannot read", m_path)
                           : QStringLiteral("%1 ends before byte %2").arg(m_path).arg(size);
            discard();
            return n < 0 ? Outcome::Failed : Outcome::Mismatch;
        }
        hash.add(buffer.data(), size_t(n));
        at += n;
    }
    if (hash.hexDigest() != sha256) {
        discard();
        *error = QStringLiteral("the bytes do not hash to %1").arg(QString::fromStdString(sha256));
        return Outcome::Mismatch;
    }
    if (::fsync(m_fd) != 0) {
        *error = errnoText("cannot fsync", m_path);
        discard();
        return Outcome::Failed;
    }
    const QString dir = QFileInfo(completePath).absolutePath();
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create %1").arg(dir);
        discard();
        return Outcome::Failed;
    }
    // link(2), not rename(2): a blob another upload put there first is never replaced, and
    // no reader ever sees a name without all of its bytes.
    if (::link(QFile::encodeName(m_path).constData(), QFile::encodeName(completePath).constData())
            != 0
        && errno != EEXIST) {
        *error = errnoText("cannot link", completePath);
        discard();
        return Outcome::Failed;
    }
    if (!syncDirectory(dir)) {
        *error = errnoText("cannot fsync", dir);
        discard();
        return Outcome::Failed;
    }
    discard();
    return Outcome::Stored;
}
