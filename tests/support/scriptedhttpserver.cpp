// An HTTP server on 127.0.0.1 that answers each path with exact bytes, or not at all.
#include "scriptedhttpserver.h"

#include <QTcpSocket>

ScriptedHttpServer::ScriptedHttpServer()
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            auto *buffer = new QByteArray;
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                *buffer += socket->readAll();
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = buffer->left(end);
                buffer->clear();
                onRequest(socket, head);
            });
            connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
                delete buffer;
                socket->deleteLater();
            });
        }
    });
    listen(QHostAddress(QHostAddress::LocalHost));
}

QByteArray ScriptedHttpServer::response(const QByteArray &status,
                                        const QList<QByteArray> &headers,
                                        const QByteArray &body)
{
    QByteArray bytes = "HTTP/1.1 " + status + "\r\n";
    bool hasLength = false;
    for (const QByteArray &header : headers) {
        hasLength = hasLength || header.toLower().startsWith("content-length:");
        bytes += header + "\r\n";
    }
    if (!hasLength)
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "Connection: close\r\n\r\n" + body;
    return bytes;
}

void ScriptedHttpServer::answer(const QByteArray &path, const QByteArray &bytes)
{
    m_quiet.remove(path);
    m_answers.insert(path, bytes);
}

void ScriptedHttpServer::stayQuiet(const QByteArray &path)
{
    m_answers.remove(path);
    m_quiet.insert(path);
}

void ScriptedHttpServer::clear()
{
    m_answers.clear();
    m_quiet.clear();
    m_requests.clear();
    m_lastHeaders.clear();
}

QUrl ScriptedHttpServer::url(const QByteArray &path) const
{
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(QString::fromLatin1(path)));
}

QByteArray ScriptedHttpServer::lastHeader(const QByteArray &path, const QByteArray &name) const
{
    return m_lastHeaders.value(path).value(name.toLower());
}

void ScriptedHttpServer::onRequest(QTcpSocket *socket, const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray path = lines.value(0).split(' ').value(1);
    ++m_requests[path];
    QHash<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    m_lastHeaders.insert(path, headers);

    if (m_quiet.contains(path))
        return;
    socket->write(
        m_answers.value(path, response("404 Not Found", {"Content-Type: text/plain"}, "no")));
    socket->disconnectFromHost();
}
