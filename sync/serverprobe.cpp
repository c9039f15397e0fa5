#include "serverprobe.h"

#include <QTcpSocket>

bool splitServerAddress(const QString &serverAddress, QString *host, quint16 *port)
{
    QString address = serverAddress.trimmed();
    for (const char *scheme : {"dns:///", "ipv4:", "ipv6:"}) {
        if (address.startsWith(QLatin1String(scheme))) {
            address = address.mid(int(qstrlen(scheme)));
            break;
        }
    }
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString h = address.left(colon);
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    bool ok = false;
    const uint p = address.mid(colon + 1).toUInt(&ok);
    if (!ok || p == 0 || p > 65535 || h.isEmpty() || h.contains(QLatin1Char('[')))
        return false;
    *host = h;
    *port = quint16(p);
    return true;
}

bool serverAnswersTcp(const QString &serverAddress, int timeoutMs)
{
    QString host;
    quint16 port = 0;
    if (!splitServerAddress(serverAddress, &host, &port))
        return false;
    QTcpSocket socket;
    socket.connectToHost(host, port);
    const bool connected = socket.waitForConnected(timeoutMs);
    socket.abort();
    return connected;
}
