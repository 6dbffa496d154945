// Tests FeedSync end to end: feeds served on 127.0.0.1, fetched, parsed and stored.
#include "feedrepository.h"
#include "feedsync.h"
#include "fetchscheduler.h"
#include "testdatabase.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace {

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    const QList<QPair<QByteArray, QByteArray>> headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray rss(const QByteArray &title, const QByteArray &secondText)
{
    return QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>)")
           + title + QByteArray(R"(</title>
  <link>https://blog.example.org/</link>
  <description>News from the team</description>
  <item><title>One</title><guid>item-1</guid><author>ada@example.org (Ada)</author>
    <pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate><description>First text</description></item>
  <item><title>Two</title><guid>item-2</guid><author>bob@example.org (Bob)</author>
    <pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><description>)")
           + secondText + QByteArray(R"(</description></item>
  <item><title>Three</title><guid>item-3</guid><author>ada@example.org (Ada)</author>
    <pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><description>Third text</description></item>
</channel></rss>
)");
}

} // namespace

class TestFeedSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void newThenNotModifiedThenUpdated();
    void goneKeepsDiscussions();
    void htmlPageFails();
    void permanentRedirectMoves();
    void newFeedUrlMoves();
    void twoFeedsOnOneHost();
    void unknownFeedFails();
    void cancelStopsTheRun();

private:
    QString url(const QString &path) const;
    qint64 addFeed(const QString &path);
    QList<FeedSyncReport> sync(const QList<qint64> &feedIds = {});
    qint64 count(const QString &sql, const QVariantList &values = {}) const;

    QHttpServer m_server;
    quint16 m_port = 0;
    std::unique_ptr<TestDatabase> m_db;
    QByteArray m_body;
    QByteArray m_etag;
    bool m_gone = false;
    bool m_html = false;
};

QString TestFeedSync::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

void TestFeedSync::initTestCase()
{
    using Status = QHttpServerResponse::StatusCode;
    m_server.route(QStringLiteral("/feed"), [this](const QHttpServerRequest &request) {
        if (m_gone)
            return QHttpServerResponse(Status::Gone);
        if (m_html)
            return QHttpServerResponse(QByteArrayLiteral("text/html"),
                                       QByteArrayLiteral("<html><body>Sorry</body></html>"));
        if (!m_etag.isEmpty() && header(request, "If-None-Match") == m_etag) {
            QHttpServerResponse response(Status::NotModified);
            response.addHeader(QByteArrayLiteral("ETag"), m_etag);
            return response;
        }
        QHttpServerResponse response(QByteArrayLiteral("application/rss+xml"), m_body);
        if (!m_etag.isEmpty())
            response.addHeader(QByteArrayLiteral("ETag"), m_etag);
        return response;
    });
    m_server.route(QStringLiteral("/old"), [] {
        QHttpServerResponse response(Status::MovedPermanently);
        response.addHeader(QByteArrayLiteral("Location"), QByteArrayLiteral("/feed"));
        return response;
    });
    m_server.route(QStringLiteral("/other"), [] {
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"),
                                   rss("Other", "Other text"));
    });
    m_server.route(QStringLiteral("/announcing"), [this] {
        const QByteArray body = QByteArray(R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
  <title>Podcast</title><itunes:new-feed-url>)")
                                + url(QStringLiteral("/feed")).toUtf8()
                                + QByteArray(R"(</itunes:new-feed-url>
  <item><title>Episode</title><guid>ep-1</guid><description>Hi</description></item>
</channel></rss>)");
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"), body);
    });
    m_port = m_server.listen(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(m_port != 0);
}

void TestFeedSync::init()
{
    m_body = rss("Team blog", "Second text");
    m_etag.clear();
    m_gone = false;
    m_html = false;
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void TestFeedSync::cleanup()
{
    m_db.reset();
}

qint64 TestFeedSync::addFeed(const QString &path)
{
    FeedRepository::NewFeed feed;
    feed.url = url(path);
    return FeedRepository(m_db->connectionName()).addFeed(feed);
}

QList<FeedSyncReport> TestFeedSync::sync(const QList<qint64> &feedIds)
{
    FeedSync feedSync(m_db->database());
    feedSync.scheduler()->setHostSpacing(0);
    QList<FeedSyncReport> reports;
    connect(&feedSync, &FeedSync::feedSynced, this, [&reports](const FeedSyncReport &report) {
        reports.append(report);
    });
    QSignalSpy finished(&feedSync, &FeedSync::finished);
    feedSync.start(feedIds);
    if (!finished.wait(20000))
        return {};
    return reports;
}

qint64 TestFeedSync::count(const QString &sql, const QVariantList &values) const
{
    return m_db->count(sql, values);
}

void TestFeedSync::newThenNotModifiedThenUpdated()
{
    m_etag = QByteArrayLiteral("\"v1\"");
    const qint64 id = addFeed(QStringLiteral("/feed"));

    QList<FeedSyncReport> reports = sync();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).feedId, id);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::New);
    QCOMPARE(reports.at(0).newItems, 3);
    QCOMPARE(reports.at(0).httpStatus, 200);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 3);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE parent_id IS NULL")), 3);
    const FeedRepository repository(m_db->connectionName());
    FeedRepository::Feed feed = repository.feed(id);
    QCOMPARE(feed.title, QStringLiteral("Team blog"));
    QCOMPARE(feed.siteUrl, QStringLiteral("https://blog.example.org/"));
    QCOMPARE(feed.etag, QStringLiteral("\"v1\""));
    QVERIFY(feed.lastFetched.isValid());
    QVERIFY(feed.errorText.isEmpty());

    // The validators come back: 304, nothing new.
    reports = sync({id});
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::NotModified);
    QCOMPARE(reports.at(0).httpStatus, 304);
    QCOMPARE(reports.at(0).newItems, 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 3);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM posts")), 3);

    // One item's text changes: updated in place.
    m_body = rss("Team blog", "Second text, corrected");
    m_etag = QByteArrayLiteral("\"v2\"");
    reports = sync({id});
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::Updated);
    QCOMPARE(reports.at(0).newItems, 0);
    QCOMPARE(reports.at(0).updatedItems, 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 3);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM posts")), 3);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE body_text LIKE ?"),
                   {QStringLiteral("%corrected%")}),
             1);
    QCOMPARE(repository.feed(id).etag, QStringLiteral("\"v2\""));
}

