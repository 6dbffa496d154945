// Tests FeedFetcher against HTTP servers on 127.0.0.1: validators, redirects, errors and limits.
#include "feedfetcher.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

namespace {

const QByteArray feedBody = QByteArrayLiteral("<rss version=\"2.0\"><channel/></rss>");
const QByteArray feedEtag = QByteArrayLiteral("\"v1\"");
const QByteArray feedLastModified = QByteArrayLiteral("Wed, 21 Oct 2026 07:28:00 GMT");

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    const QList<QPair<QByteArray, QByteArray>> headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QHttpServerResponse redirect(QHttpServerResponse::StatusCode status, const QByteArray &location)
{
    QHttpServerResponse response(status);
    response.addHeader(QByteArrayLiteral("Location"), location);
    return response;
}

// Answers every request in a way QHttpServer cannot: silence, a cut body, no Content-Length.
class RawServer final : public QTcpServer
{
public:
    enum class Behaviour { Silent, DropMidBody, LargeWithoutLength };

    explicit RawServer(Behaviour behaviour)
        : m_behaviour(behaviour)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_received += socket->readAll();
                    if (m_received.contains("\r\n\r\n"))
                        answer(socket);
                });
            }
        });
        listen(QHostAddress(QHostAddress::LocalHost));
    }

    [[nodiscard]] QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/feed").arg(serverPort()));
    }

private:
    void answer(QTcpSocket *socket)
    {
        switch (m_behaviour) {
        case Behaviour::Silent:
            return;
        case Behaviour::DropMidBody:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                          "Content-Length: 10000\r\n\r\n<rss version=\"2.0\"><chan");
            socket->flush();
            socket->disconnectFromHost();
            return;
        case Behaviour::LargeWithoutLength:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                          "Connection: close\r\n\r\n");
            socket->write(QByteArray(256 * 1024, 'x'));
            socket->disconnectFromHost();
            return;
        }
    }

    Behaviour m_behaviour;
    QByteArray m_received;
};

} // namespace

class TestFeedFetcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void okThenNotModified();
    void permanentRedirects_data();
    void permanentRedirects();
    void redirectLoop();
    void tooManyRedirects();
    void gone();
    void tooManyRequestsWithSeconds();
    void serviceUnavailableWithDate();
    void serverError();
    void droppedConnection();
    void silentServer();
    void tooLargeByContentLength();
    void tooLargeByReceivedBytes();
    void brokenGzip();
    void credentialsStayAtTheirOrigin();

private:
    QUrl url(const QString &path, quint16 port = 0) const;
    FetchResult fetch(FeedFetcher &fetcher, const FetchRequest &request);
    FetchResult fetch(const QString &path);

    QHttpServer m_server;
    QHttpServer m_otherServer;
    quint16 m_port = 0;
    quint16 m_otherPort = 0;
    QByteArray m_userAgent;
    QByteArray m_accept;
    QByteArray m_authorization;
    QByteArray m_otherAuthorization;
    int m_otherRequests = 0;
};

QUrl TestFeedFetcher::url(const QString &path, quint16 port) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port ? port : m_port).arg(path));
}

FetchResult TestFeedFetcher::fetch(FeedFetcher &fetcher, const FetchRequest &request)
{
    QSignalSpy spy(&fetcher, &FeedFetcher::finished);
    fetcher.fetch(request);
    if (!spy.wait(10000) || spy.size() != 1)
        return {};
    return spy.at(0).at(0).value<FetchResult>();
}

FetchResult TestFeedFetcher::fetch(const QString &path)
{
    FeedFetcher fetcher;
    FetchRequest request;
    request.feedId = 7;
    request.url = url(path);
    return fetch(fetcher, request);
}

