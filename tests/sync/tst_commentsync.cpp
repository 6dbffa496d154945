// Tests FeedSync's comments feeds end to end: items' wfw:commentRss and Atom replies links served
// on 127.0.0.1, their entries stored as nested replies by their own authors.
#include "feedrepository.h"
#include "feedsync.h"
#include "fetchscheduler.h"
#include "scriptedhttpserver.h"
#include "testdatabase.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// An RSS date this many days before now.
QByteArray daysAgo(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(-days).toString(Qt::RFC2822Date).toLatin1();
}

} // namespace

class TestCommentSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void repliesAreStoredNested();
    void notFollowedFetchesNoComments();
    void secondSyncIsNotModified();
    void brokenCommentsFeedIsReported();
    void cancelDuringComments();

private:
    [[nodiscard]] QString url(const QString &path) const;
    [[nodiscard]] QByteArray blog() const;
    qint64 addFeed(bool followComments);
    QList<FeedSyncReport> sync(qint64 feedId, QList<QPair<int, int>> *progress = nullptr);
    [[nodiscard]] qint64 count(const QString &sql, const QVariantList &values = {}) const
    {
        return m_db->count(sql, values);
    }
    [[nodiscard]] qint64 postId(const QString &externalId) const;

    QHttpServer m_server;
    quint16 m_port = 0;
    std::unique_ptr<TestDatabase> m_db;
    QHash<QString, int> m_requests;
    QHash<QString, int> m_notModified;
    QByteArray m_firstComment;
    bool m_broken = false;
    QString m_silentComments; // when set, item one's comments feed is here
};

QString TestCommentSync::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

QByteArray TestCommentSync::blog() const
{
    const QByteArray first = m_silentComments.isEmpty() ? url(u"/comments/1"_s).toUtf8()
                                                        : m_silentComments.toUtf8();
    // Three recent items (RSS comments, Atom replies, none) and one too old to follow.
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
     xmlns:atom="http://www.w3.org/2005/Atom"><channel>
  <title>Team blog</title><link>https://blog.example.org/</link>
  <item><title>One</title><guid>item-1</guid><author>ada@example.org (Ada)</author>
    <link>https://blog.example.org/one</link>
    <pubDate>)"
           + daysAgo(1) + R"(</pubDate><description>First text</description>
    <wfw:commentRss>)"
           + first + R"(</wfw:commentRss></item>
  <item><title>Two</title><guid>item-2</guid><author>bob@example.org (Bob)</author>
    <pubDate>)"
           + daysAgo(2) + R"(</pubDate><description>Second text</description>
    <atom:link rel="replies" type="application/atom+xml" href=")"
           + url(u"/comments/2"_s).toUtf8() + R"("/></item>
  <item><title>Three</title><guid>item-3</guid>
    <pubDate>)"
           + daysAgo(3) + R"(</pubDate><description>Third text</description></item>
  <item><title>Old</title><guid>item-old</guid>
    <pubDate>)"
           + daysAgo(FeedSync::CommentFeedDays + 10)
           + R"(</pubDate><description>Old text</description>
    <wfw:commentRss>)"
           + url(u"/comments/old"_s).toUtf8() + R"(</wfw:commentRss></item>
</channel></rss>
)";
}

