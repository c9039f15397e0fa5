// The sd_notify client for real: a datagram socket bound here stands in for systemd's, and
// the notifier must deliver READY=1 and then WATCHDOG=1 pings to it.
#include "controllers/systemdnotifier.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

// A bound AF_UNIX datagram socket; name starting with '@' is abstract.
class ListeningSocket {
public:
    explicit ListeningSocket(const QByteArray &name)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
        if (address.sun_path[0] == '@')
            address.sun_path[0] = '\0';
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr *>(&address),
                         socklen_t(offsetof(sockaddr_un, sun_path) + size_t(name.size())))
            == 0;
    }
    ~ListeningSocket() { ::close(m_fd); }
    bool bound() const { return m_bound; }

    // Every datagram waiting now.
    QList<QByteArray> receive()
    {
        QList<QByteArray> out;
        char buffer[512];
        for (;;) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n < 0)
                return out;
            out << QByteArray(buffer, n);
        }
    }

private:
    int m_fd = -1;
    bool m_bound = false;
};

} // namespace

class TestSystemdNotifier : public QObject {
    Q_OBJECT
private slots:
    void cleanup()
    {
        qunsetenv("NOTIFY_SOCKET");
        qunsetenv("WATCHDOG_USEC");
        qunsetenv("WATCHDOG_PID");
    }

    void readyThenWatchdogPings_data()
    {
        QTest::addColumn<bool>("abstract");
        QTest::newRow("path") << false;
        QTest::newRow("abstract") << true;
    }

    void readyThenWatchdogPings()
    {
        QFETCH(bool, abstract);
        QTemporaryDir dir;
        const QByteArray name = abstract
            ? QByteArray("@qingshui-test-") + QByteArray::number(QCoreApplication::applicationPid())
            : dir.filePath(QStringLiteral("notify")).toLocal8Bit();
        ListeningSocket systemd(name);
        QVERIFY(systemd.bound());
        qputenv("NOTIFY_SOCKET", name);
        qputenv("WATCHDOG_USEC", "200000");

        SystemdNotifier notifier;
        QVERIFY(notifier.enabled());
        QCOMPARE(notifier.watchdogIntervalMs(), 100);
        QVERIFY(systemd.receive().isEmpty()); // nothing before the window is up
        notifier.ready();
        QVERIFY2(notifier.error().isEmpty(), qPrintable(notifier.error()));

        QList<QByteArray> got;
        QTRY_VERIFY_WITH_TIMEOUT((got += systemd.receive(), got.count("WATCHDOG=1") >= 2), 20000);
        QCOMPARE(got.first(), QByteArray("READY=1"));
        QCOMPARE(got.count("READY=1"), 1);
    }

    void noWatchdogForAnotherProcess()
    {
        qputenv("NOTIFY_SOCKET", "@qingshui-none");
        qputenv("WATCHDOG_USEC", "200000");
        qputenv("WATCHDOG_PID", "1");
        QCOMPARE(SystemdNotifier().watchdogIntervalMs(), 0);
    }

    void withoutSystemdNothingIsSent()
    {
        SystemdNotifier notifier;
        QVERIFY(!notifier.enabled());
        QVERIFY(!notifier.notify("READY=1"));
    }

    void unreachableSocketIsAClearError()
    {
        QTemporaryDir dir;
        qputenv("NOTIFY_SOCKET", dir.filePath(QStringLiteral("nobody-listens")).toLocal8Bit());
        SystemdNotifier notifier;
        QVERIFY(!notifier.notify("READY=1"));
        QVERIFY2(notifier.error().startsWith(QStringLiteral("cannot tell systemd READY=1")),
                 qPrintable(notifier.error()));
        qputenv("NOTIFY_SOCKET", "relative/path");
        SystemdNotifier relative;
        QVERIFY(!relative.notify("READY=1"));
        QVERIFY(relative.error().contains(QStringLiteral("not a socket path")));
    }
};

QTEST_GUILESS_MAIN(TestSystemdNotifier)
#include "tst_systemdnotifier.moc"