void TestFeedFetcher::initTestCase()
{
    m_server.route(QStringLiteral("/feed"), [this](const QHttpServerRequest &request) {
        m_userAgent = header(request, "User-Agent");
        m_accept = header(request, "Accept");
        if (header(request, "If-None-Match") == feedEtag
            && header(request, "If-Modified-Since") == feedLastModified) {
            QHttpServerResponse response(QHttpServerResponse::StatusCode::NotModified);
            response.addHeader(QByteArrayLiteral("ETag"), feedEtag);
            return response;
        }
        QHttpServerResponse response(QByteArrayLiteral("application/rss+xml; charset=\"UTF-8\""),
                                     feedBody);
        response.addHeader(QByteArrayLiteral("ETag"), feedEtag);
        response.addHeader(QByteArrayLiteral("Last-Modified"), feedLastModified);
        response.addHeader(QByteArrayLiteral("Cache-Control"),
                           QByteArrayLiteral("public, max-age=600"));
        return response;
    });
    using Status = QHttpServerResponse::StatusCode;
    m_server.route(QStringLiteral("/301"),
                   [] { return redirect(Status::MovedPermanently, "/308"); });
    m_server.route(QStringLiteral("/308"),
                   [] { return redirect(Status::PermanentRedirect, "/feed"); });
    m_server.route(QStringLiteral("/302"), [] { return redirect(Status::Found, "/feed"); });
    m_server.route(QStringLiteral("/301-302"),
                   [] { return redirect(Status::MovedPermanently, "/302"); });
    m_server.route(QStringLiteral("/302-301"), [] { return redirect(Status::Found, "/301"); });
    m_server.route(QStringLiteral("/loop-a"), [] { return redirect(Status::Found, "/loop-b"); });
    m_server.route(QStringLiteral("/loop-b"), [] { return redirect(Status::Found, "/loop-a"); });
    m_server.route(QStringLiteral("/hops/<arg>"), [](int hops) {
        if (hops <= 0)
            return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"), feedBody);
        return redirect(Status::TemporaryRedirect, "/hops/" + QByteArray::number(hops - 1));
    });
    m_server.route(QStringLiteral("/gone"), [] { return QHttpServerResponse(Status::Gone); });
    m_server.route(QStringLiteral("/busy-seconds"), [] {
        QHttpServerResponse response(Status::TooManyRequests);
        response.addHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("120"));
        return response;
    });
    m_server.route(QStringLiteral("/busy-date"), [] {
        QHttpServerResponse response(Status::ServiceUnavailable);
        response.addHeader(QByteArrayLiteral("Retry-After"), feedLastModified);
        return response;
    });
    m_server.route(QStringLiteral("/error"), [] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                   QByteArrayLiteral("oops"),
                                   Status::InternalServerError);
    });
    m_server.route(QStringLiteral("/big"), [] {
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"),
                                   QByteArray(64 * 1024, 'x'));
    });
    m_server.route(QStringLiteral("/gzip"), [] {
        QHttpServerResponse response(QByteArrayLiteral("application/rss+xml"),
                                     QByteArrayLiteral("this is not gzip data, not at all"));
        response.addHeader(QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip"));
        return response;
    });
    m_server.route(QStringLiteral("/private"), [this](const QHttpServerRequest &request) {
        m_authorization = header(request, "Authorization");
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"), feedBody);
    });
    m_server.route(QStringLiteral("/private-here"),
                   [] { return redirect(Status::Found, "/private"); });
    m_server.route(QStringLiteral("/private-elsewhere"), [this] {
        return redirect(Status::Found, url(QStringLiteral("/private"), m_otherPort).toEncoded());
    });
    m_otherServer.route(QStringLiteral("/private"), [this](const QHttpServerRequest &request) {
        ++m_otherRequests;
        m_otherAuthorization = header(request, "Authorization");
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"), feedBody);
    });

    m_port = m_server.listen(QHostAddress(QHostAddress::LocalHost));
    m_otherPort = m_otherServer.listen(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(m_port != 0);
    QVERIFY(m_otherPort != 0);
}

void TestFeedFetcher::okThenNotModified()
{
    FeedFetcher fetcher;
    FetchRequest request;
    request.feedId = 3;
    request.url = url(QStringLiteral("/feed"));
    const FetchResult first = fetch(fetcher, request);
    QCOMPARE(first.feedId, 3);
    QCOMPARE(first.requestedUrl, request.url);
    QCOMPARE(first.finalUrl, request.url);
    QCOMPARE(first.httpStatus, 200);
    QCOMPARE(first.notModified, false);
    QCOMPARE(first.gone, false);
    QCOMPARE(first.movedPermanently, QUrl());
    QCOMPARE(first.body, feedBody);
    QCOMPARE(first.contentType, QStringLiteral("application/rss+xml"));
    QCOMPARE(first.charset, QStringLiteral("UTF-8"));
    QCOMPARE(first.etag, QString::fromLatin1(feedEtag));
    QCOMPARE(first.lastModified, QString::fromLatin1(feedLastModified));
    QCOMPARE(first.maxAgeSeconds, 600);
    QCOMPARE(first.retryAfter, QDateTime());
    QCOMPARE(first.errorString, QString());
    QVERIFY(first.elapsedMs >= 0);
    QVERIFY(first.succeeded());
    QCOMPARE(m_userAgent, QByteArray("Watercooler/" WATERCOOLER_VERSION));
    QVERIFY(m_accept.contains("application/rss+xml"));
    QVERIFY(m_accept.contains("application/atom+xml"));

    request.etag = first.etag;
    request.lastModified = first.lastModified;
    const FetchResult second = fetch(fetcher, request);
    QCOMPARE(second.httpStatus, 304);
    QCOMPARE(second.notModified, true);
    QCOMPARE(second.body, QByteArray());
    QCOMPARE(second.etag, QString::fromLatin1(feedEtag));
    QCOMPARE(second.errorString, QString());
    QVERIFY(second.succeeded());
}

void TestFeedFetcher::permanentRedirects_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("moved");

    QTest::newRow("301 then 308") << QStringLiteral("/301") << QStringLiteral("/feed");
    QTest::newRow("308") << QStringLiteral("/308") << QStringLiteral("/feed");
    QTest::newRow("302") << QStringLiteral("/302") << QString();
    QTest::newRow("301 then 302") << QStringLiteral("/301-302") << QStringLiteral("/302");
    QTest::newRow("302 then 301") << QStringLiteral("/302-301") << QString();
}