void TestCommentSync::initTestCase()
{
    m_server.route(u"/blog"_s, [this] {
        ++m_requests[u"/blog"_s];
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"), blog());
    });
    // RSS comments: Carol on the item, Dan answering Carol.
    m_server.route(u"/comments/1"_s, [this](const QHttpServerRequest &request) {
        ++m_requests[u"/comments/1"_s];
        const QByteArray etag
            = '"' + QCryptographicHash::hash(m_firstComment, QCryptographicHash::Sha1).toHex()
              + '"';
        if (request.value("If-None-Match") == etag) {
            ++m_notModified[u"/comments/1"_s];
            QHttpServerResponse response(QHttpServerResponse::StatusCode::NotModified);
            response.addHeader(QByteArrayLiteral("ETag"), etag);
            return response;
        }
        const QByteArray body = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:thr="http://purl.org/syndication/thread/1.0"><channel><title>Comments on One</title>
  <item><title>Re: One</title><guid>comment-1</guid><dc:creator>Carol</dc:creator>
    <pubDate>)" + daysAgo(1) + R"(</pubDate><description>)"
                                + m_firstComment + R"(</description></item>
  <item><title>Re: Re: One</title><guid>comment-2</guid><dc:creator>Dan</dc:creator>
    <thr:in-reply-to ref="comment-1"/>
    <pubDate>)" + daysAgo(0) + R"(</pubDate><description>I agree, Carol</description></item>
</channel></rss>
)";
        QHttpServerResponse response(QByteArrayLiteral("application/rss+xml"), body);
        response.addHeader(QByteArrayLiteral("ETag"), etag);
        return response;
    });
    // Atom replies with a Last-Modified validator: Erin on the item.
    m_server.route(u"/comments/2"_s, [this](const QHttpServerRequest &request) {
        ++m_requests[u"/comments/2"_s];
        if (m_broken) {
            return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                       QByteArrayLiteral("oops"),
                                       QHttpServerResponse::StatusCode::InternalServerError);
        }
        const QByteArray modified = QByteArrayLiteral("Wed, 21 Oct 2026 07:28:00 GMT");
        if (request.value("If-Modified-Since") == modified) {
            ++m_notModified[u"/comments/2"_s];
            return QHttpServerResponse(QHttpServerResponse::StatusCode::NotModified);
        }
        const QByteArray body = R"(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Comments on Two</title>
  <id>urn:comments:2</id><updated>2026-10-21T07:28:00Z</updated>
  <entry><id>urn:comment:erin</id><title>Nice</title>
    <author><name>Erin</name><email>erin@example.org</email></author>
    <updated>)" + QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1()
                                + R"(</updated><content type="text">Nice post, Bob</content></entry>
</feed>
)";
        QHttpServerResponse response(QByteArrayLiteral("application/atom+xml"), body);
        response.addHeader(QByteArrayLiteral("Last-Modified"), modified);
        return response;
    });
    m_server.route(u"/comments/old"_s, [this] {
        ++m_requests[u"/comments/old"_s];
        return QHttpServerResponse(QHttpServerResponse::StatusCode::NotFound);
    });
    m_port = m_server.listen(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(m_port != 0);
}

