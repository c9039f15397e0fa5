#pragma once

#include "serverprocess.h"
#include "synctransport.h"

#include "qingshui/v1/catalog.pb.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <functional>

// The server's output once a ServerInfo asked now is logged: a call's line is queued before
// its answer goes out, so every call answered before it is in the output then. Empty: the
// line never came.
inline QByteArray settledCallLog(ServerProcess &server, SyncTransport &transport)
{
    const QByteArray marker = "\"method\":\"/qingshui.v1.Catalog/ServerInfo\"";
    const qsizetype before = server.standardOutput().count(marker);
    qingshui::v1::ServerInfoResponse info;
    if (!transport.serverInfo(&info))
        return {};
    for (int wait = 0; wait < 100 && server.standardOutput().count(marker) == before; ++wait)
        server.standardOutput(100);
    return server.standardOutput().count(marker) > before ? server.standardOutput() : QByteArray();
}

// The methods `work` called, in order, read from the server's call log (the ServerInfo
// markers left out). *settled false: the log could not be read around it.
inline QStringList methodsCalledDuring(ServerProcess &server, SyncTransport &transport,
                                       const std::function<void()> &work, bool *settled = nullptr)
{
    const QByteArray before = settledCallLog(server, transport);
    work();
    const QByteArray after = settledCallLog(server, transport);
    if (settled)
        *settled = !before.isEmpty() && !after.isEmpty();
    QStringList methods;
    for (const QByteArray &line : after.mid(before.size()).split('\n')) {
        if (line.startsWith('{'))
            methods << QJsonDocument::fromJson(line).object().value("method").toString();
    }
    methods.removeAll(QStringLiteral("/qingshui.v1.Catalog/ServerInfo"));
    return methods;
}