void TestFeedFetcher::permanentRedirects()
{
    QFETCH(QString, path);
    QFETCH(QString, moved);

    const FetchResult result = fetch(path);
    QCOMPARE(result.requestedUrl, url(path));
    QCOMPARE(result.finalUrl, url(QStringLiteral("/feed")));
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.movedPermanently, moved.isEmpty() ? QUrl() : url(moved));
    QCOMPARE(result.body, feedBody);
    QCOMPARE(result.errorString, QString());
}

void TestFeedFetcher::redirectLoop()
{
    const FetchResult result = fetch(QStringLiteral("/loop-a"));
    QCOMPARE(result.httpStatus, 302);
    QCOMPARE(result.finalUrl, url(QStringLiteral("/loop-b")));
    QCOMPARE(result.movedPermanently, QUrl());
    QCOMPARE(result.body, QByteArray());
    QCOMPARE(result.errorString,
             QStringLiteral("%1 redirects in a loop.")
                 .arg(url(QStringLiteral("/loop-a")).toString()));
    QVERIFY(!result.succeeded());
}

void TestFeedFetcher::tooManyRedirects()
{
    const FetchResult five = fetch(QStringLiteral("/hops/5"));
    QCOMPARE(five.httpStatus, 200);
    QCOMPARE(five.finalUrl, url(QStringLiteral("/hops/0")));
    QCOMPARE(five.errorString, QString());

    const FetchResult six = fetch(QStringLiteral("/hops/6"));
    QCOMPARE(six.httpStatus, 307);
    QCOMPARE(six.finalUrl, url(QStringLiteral("/hops/1")));
    QCOMPARE(six.body, QByteArray());
    QCOMPARE(six.errorString,
             QStringLiteral("%1 redirects more than 5 times.")
                 .arg(url(QStringLiteral("/hops/6")).toString()));
}

void TestFeedFetcher::gone()
{
    const FetchResult result = fetch(QStringLiteral("/gone"));
    QCOMPARE(result.httpStatus, 410);
    QCOMPARE(result.gone, true);
    QCOMPARE(result.notModified, false);
    QCOMPARE(result.body, QByteArray());
    QCOMPARE(result.errorString,
             QStringLiteral("The feed at %1 is gone for good (HTTP 410).")
                 .arg(url(QStringLiteral("/gone")).toString()));
}

void TestFeedFetcher::tooManyRequestsWithSeconds()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const FetchResult result = fetch(QStringLiteral("/busy-seconds"));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QCOMPARE(result.httpStatus, 429);
    QVERIFY(result.retryAfter >= before.addSecs(120));
    QVERIFY(result.retryAfter <= after.addSecs(120));
    QCOMPARE(result.errorString,
             QStringLiteral(
                 "The server at 127.0.0.1 asks to wait before fetching again (HTTP 429)."));
}

void TestFeedFetcher::serviceUnavailableWithDate()
{
    const FetchResult result = fetch(QStringLiteral("/busy-date"));
    QCOMPARE(result.httpStatus, 503);
    QCOMPARE(result.retryAfter, QDateTime(QDate(2026, 10, 21), QTime(7, 28), QTimeZone::utc()));
    QCOMPARE(result.errorString,
             QStringLiteral(
                 "The server at 127.0.0.1 asks to wait before fetching again (HTTP 503)."));
}

