#include "systemdnotifier.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

SystemdNotifier::SystemdNotifier(QObject *parent) : QObject(parent)
{
    m_socketName = qgetenv("NOTIFY_SOCKET");
    const qint64 usec = qEnvironmentVariable("WATCHDOG_USEC").toLongLong();
    const QString pid = qEnvironmentVariable("WATCHDOG_PID");
    const bool forUs = pid.isEmpty() || pid.toLongLong() == QCoreApplication::applicationPid();
    if (enabled() && usec > 0 && forUs)
        m_watchdogIntervalMs = int(qMax<qint64>(1, usec / 2000));
    m_watchdog.setInterval(m_watchdogIntervalMs);
    connect(&m_watchdog, &QTimer::timeout, this, [this] { notify("WATCHDOG=1"); });
}

void SystemdNotifier::ready()
{
    notify("READY=1");
    if (m_watchdogIntervalMs > 0)
        m_watchdog.start();
}

bool SystemdNotifier::notify(const QByteArray &state)
{
    if (!enabled())
        return false;
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    if (m_socketName.size() >= qsizetype(sizeof address.sun_path)
        || (m_socketName.front() != '/' && m_socketName.front() != '@')) {
        m_error = QStringLiteral("NOTIFY_SOCKET is not a socket path: %1")
                      .arg(QString::fromLocal8Bit(m_socketName));
        return false;
    }
    std::memcpy(address.sun_path, m_socketName.constData(), size_t(m_socketName.size()));
    if (address.sun_path[0] == '@')
        address.sun_path[0] = '\0'; // abstract namespace: the name is not NUL-terminated
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(m_socketName.size()));
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        m_error = QStringLiteral("cannot open a socket for systemd: %1")
                      .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const ssize_t sent = ::sendto(fd, state.constData(), size_t(state.size()), MSG_NOSIGNAL,
                                  reinterpret_cast<const sockaddr *>(&address), length);
    const int sendErrno = errno;
    ::close(fd);
    if (sent != state.size()) {
        m_error = QStringLiteral("cannot tell systemd %1: %2")
                      .arg(QString::fromLatin1(state),
                           QString::fromLocal8Bit(std::strerror(sendErrno)));
        return false;
    }
    m_error.clear();
    return true;
}
