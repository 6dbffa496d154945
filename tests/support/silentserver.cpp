// Keeps every connection open and unanswered.
#include "silentserver.h"

#include <QTcpSocket>

SilentServer::SilentServer(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection())
            m_sockets.append(socket);
    });
    listen(QHostAddress(QHostAddress::LocalHost));
}

QUrl SilentServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
}
