// Raw HTTP over QTcpServer, so that bodies can be cut and ranges answered wrongly on purpose.
#include "episodeserver.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

EpisodeServer::EpisodeServer(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            m_peak = std::max(m_peak, ++m_open);
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                --m_open;
                socket->deleteLater();
            });
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                *buffer += socket->readAll();
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                buffer->clear();
                Request request;
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                request.method = first.value(0);
                request.path = first.value(1);
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines.at(i).indexOf(':');
                    if (colon > 0)
                        request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                               lines.at(i).mid(colon + 1).trimmed());
                }
                m_requests.append(request);
                answer(socket, request);
            });
        }
    });
    listen(QHostAddress(QHostAddress::LocalHost));
}

QUrl EpisodeServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
}

QList<EpisodeServer::Request> EpisodeServer::distinctRequests() const
{
    QList<Request> distinct;
    for (const Request &request : m_requests) {
        if (!distinct.isEmpty() && distinct.constLast().path == request.path
            && distinct.constLast().headers == request.headers)
            continue;
        distinct.append(request);
    }
    return distinct;
}

void EpisodeServer::answer(QTcpSocket *socket, const Request &request)
{
    if (request.path == "/silent")
        return;
    if (request.path == "/missing") {
        socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\n"
                      "not found");
        socket->disconnectFromHost();
        return;
    }
    if (pages.contains(request.path)) {
        const QByteArray page = pages.value(request.path);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: "
                      + QByteArray::number(page.size()) + "\r\nConnection: close\r\n\r\n" + page);
        socket->disconnectFromHost();
        return;
    }
    if (request.path.startsWith("/redirect/")) {
        socket->write("HTTP/1.1 302 Found\r\nLocation: " + request.path.mid(9)
                      + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }

    const qint64 size = body.size();
    qint64 start = 0;
    bool partial = false;
    const QByteArray range = request.headers.value("range");
    const QByteArray ifRange = request.headers.value("if-range");
    static const QRegularExpression pattern(QStringLiteral("^bytes=(\\d+)-$"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(range));
    const bool validatorMatches = ifRange.isEmpty() || ifRange == etag
                                  || (!lastModified.isEmpty() && ifRange == lastModified);
    if (!ignoreRange && match.hasMatch() && validatorMatches) {
        start = match.captured(1).toLongLong();
        if (start >= size) {
            socket->write("HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */"
                          + QByteArray::number(size)
                          + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
            return;
        }
        partial = true;
        if (wrongRangeStart)
            start = 0;
    }
    QByteArray head = partial ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n";
    if (partial)
        head += "Content-Range: bytes " + QByteArray::number(start) + '-'
                + QByteArray::number(size - 1) + '/' + QByteArray::number(size) + "\r\n";
    head += "Content-Type: " + mimeType + "\r\nContent-Length: " + QByteArray::number(size - start)
            + "\r\nAccept-Ranges: bytes\r\nConnection: close\r\n";
    if (!etag.isEmpty())
        head += "ETag: " + etag + "\r\n";
    if (!lastModified.isEmpty())
        head += "Last-Modified: " + lastModified + "\r\n";
    if (!contentDisposition.isEmpty())
        head += "Content-Disposition: " + contentDisposition + "\r\n";
    socket->write(head + "\r\n");
    qint64 cutAfter = -1;
    if (dropCount > 0 && dropAfter >= 0) {
        --dropCount;
        cutAfter = dropAfter;
    }
    sendBody(socket, body.mid(start), cutAfter);
}

void EpisodeServer::sendBody(QTcpSocket *socket, const QByteArray &data, qint64 cutAfter)
{
    const QByteArray sent = cutAfter >= 0 ? data.left(cutAfter) : data;
    if (trickleMs <= 0) {
        socket->write(sent);
        // A moment later, as real servers do: a connection closed before the client even
        // finished sending makes Qt send the request again by itself.
        QTimer::singleShot(20, socket, [socket] { socket->disconnectFromHost(); });
        return;
    }
    constexpr qsizetype piece = 64 * 1024;
    auto *timer = new QTimer(socket);
    timer->setInterval(trickleMs);
    connect(timer, &QTimer::timeout, socket, [socket, timer, sent, at = qsizetype(0)]() mutable {
        if (socket->state() != QAbstractSocket::ConnectedState) {
            timer->stop();
            return;
        }
        socket->write(sent.mid(at, piece));
        at += piece;
        if (at >= sent.size()) {
            timer->stop();
            socket->disconnectFromHost();
        }
    });
    timer->start();
}