void TestFeedFetcher::serverError()
{
    const FetchResult result = fetch(QStringLiteral("/error"));
    QCOMPARE(result.httpStatus, 500);
    QCOMPARE(result.body, QByteArray());
    QCOMPARE(result.retryAfter, QDateTime());
    QCOMPARE(result.errorString,
             QStringLiteral("The server at 127.0.0.1 had an internal error (HTTP 500)."));
}

void TestFeedFetcher::droppedConnection()
{
    RawServer server(RawServer::Behaviour::DropMidBody);
    FeedFetcher fetcher;
    const FetchResult result = fetch(fetcher, FetchRequest{1, server.url(), {}, {}, {}});
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.body, QByteArray());
    QCOMPARE(result.errorString,
             QStringLiteral("The connection to 127.0.0.1 closed before the feed was complete."));
    QVERIFY(!result.succeeded());
}

void TestFeedFetcher::silentServer()
{
    RawServer server(RawServer::Behaviour::Silent);
    FeedFetcher fetcher;
    fetcher.setTimeout(500);
    const FetchResult result = fetch(fetcher, FetchRequest{1, server.url(), {}, {}, {}});
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(result.body, QByteArray());
    QCOMPARE(result.errorString,
             QStringLiteral("The server at 127.0.0.1 did not answer within 0.5 seconds."));
    QVERIFY(result.elapsedMs >= 400);
    QVERIFY(result.elapsedMs < 5000);
}

void TestFeedFetcher::tooLargeByContentLength()
{
    FeedFetcher fetcher;
    fetcher.setMaximumSize(16 * 1024);
    const FetchResult result = fetch(fetcher,
                                     FetchRequest{1, url(QStringLiteral("/big")), {}, {}, {}});
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.body, QByteArray());
    QCOMPARE(result.errorString,
             QStringLiteral("The feed at %1 is larger than the limit of 0.0156 MB.")
                 .arg(url(QStringLiteral("/big")).toString()));
}

void TestFeedFetcher::tooLargeByReceivedBytes()
{
    RawServer server(RawServer::Behaviour::LargeWithoutLength);
    FeedFetcher fetcher;
    fetcher.setMaximumSize(16 * 1024);
    const FetchResult result = fetch(fetcher, FetchRequest{1, server.url(), {}, {}, {}});
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.body, QByteArray());
    QCOMPARE(result.errorString,
             QStringLiteral("The feed at %1 is larger than the limit of 0.0156 MB.")
                 .arg(server.url().toString()));
}

void TestFeedFetcher::brokenGzip()
{
    const FetchResult result = fetch(QStringLiteral("/gzip"));
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.body, QByteArray());
    QCOMPARE(result.errorString,
             QStringLiteral("The feed at %1 was sent compressed (gzip), but the compressed data is "
                            "damaged.")
                 .arg(url(QStringLiteral("/gzip")).toString()));
    QVERIFY(!result.succeeded());
}

void TestFeedFetcher::credentialsStayAtTheirOrigin()
{
    FeedFetcher fetcher;
    FetchRequest request;
    request.feedId = 1;
    request.credentials = FetchCredentials{QStringLiteral("ann"), QStringLiteral("secret")};
    const QByteArray expected = "Basic " + QByteArray("ann:secret").toBase64();

    request.url = url(QStringLiteral("/private"));
    m_authorization.clear();
    QCOMPARE(fetch(fetcher, request).httpStatus, 200);
    QCOMPARE(m_authorization, expected);

    request.url = url(QStringLiteral("/private-here"));
    m_authorization.clear();
    const FetchResult here = fetch(fetcher, request);
    QCOMPARE(here.httpStatus, 200);
    QCOMPARE(here.finalUrl, url(QStringLiteral("/private")));
    QCOMPARE(m_authorization, expected);

    request.url = url(QStringLiteral("/private-elsewhere"));
    m_otherRequests = 0;
    m_otherAuthorization = "not called";
    const FetchResult elsewhere = fetch(fetcher, request);
    QCOMPARE(elsewhere.httpStatus, 200);
    QCOMPARE(elsewhere.finalUrl, url(QStringLiteral("/private"), m_otherPort));
    QCOMPARE(elsewhere.body, feedBody);
    QCOMPARE(m_otherRequests, 1);
    QCOMPARE(m_otherAuthorization, QByteArray());
}

QTEST_GUILESS_MAIN(TestFeedFetcher)
#include "tst_feedfetcher.moc"
