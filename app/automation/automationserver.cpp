#include "automationserver.h"

#include "automationcommands.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>

AutomationServer::AutomationServer(QObject *parent)
    : QObject(parent), m_server(new QLocalServer(this))
{
    // The hook can do anything a user can: nobody but this user may connect.
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &AutomationServer::accept);
}

bool AutomationServer::listen(const QString &path)
{
    // Never replace a file: a mistyped path must not cost anyone a file.
    if (QFileInfo::exists(path)) {
        m_error = QStringLiteral("%1 exists; give a path where nothing is").arg(path);
        return false;
    }
    if (!m_server->listen(path)) {
        m_error = QStringLiteral("cannot listen on %1: %2").arg(path, m_server->errorString());
        return false;
    }
    return true;
}

void AutomationServer::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readCommands(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void AutomationServer::readCommands(QLocalSocket *socket)
{
    while (socket->canReadLine()) {
        const QByteArray line = socket->readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        const QJsonObject answer = document.isObject()
            ? AutomationCommands::run(document.object())
            : QJsonObject {{QStringLiteral("ok"), false},
                           {QStringLiteral("error"),
                            QStringLiteral("not a JSON object: %1").arg(parseError.errorString())}};
        socket->write(QJsonDocument(answer).toJson(QJsonDocument::Compact) + '\n');
        socket->flush();
    }
}