void TestCommentSync::init()
{
    m_requests.clear();
    m_notModified.clear();
    m_firstComment = QByteArrayLiteral("Great news");
    m_broken = false;
    m_silentComments.clear();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void TestCommentSync::cleanup()
{
    m_db.reset();
}

qint64 TestCommentSync::addFeed(bool followComments)
{
    FeedRepository::NewFeed feed;
    feed.url = url(u"/blog"_s);
    feed.followComments = followComments;
    return FeedRepository(m_db->connectionName()).addFeed(feed);
}

QList<FeedSyncReport> TestCommentSync::sync(qint64 feedId, QList<QPair<int, int>> *progress)
{
    FeedSync feedSync(m_db->database());
    feedSync.scheduler()->setHostSpacing(0);
    QList<FeedSyncReport> reports;
    connect(&feedSync, &FeedSync::feedSynced, this, [&reports](const FeedSyncReport &report) {
        reports.append(report);
    });
    connect(&feedSync, &FeedSync::progress, this, [progress](int done, int total) {
        if (progress)
            progress->append({done, total});
    });
    QSignalSpy finished(&feedSync, &FeedSync::finished);
    feedSync.start({feedId});
    if (!finished.wait(20000))
        return {};
    return reports;
}

qint64 TestCommentSync::postId(const QString &externalId) const
{
    return m_db->scalar(u"SELECT id FROM posts WHERE external_id = ?"_s, {externalId}).toLongLong();
}

void TestCommentSync::repliesAreStoredNested()
{
    const qint64 id = addFeed(true);
    QList<QPair<int, int>> progress;
    const QList<FeedSyncReport> reports = sync(id, &progress);
    QCOMPARE(reports.size(), 1);
    const FeedSyncReport &report = reports.at(0);
    QCOMPARE(report.outcome, FeedSyncReport::Outcome::New);
    QCOMPARE(report.newItems, 4);
    QCOMPARE(report.commentFeeds, 2);
    QCOMPARE(report.newComments, 3);
    QCOMPARE(report.commentFeedsFailed, 0);
    QVERIFY(report.commentErrors.isEmpty());
    // The feed and its two comments feeds; the old item's is not fetched.
    QCOMPARE(progress.constLast(), (QPair<int, int>(3, 3)));
    QCOMPARE(m_requests.value(u"/comments/1"_s), 1);
    QCOMPARE(m_requests.value(u"/comments/2"_s), 1);
    QCOMPARE(m_requests.value(u"/comments/old"_s), 0);

    QCOMPARE(count(u"SELECT COUNT(*) FROM discussions"_s), 4);
    QCOMPARE(count(u"SELECT COUNT(*) FROM posts"_s), 7);
    // Carol answers the item, Dan answers Carol, Erin answers the second item.
    QCOMPARE(postId(u"comment-1"_s) > 0, true);
    QCOMPARE(m_db->scalar(u"SELECT parent_id FROM posts WHERE external_id = 'comment-1'"_s)
                 .toLongLong(),
             postId(u"item-1"_s));
    QCOMPARE(m_db->scalar(u"SELECT parent_id FROM posts WHERE external_id = 'comment-2'"_s)
                 .toLongLong(),
             postId(u"comment-1"_s));
    QCOMPARE(m_db->scalar(u"SELECT parent_id FROM posts WHERE external_id = 'urn:comment:erin'"_s)
                 .toLongLong(),
             postId(u"item-2"_s));
    const QString authorOf = u"SELECT m.display_name FROM posts p JOIN members m ON m.id = "
                             "p.author_id WHERE p.external_id = ?"_s;
    QCOMPARE(m_db->scalar(authorOf, {u"comment-1"_s}).toString(), u"Carol"_s);
    QCOMPARE(m_db->scalar(authorOf, {u"comment-2"_s}).toString(), u"Dan"_s);
    QCOMPARE(m_db->scalar(authorOf, {u"urn:comment:erin"_s}).toString(), u"Erin"_s);
    // The replies belong to the item's discussion, whose figures count them.
    QCOMPARE(count(u"SELECT post_count FROM discussions d JOIN feed_items i ON i.discussion_id = "
                   "d.id WHERE i.dedup_key = 'item-1'"_s),
             3);
    QCOMPARE(count(u"SELECT participant_count FROM discussions d JOIN feed_items i ON "
                   "i.discussion_id = d.id WHERE i.dedup_key = 'item-2'"_s),
             2);
    QCOMPARE(count(u"SELECT replies_received FROM members WHERE display_name = 'Carol'"_s), 1);
}

void TestCommentSync::notFollowedFetchesNoComments()
{
    const qint64 id = addFeed(false);
    QList<QPair<int, int>> progress;
    const QList<FeedSyncReport> reports = sync(id, &progress);
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::New);
    QCOMPARE(reports.at(0).commentFeeds, 0);
    QCOMPARE(reports.at(0).newComments, 0);
    QCOMPARE(m_requests.value(u"/blog"_s), 1);
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(progress.constLast(), (QPair<int, int>(1, 1)));
    QCOMPARE(count(u"SELECT COUNT(*) FROM posts"_s), 4);
    QCOMPARE(count(u"SELECT COUNT(*) FROM feed_items WHERE comments_url IS NOT NULL"_s), 3);
}

