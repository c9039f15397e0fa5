#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <atomic>

// A TCP proxy on loopback between a client and a server, on its own thread: forwards both
// ways, counts the bytes that go client→server, and can cut every connection (both sockets
// reset) once a given number of them has passed, as a dropped mobile link would. After the
// cut it forwards again, without a limit, until it is armed anew. It can also hold the
// server→client direction to a rate, as a slow link would, and reach the server from another
// loopback address, as a client on another machine would.
// (No Q_OBJECT: it needs no signals of its own, and headers here are not run through moc.)
class TcpProxy : public QObject {
public:
    TcpProxy(const QString &targetHost, quint16 targetPort)
        : m_targetHost(targetHost), m_targetPort(targetPort)
    {
        m_thread.setObjectName(QStringLiteral("tcp-proxy"));
        moveToThread(&m_thread);
        m_thread.start();
    }
    ~TcpProxy() override
    {
        QMetaObject::invokeMethod(
            this, [this] { stopOnThread(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    // Listens on 127.0.0.1 and a free port; false if it cannot.
    bool start()
    {
        bool ok = false;
        QMetaObject::invokeMethod(
            this,
            [&] {
                m_server = new QTcpServer(this);
                connect(m_server, &QTcpServer::newConnection, this, &TcpProxy::accept);
                ok = m_server->listen(QHostAddress::LocalHost, 0);
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
        return ok;
    }

    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

    // Cuts all connections once this many more bytes have gone client→server.
    void cutAfter(qint64 bytes) { m_cutAt = m_clientToServer.load() + bytes; }
    qint64 clientToServerBytes() const { return m_clientToServer.load(); }
    // Cuts every connection now (a download cut in the middle: little goes client→server
    // then, so counting bytes that way would not find the moment).
    void cutNow()
    {
        QMetaObject::invokeMethod(
            this, [this] { cutAll(); }, Qt::BlockingQueuedConnection);
    }
    // Server→client at most this many bytes a second from now on (0: as fast as it comes).
    // Call it before the connections it should slow down are made.
    void throttleDown(qint64 bytesPerSecond) { m_downRate = bytesPerSecond; }
    int cuts() const { return m_cuts.load(); }
    // The proxy reaches the server from this loopback address (e.g. 127.0.0.66) instead of
    // 127.0.0.1: the server sees its clients as another machine. Before the connections.
    void connectFrom(const QHostAddress &address) { m_sourceAddress = address; }

private:
    void accept()
    {
        while (QTcpSocket *accepted = m_server->nextPendingConnection()) {
            accepted->setParent(this);
            // Reads are bounded so that the client cannot run far ahead of the count.
            accepted->setReadBufferSize(kSocketBuffer);
            accepted->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption,
                                      kSocketBuffer);
            // Either socket may be gone (reset, deleted) by the time a signal of the other
            // one arrives.
            QPointer<QTcpSocket> client = accepted;
            QPointer<QTcpSocket> server = new QTcpSocket(this);
            auto up = [=] {
                if (client && server)
                    forwardUp(client, server);
            };
            connect(client, &QTcpSocket::readyRead, this, up);
            connect(server, &QTcpSocket::bytesWritten, this, up);
            connect(server, &QTcpSocket::connected, this, [=] {
                // A link with little buffering, like a phone's: what the proxy has counted
                // is (nearly) what the server has read, so a cut falls where it is counted.
                if (server)
                    server->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption,
                                            kSocketBuffer);
                up();
            });
            if (m_downRate.load() > 0) // the kernel's buffers then hold the server back
                server->setReadBufferSize(kSocketBuffer);
            connect(server, &QTcpSocket::readyRead, this, [=] { forwardDown(client, server); });
            auto closeBoth = [=] {
                for (const QPointer<QTcpSocket> &socket : {client, server}) {
                    if (socket) {
                        socket->disconnectFromHost();
                        socket->deleteLater();
                    }
                }
            };
            for (const QPointer<QTcpSocket> &socket : {client, server}) {
                connect(socket, &QTcpSocket::disconnected, this, closeBoth);
                connect(socket, &QTcpSocket::errorOccurred, this, closeBoth);
            }
            if (!m_sourceAddress.isNull())
                server->bind(m_sourceAddress);
            server->connectToHost(m_targetHost, m_targetPort);
        }
    }

    void forwardUp(QTcpSocket *client, QTcpSocket *server)
    {
        if (server->state() != QAbstractSocket::ConnectedState)
            return; // held in the client's buffer until the server side is connected
        // Reads from the client only as fast as the server side drains.
        while (client->bytesAvailable() > 0 && server->bytesToWrite() < kSocketBuffer) {
            const qint64 cutAt = m_cutAt.load();
            qint64 budget = client->bytesAvailable();
            if (cutAt >= 0)
                budget = std::min(budget, cutAt - m_clientToServer.load());
            if (budget > 0) {
                const QByteArray data = client->read(budget);
                m_clientToServer += data.size();
                server->write(data);
            }
            if (cutAt >= 0 && m_clientToServer.load() >= cutAt) {
                cutAll();
                return;
            }
        }
    }

    void forwardDown(QPointer<QTcpSocket> client, QPointer<QTcpSocket> server)
    {
        if (!client || !server || client->state() != QAbstractSocket::ConnectedState)
            return;
        const qint64 rate = m_downRate.load();
        if (rate <= 0) {
            client->write(server->readAll());
            return;
        }
        // A token bucket refilled at the rate, at most 10 ms worth at a time.
        if (!m_downClock.isValid())
            m_downClock.start();
        m_downAllowance
            = std::min(rate / 100 + 1, m_downAllowance + rate * m_downClock.restart() / 1000);
        const qint64 n = std::min(server->bytesAvailable(), m_downAllowance);
        if (n > 0) {
            client->write(server->read(n));
            m_downAllowance -= n;
        }
        // One timer per connection at a time; readyRead does not come again for bytes that
        // are already buffered.
        if (server->bytesAvailable() > 0 && !server->property("qsDownTimer").toBool()) {
            server->setProperty("qsDownTimer", true);
            QTimer::singleShot(10, this, [=] {
                if (server)
                    server->setProperty("qsDownTimer", false);
                forwardDown(client, server);
            });
        }
    }

    // Resets every connection at once, the way a link that vanishes leaves both ends.
    void cutAll()
    {
        m_cutAt = -1;
        ++m_cuts;
        const auto sockets = findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
        for (QTcpSocket *socket : sockets) {
            socket->abort();
            socket->deleteLater();
        }
    }

    void stopOnThread()
    {
        delete m_server;
        m_server = nullptr;
        qDeleteAll(findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly));
    }

    static constexpr int kSocketBuffer = 64 * 1024;

    QString m_targetHost;
    quint16 m_targetPort;
    quint16 m_port = 0;
    QThread m_thread;
    QTcpServer *m_server = nullptr;
    std::atomic<qint64> m_clientToServer {0};
    std::atomic<qint64> m_cutAt {-1};
    std::atomic<int> m_cuts {0};
    std::atomic<qint64> m_downRate {0};
    QHostAddress m_sourceAddress; // set before the connections
    QElapsedTimer m_downClock; // the proxy's thread only
    qint64 m_downAllowance = 0;
};