void TestFeedSync::goneKeepsDiscussions()
{
    const qint64 id = addFeed(QStringLiteral("/feed"));
    QCOMPARE(sync().size(), 1);
    m_gone = true;
    const QList<FeedSyncReport> reports = sync({id});
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::Gone);
    QCOMPARE(reports.at(0).httpStatus, 410);
    const FeedRepository repository(m_db->connectionName());
    QCOMPARE(repository.feed(id).status, QStringLiteral("gone"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 3);
    // A gone feed is no longer due.
    QVERIFY(sync().isEmpty());
}

void TestFeedSync::htmlPageFails()
{
    const qint64 id = addFeed(QStringLiteral("/feed"));
    QCOMPARE(sync().size(), 1);
    m_html = true;
    const QList<FeedSyncReport> reports = sync({id});
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::Failed);
    QVERIFY2(reports.at(0).error.contains(QLatin1String("not a feed")),
             qPrintable(reports.at(0).error));
    QVERIFY(reports.at(0).error.contains(QLatin1String("text/html")));
    const FeedRepository::Feed feed = FeedRepository(m_db->connectionName()).feed(id);
    QCOMPARE(feed.errorText, reports.at(0).error);
    // Tried again after the backoff.
    QVERIFY(feed.nextFetch.isValid());
    QCOMPARE(FeedRepository(m_db->connectionName())
                 .dueFeeds(QDateTime::currentDateTimeUtc().addDays(2))
                 .size(),
             1);
    QCOMPARE(feed.title, QStringLiteral("Team blog"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 3);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM posts")), 3);
}

void TestFeedSync::permanentRedirectMoves()
{
    const qint64 id = addFeed(QStringLiteral("/old"));
    const QList<FeedSyncReport> reports = sync();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::Moved);
    QCOMPARE(reports.at(0).movedTo, url(QStringLiteral("/feed")));
    QCOMPARE(reports.at(0).newItems, 3);
    const FeedRepository::Feed feed = FeedRepository(m_db->connectionName()).feed(id);
    QCOMPARE(feed.url, url(QStringLiteral("/feed")));
    QCOMPARE(feed.movedFromUrl, url(QStringLiteral("/old")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE feed_id = ?"), {id}), 3);
}

void TestFeedSync::newFeedUrlMoves()
{
    const qint64 id = addFeed(QStringLiteral("/announcing"));
    const QList<FeedSyncReport> reports = sync();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::Moved);
    QCOMPARE(reports.at(0).movedTo, url(QStringLiteral("/feed")));
    QCOMPARE(FeedRepository(m_db->connectionName()).feed(id).url, url(QStringLiteral("/feed")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 1);
}

void TestFeedSync::twoFeedsOnOneHost()
{
    const qint64 first = addFeed(QStringLiteral("/feed"));
    const qint64 second = addFeed(QStringLiteral("/other"));
    const QList<FeedSyncReport> reports = sync();
    QCOMPARE(reports.size(), 2);
    QSet<qint64> ids;
    for (const FeedSyncReport &report : reports) {
        QCOMPARE(report.outcome, FeedSyncReport::Outcome::New);
        QCOMPARE(report.newItems, 3);
        ids.insert(report.feedId);
    }
    QCOMPARE(ids, (QSet<qint64>{first, second}));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 6);
    QCOMPARE(FeedRepository(m_db->connectionName()).feed(second).title, QStringLiteral("Other"));
}

void TestFeedSync::unknownFeedFails()
{
    const QList<FeedSyncReport> reports = sync({4711});
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).feedId, 4711);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::Failed);
    QVERIFY(!reports.at(0).error.isEmpty());
}

void TestFeedSync::cancelStopsTheRun()
{
    // A server that takes the request and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress(QHostAddress::LocalHost)));
    FeedRepository::NewFeed newFeed;
    newFeed.url = QStringLiteral("http://127.0.0.1:%1/feed").arg(silent.serverPort());
    const qint64 id = FeedRepository(m_db->connectionName()).addFeed(newFeed);

    FeedSync feedSync(m_db->database());
    QSignalSpy reports(&feedSync, &FeedSync::feedSynced);
    QSignalSpy finished(&feedSync, &FeedSync::finished);
    feedSync.start({id});
    QVERIFY(feedSync.isRunning());
    QTRY_VERIFY(silent.hasPendingConnections());
    feedSync.cancel();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(reports.isEmpty());
    QVERIFY(!feedSync.isRunning());
    QVERIFY(!FeedRepository(m_db->connectionName()).feed(id).lastFetched.isValid());
}

QTEST_GUILESS_MAIN(TestFeedSync)
#include "tst_feedsync.moc"