void TestCommentSync::secondSyncIsNotModified()
{
    const qint64 id = addFeed(true);
    QCOMPARE(sync(id).value(0).newComments, 3);

    // The validators go back: both comments feeds answer 304, nothing is added.
    QList<FeedSyncReport> reports = sync(id);
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).commentFeeds, 2);
    QCOMPARE(reports.at(0).newComments, 0);
    QCOMPARE(reports.at(0).commentFeedsFailed, 0);
    QCOMPARE(m_notModified.value(u"/comments/1"_s), 1);
    QCOMPARE(m_notModified.value(u"/comments/2"_s), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM posts"_s), 7);

    // A comment edited: the same post changes, no second copy appears.
    m_firstComment = QByteArrayLiteral("Great news, edited");
    reports = sync(id);
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).newComments, 0);
    QCOMPARE(m_notModified.value(u"/comments/1"_s), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM posts"_s), 7);
    QCOMPARE(count(u"SELECT COUNT(*) FROM posts WHERE external_id = 'comment-1'"_s), 1);
    QCOMPARE(m_db->scalar(u"SELECT body_text FROM posts WHERE external_id = 'comment-1'"_s)
                 .toString(),
             u"Great news, edited"_s);
    QCOMPARE(count(u"SELECT COUNT(*) FROM members WHERE display_name = 'Carol'"_s), 1);
}

void TestCommentSync::brokenCommentsFeedIsReported()
{
    m_broken = true;
    const qint64 id = addFeed(true);
    const QList<FeedSyncReport> reports = sync(id);
    QCOMPARE(reports.size(), 1);
    const FeedSyncReport &report = reports.at(0);
    // The feed itself is fine; the failing comments feed is counted and named.
    QCOMPARE(report.outcome, FeedSyncReport::Outcome::New);
    QVERIFY(report.error.isEmpty());
    QCOMPARE(report.commentFeeds, 2);
    QCOMPARE(report.commentFeedsFailed, 1);
    QCOMPARE(report.newComments, 2);
    QCOMPARE(report.commentErrors.size(), 1);
    QVERIFY2(report.commentErrors.at(0).contains(url(u"/comments/2"_s)),
             qPrintable(report.commentErrors.at(0)));
    QVERIFY2(report.commentErrors.at(0).contains(u"HTTP 500"_s),
             qPrintable(report.commentErrors.at(0)));
    const FeedRepository::Feed feed = FeedRepository(m_db->connectionName()).feed(id);
    QVERIFY(feed.errorText.isEmpty());
    QCOMPARE(feed.status, u"active"_s);
    QCOMPARE(count(u"SELECT COUNT(*) FROM posts"_s), 6);

    // Mended, it is fetched in full next time: no validators were kept from the failure.
    m_broken = false;
    const QList<FeedSyncReport> again = sync(id);
    QCOMPARE(again.value(0).newComments, 1);
    QCOMPARE(again.value(0).commentFeedsFailed, 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM posts"_s), 7);
}

void TestCommentSync::cancelDuringComments()
{
    ScriptedHttpServer silent;
    silent.stayQuiet("/comments");
    m_silentComments = silent.url("/comments").toString();
    const qint64 id = addFeed(true);

    FeedSync feedSync(m_db->database());
    feedSync.scheduler()->setHostSpacing(0);
    QSignalSpy reports(&feedSync, &FeedSync::feedSynced);
    QSignalSpy finished(&feedSync, &FeedSync::finished);
    feedSync.start({id});
    QTRY_COMPARE(silent.requests("/comments"), 1);
    QElapsedTimer timer;
    timer.start();
    feedSync.cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(finished.size(), 1);
    QVERIFY(reports.isEmpty());
    QVERIFY(!feedSync.isRunning());
    // The feed itself was stored before its comments were asked for.
    QCOMPARE(count(u"SELECT COUNT(*) FROM feed_items"_s), 4);
}

QTEST_GUILESS_MAIN(TestCommentSync)
#include "tst_commentsync.moc"
