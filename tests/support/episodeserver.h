// A small HTTP/1.1 server on 127.0.0.1 serving an episode file with Range and If-Range, and
// misbehaving on request: cutting the body, ignoring ranges, sending the wrong range, trickling.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

class EpisodeServer final : public QTcpServer
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // names in lower case
    };

    explicit EpisodeServer(QObject *parent = nullptr);

    // What /episode.mp3 (and any other path but those below) serves.
    QByteArray body;
    QByteArray mimeType = QByteArrayLiteral("audio/mpeg");
    QByteArray etag = QByteArrayLiteral("\"v1\"");
    QByteArray lastModified;
    // Sent as the Content-Disposition header of the episode when not empty.
    QByteArray contentDisposition;
    // Cut the connection after this many body bytes, for the next dropCount responses.
    qint64 dropAfter = -1;
    int dropCount = 0;
    // Answer every request with the whole file (200), ranges or not.
    bool ignoreRange = false;
    // Answer ranges with 206 starting at byte 0.
    bool wrongRangeStart = false;
    // Other documents by path (a feed listing the episode, say), served whole as XML.
    QHash<QByteArray, QByteArray> pages;
    // Send the body in 64 KiB pieces this many milliseconds apart (0: at once).
    int trickleMs = 0;

    // Special paths: /missing answers 404, /redirect/PATH redirects to /PATH, /silent never
    // answers.
    [[nodiscard]] QUrl url(const QString &path = QStringLiteral("/episode.mp3")) const;
    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }
    // The requests without repeats: Qt sends a request again by itself when the pooled
    // connection it picked turns out closed, and such a repeat is not the client's doing.
    [[nodiscard]] QList<Request> distinctRequests() const;
    // The most connections open at one time.
    [[nodiscard]] int peakConnections() const { return m_peak; }
    void clearRequests() { m_requests.clear(); }

private:
    void answer(QTcpSocket *socket, const Request &request);
    void sendBody(QTcpSocket *socket, const QByteArray &data, qint64 cutAfter);

    QList<Request> m_requests;
    int m_open = 0;
    int m_peak = 0;
};
