// Tests FeedSync end to end: feeds served on 127.0.0.1, fetched, parsed and stored.
#include "feedfetcher.h"
// Tests FeedSync end to end: feeds served on 127.0.0.1, fetched, parsed and stored. With
// WATERCOOLER_TEST_KEYCHAIN=1 (a private keyring) feed passwords come from the keychain,
// otherwise from the password source that stands in for a missing keychain.
#include "credentialstore.h"
#include "feedrepository.h"
#include "feedsync.h"
#include "fetchscheduler.h"
#include "scriptedhttpserver.h"
#include "sqlquery.h"
#include "testdatabase.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;

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

// The scripted answers a fault case serves: path -> the whole response.
using Answers = QHash<QByteArray, QByteArray>;

QByteArray redirect(const QByteArray &status, const QByteArray &location)
{
    return ScriptedHttpServer::response(status, {"Location: " + location});
}

QByteArray rssAnswer(const QByteArray &body, const QByteArray &contentType)
{
    return ScriptedHttpServer::response("200 OK",
                                        {"Content-Type: " + contentType, "ETag: \"v1\""},
                                        body);
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
    void storedAgainKeepsReadAndStarred();
    void goneKeepsDiscussions();
    void htmlPageFails();
    void permanentRedirectMoves();
    void newFeedUrlMoves();
    void twoFeedsOnOneHost();
    void unknownFeedFails();
    void cancelStopsTheRun();
    void cancelledFeedStaysOutOfTheNextRun();
    void ownRefreshInterval();
    void faultKeepsEarlierData_data();
    void faultKeepsEarlierData();
    void basicAuthRightPassword();
    void basicAuthWrongPassword();
    void basicAuthWithoutUser();
    void noPasswordNoRequest();
    void credentialsStayWithTheOrigin();
    void ttlAndIntervalSetTheNextFetch();
    void failuresCarryOverToTheNextRun();

private:
    static bool keychainExpected();
    void signIn(qint64 feedId, const QString &user, const QString &password);
    QString url(const QString &path) const;
    qint64 addFeed(const QString &path);
    QList<FeedSyncReport> sync(const QList<qint64> &feedIds = {});
    qint64 count(const QString &sql, const QVariantList &values = {}) const;
    // The feed's items, their discussions and posts, one line per row.
    QStringList snapshot(qint64 feedId) const;

    QHttpServer m_server;
    quint16 m_port = 0;
    // Another origin (another port) that a protected feed redirects to.
    QHttpServer m_elsewhere;
    quint16 m_elsewherePort = 0;
    // The Authorization headers each path received, in order.
    QHash<QString, QList<QByteArray>> m_authorizations;
    // What the password source answers when the keychain cannot; nothing when unset.
    std::optional<QString> m_sourcePassword;
    int m_asked = 0;
    QByteArray m_ttl;
    std::unique_ptr<TestDatabase> m_db;
    QByteArray m_body;
    QByteArray m_etag;
    bool m_gone = false;
    bool m_html = false;
    ScriptedHttpServer m_scripted;
    int m_timeoutMs = FeedFetcher::DefaultTimeoutMs;
    qint64 m_maximumSize = FeedFetcher::DefaultMaximumSize;
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
    // Wants alice:secret, like a private company feed.
    const auto protectedFeed = [this](const QHttpServerRequest &request) {
        const QByteArray authorization = header(request, "Authorization");
        m_authorizations[request.url().path()].append(authorization);
        if (authorization != "Basic " + QByteArrayLiteral("alice:secret").toBase64()) {
            QHttpServerResponse response(QHttpServerResponse::StatusCode::Unauthorized);
            response.addHeader(QByteArrayLiteral("WWW-Authenticate"),
                               QByteArrayLiteral("Basic realm=\"team\""));
            return response;
        }
        if (request.url().path() == QLatin1String("/private-moves")) {
            QHttpServerResponse response(Status::Found);
            response
                .addHeader(QByteArrayLiteral("Location"),
                           QStringLiteral("http://127.0.0.1:%1/feed").arg(m_elsewherePort).toUtf8());
            return response;
        }
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"),
                                   rss("Private", "Secret text"));
    };
    m_server.route(QStringLiteral("/private"), protectedFeed);
    m_server.route(QStringLiteral("/private-moves"), protectedFeed);
    m_server.route(QStringLiteral("/ttl"), [this] {
        QByteArray body = rss("Slow", "Text");
        body.replace(QByteArrayLiteral("<channel>"),
                     QByteArray(QByteArrayLiteral("<channel><ttl>") + m_ttl
                                + QByteArrayLiteral("</ttl>")));
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"), body);
    });
    m_server.route(QStringLiteral("/broken"),
                   [] { return QHttpServerResponse(Status::InternalServerError); });
    m_port = m_server.listen(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(m_port != 0);
    m_elsewhere.route(QStringLiteral("/feed"), [this](const QHttpServerRequest &request) {
        m_authorizations[QStringLiteral("elsewhere")].append(header(request, "Authorization"));
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"),
                                   rss("Elsewhere", "Text"));
    });
    m_elsewherePort = m_elsewhere.listen(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(m_elsewherePort != 0);
}

bool TestFeedSync::keychainExpected()
{
    return qEnvironmentVariable("WATERCOOLER_TEST_KEYCHAIN") == QLatin1String("1");
}

void TestFeedSync::signIn(qint64 feedId, const QString &user, const QString &password)
{
    FeedRepository repository(m_db->connectionName());
    FeedRepository::FeedSettings settings = repository.settings(feedId);
    settings.authUser = user;
    repository.updateFeedSettings(feedId, settings);
    if (keychainExpected()) {
        const QString key = CredentialStore::keyForFeed(QUrl(repository.feed(feedId).url), user);
        const CredentialStore::Result written = CredentialStore::writeKeyBlocking(key,
                                                                                  password,
                                                                                  10000);
        QCOMPARE(written.status, CredentialStore::Status::Done);
    } else {
        m_sourcePassword = password;
    }
}

void TestFeedSync::init()
{
    m_body = rss("Team blog", "Second text");
    m_etag.clear();
    m_gone = false;
    m_html = false;
    m_scripted.clear();
    m_timeoutMs = FeedFetcher::DefaultTimeoutMs;
    m_maximumSize = FeedFetcher::DefaultMaximumSize;
    m_authorizations.clear();
    m_sourcePassword.reset();
    m_asked = 0;
    m_ttl.clear();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void TestFeedSync::cleanup()
{
    if (keychainExpected()) {
        // Each test starts without a saved password.
        const auto removed = CredentialStore::removeKeyBlocking(
            CredentialStore::keyForFeed(QUrl(url(QStringLiteral("/"))), QStringLiteral("alice")),
            10000);
        Q_UNUSED(removed)
    }
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
    feedSync.scheduler()->fetcher()->setTimeout(m_timeoutMs);
    feedSync.scheduler()->fetcher()->setMaximumSize(m_maximumSize);
    feedSync.setPasswordSource([this](const FeedPasswordRequest &request) {
        ++m_asked;
        [&request] { QCOMPARE(request.user, QStringLiteral("alice")); }();
        return m_sourcePassword;
    });
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

QStringList TestFeedSync::snapshot(qint64 feedId) const
{
    const QString discussions = QStringLiteral(
        "(SELECT discussion_id FROM feed_items WHERE feed_id = ?)");
    const QStringList queries{
        QStringLiteral("SELECT dedup_key, title, link, comments_url, discussion_id, published_at "
                       "FROM feed_items WHERE feed_id = ? ORDER BY dedup_key"),
        QStringLiteral("SELECT id, external_id, title, url, created_at, post_count FROM "
                       "discussions WHERE id IN ")
            + discussions + QStringLiteral(" ORDER BY id"),
        QStringLiteral("SELECT id, discussion_id, parent_id, author_id, external_id, created_at, "
                       "body_text, body_html, url FROM posts WHERE discussion_id IN ")
            + discussions + QStringLiteral(" ORDER BY id")};
    QStringList lines;
    for (const QString &sql : queries) {
        QSqlQuery query(QSqlDatabase::database(m_db->connectionName()));
        query.prepare(sql);
        query.addBindValue(feedId);
        if (!query.exec())
            return {query.lastError().text()};
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << (query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
            lines << values.join(QLatin1String(" | "));
        }
    }
    return lines;
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

void TestFeedSync::storedAgainKeepsReadAndStarred()
{
    const qint64 id = addFeed(QStringLiteral("/feed"));
    QCOMPARE(sync().size(), 1);
    const QString itemId = QStringLiteral("SELECT id FROM feed_items WHERE dedup_key = ?");
    const qint64 first = count(itemId, {QStringLiteral("item-1")});
    const qint64 second = count(itemId, {QStringLiteral("item-2")});
    FeedRepository repository(m_db->connectionName());
    repository.setRead(first, true);
    repository.setStarred(second, true);

    // The whole document is stored again: a renamed item, a changed text and a new item.
    m_body = rss("Team blog", "Second text, corrected");
    m_body.replace("<title>Two</title>", "<title>Two, renamed</title>");
    m_body.replace("</channel>",
                   "<item><title>Four</title><guid>item-4</guid><author>carol@example.org (Carol)"
                   "</author><pubDate>Wed, 04 Mar 2026 10:00:00 GMT</pubDate><description>"
                   "Fourth text</description></item></channel>");
    const QList<FeedSyncReport> reports = sync({id});
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::New);
    QCOMPARE(reports.at(0).newItems, 1);

    // The same rows, with the flags the reader set.
    QCOMPARE(count(itemId, {QStringLiteral("item-1")}), first);
    QCOMPARE(count(itemId, {QStringLiteral("item-2")}), second);
    const QString flags = QStringLiteral(
        "SELECT is_read * 10 + is_starred FROM feed_items WHERE dedup_key = ?");
    QCOMPARE(count(flags, {QStringLiteral("item-1")}), 10);
    QCOMPARE(count(flags, {QStringLiteral("item-2")}), 1);
    QCOMPARE(count(flags, {QStringLiteral("item-3")}), 0);
    QCOMPARE(count(flags, {QStringLiteral("item-4")}), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE title = ?"),
                   {QStringLiteral("Two, renamed")}),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM feed_items")), 4);
    // Every item is one discussion with its one post, counted as such.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 4);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM discussions WHERE post_count = 1 AND "
                                  "participant_count = 1 AND last_post_at = created_at")),
             4);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE body_text LIKE ?"),
                   {QStringLiteral("%corrected%")}),
             1);
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

void TestFeedSync::cancelledFeedStaysOutOfTheNextRun()
{
    // A feed large enough that parsing it outlasts the cancel and the start of the next run.
    QByteArray items;
    for (int i = 0; i < 3000; ++i) {
        items += "<item><title>Item " + QByteArray::number(i) + "</title><guid>big-"
                 + QByteArray::number(i) + "</guid><description>&lt;p&gt;Text of item "
                 + QByteArray::number(i) + " with a &lt;a href=\"/x\"&gt;link&lt;/a&gt;, #tag and "
                 + "@someone.&lt;/p&gt;</description></item>\n";
    }
    m_scripted.answer("/big",
                      rssAnswer("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big"
                                "</title>"
                                    + items + "</channel></rss>",
                                "application/rss+xml"));
    // The next run lasts until this feed times out, long after the big feed is parsed.
    m_scripted.stayQuiet("/quiet");
    FeedRepository repository(m_db->connectionName());
    FeedRepository::NewFeed newFeed;
    newFeed.url = m_scripted.url("/big").toString();
    const qint64 big = repository.addFeed(newFeed);
    newFeed.url = m_scripted.url("/quiet").toString();
    const qint64 quiet = repository.addFeed(newFeed);
    const qint64 other = addFeed(QStringLiteral("/other"));

    FeedSync feedSync(m_db->database());
    feedSync.scheduler()->setHostSpacing(0);
    feedSync.scheduler()->fetcher()->setTimeout(1500);
    QList<FeedSyncReport> reports;
    connect(&feedSync, &FeedSync::feedSynced, this, [&reports](const FeedSyncReport &report) {
        reports.append(report);
    });
    QList<std::pair<int, int>> progress;
    connect(&feedSync, &FeedSync::progress, this, [&progress](int done, int total) {
        progress.append({done, total});
    });
    // Cancelled as soon as the big body is fetched, while it is being parsed.
    bool fetched = false;
    connect(feedSync.scheduler(),
            &FetchScheduler::feedFinished,
            this,
            [&](const FetchResult &result) {
                if (result.feedId == big && !fetched) {
                    fetched = true;
                    feedSync.cancel();
                }
            });
    QSignalSpy finished(&feedSync, &FeedSync::finished);
    feedSync.start({big});
    QVERIFY(finished.wait(10000));
    QVERIFY(fetched);
    QVERIFY(reports.isEmpty());

    progress.clear();
    feedSync.start({other, quiet});
    QVERIFY(finished.wait(20000));
    QCOMPARE(reports.size(), 2);
    QSet<qint64> reported;
    for (const FeedSyncReport &report : std::as_const(reports))
        reported.insert(report.feedId);
    QCOMPARE(reported, (QSet<qint64>{other, quiet}));
    QCOMPARE(progress.constLast(), (std::pair<int, int>{2, 2}));
    // Nothing of the cancelled feed was stored, then or later.
    QTest::qWait(200);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE feed_id = ?"), {big}), 0);
    QVERIFY(!repository.feed(big).lastFetched.isValid());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE feed_id = ?"), {other}), 3);
}

void TestFeedSync::ownRefreshInterval()
{
    const qint64 id = addFeed(QStringLiteral("/feed"));
    // No screen sets the interval yet; the column does.
    SqlQuery(m_db->connectionName(),
             QStringLiteral("UPDATE feeds SET refresh_interval_s = 7200 WHERE id = ?"))
        .bind(id)
        .exec();
    const QDateTime start = QDateTime::currentDateTimeUtc();
    QCOMPARE(sync().size(), 1);
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime next = FeedRepository(m_db->connectionName()).feed(id).nextFetch;
    QVERIFY2(next >= start.addSecs(7199) && next <= end.addSecs(7201),
             qPrintable(next.toString(Qt::ISODate)));
}

void TestFeedSync::faultKeepsEarlierData_data()
{
    QTest::addColumn<Answers>("answers");
    QTest::addColumn<FeedSyncReport::Outcome>("outcome");
    QTest::addColumn<int>("httpStatus"); // 0: none
    QTest::addColumn<QString>("error");  // part of the error text; empty: no error
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("nextIn"); // seconds to the next fetch; -1: never
    QTest::addColumn<QByteArray>("storedAt");
    // Empty: the feed's items, discussions and posts stay exactly as they were; else a text the
    // second item holds now.
    QTest::addColumn<QString>("storedText");

    using Outcome = FeedSyncReport::Outcome;
    const QByteArray rssType = "application/rss+xml; charset=utf-8";
    const int refresh = FetchScheduler::DefaultRefreshIntervalSeconds;
    const QByteArray good = rssAnswer(rss("Team blog", "Second text"), rssType);
    const QByteArray undeclared = rss("Team blog", "Caf\xc3\xa9 au lait")
                                      .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");

    QTest::newRow("304") << Answers{{"/f",
                                     ScriptedHttpServer::response("304 Not Modified",
                                                                  {"ETag: \"v1\""})}}
                         << Outcome::NotModified << 304 << QString() << u"active"_s << refresh
                         << QByteArray("/f") << QString();
    QTest::newRow("301 then 308") << Answers{{"/f", redirect("301 Moved Permanently", "/f2")},
                                             {"/f2", redirect("308 Permanent Redirect", "/good")},
                                             {"/good", good}}
                                  << Outcome::Moved << 200 << QString() << u"active"_s << refresh
                                  << QByteArray("/good") << QString();
    QTest::newRow("302 then 302") << Answers{{"/f", redirect("302 Found", "/t")},
                                             {"/t", redirect("302 Found", "/good")},
                                             {"/good", good}}
                                  << Outcome::Updated << 200 << QString() << u"active"_s << refresh
                                  << QByteArray("/f") << QString();
    QTest::newRow("301 then 302") << Answers{{"/f", redirect("301 Moved Permanently", "/t")},
                                             {"/t", redirect("302 Found", "/good")},
                                             {"/good", good}}
                                  << Outcome::Moved << 200 << QString() << u"active"_s << refresh
                                  << QByteArray("/t") << QString();
    QTest::newRow("302 loop") << Answers{{"/f", redirect("302 Found", "/loop")},
                                         {"/loop", redirect("302 Found", "/f")}}
                              << Outcome::Failed << 302 << u"redirects in a loop"_s << u"active"_s
                              << refresh << QByteArray("/f") << QString();
    QTest::newRow("301 and 308 loop") << Answers{{"/f", redirect("301 Moved Permanently", "/p")},
                                                 {"/p", redirect("308 Permanent Redirect", "/f")}}
                                      << Outcome::Failed << 308 << u"redirects in a loop"_s
                                      << u"active"_s << refresh << QByteArray("/f") << QString();
    QTest::newRow("410") << Answers{{"/f", ScriptedHttpServer::response("410 Gone", {})}}
                         << Outcome::Gone << 410 << u"gone for good (HTTP 410)"_s << u"gone"_s << -1
                         << QByteArray("/f") << QString();
    QTest::newRow("429 with Retry-After")
        << Answers{{"/f",
                    ScriptedHttpServer::response("429 Too Many Requests", {"Retry-After: 7200"})}}
        << Outcome::Failed << 429 << u"asks to wait before fetching again (HTTP 429)"_s
        << u"active"_s << 7200 << QByteArray("/f") << QString();
    QTest::newRow("500") << Answers{{"/f",
                                     ScriptedHttpServer::response("500 Internal Server Error",
                                                                  {"Content-Type: text/plain"},
                                                                  "oops")}}
                         << Outcome::Failed << 500 << u"internal error (HTTP 500)"_s << u"active"_s
                         << refresh << QByteArray("/f") << QString();
    QTest::newRow("dropped mid-body")
        << Answers{{"/f",
                    ScriptedHttpServer::response("200 OK",
                                                 {"Content-Type: application/rss+xml",
                                                  "Content-Length: 10000"},
                                                 "<rss version=\"2.0\"><chan")}}
        << Outcome::Failed << 200 << u"closed before the feed was complete"_s << u"active"_s
        << refresh << QByteArray("/f") << QString();
    QTest::newRow("never answers") << Answers{{"/f", QByteArray()}} << Outcome::Failed << 0
                                   << u"did not answer within 1 seconds"_s << u"active"_s << refresh
                                   << QByteArray("/f") << QString();
    const QByteArray huge(2 * 1024 * 1024, 'x');
    QTest::newRow("far over the size cap")
        << Answers{{"/f",
                    ScriptedHttpServer::response("200 OK",
                                                 {"Content-Type: application/rss+xml"},
                                                 huge)}}
        << Outcome::Failed << 200 << u"larger than the limit of 0.0625 MB"_s << u"active"_s
        << refresh << QByteArray("/f") << QString();
    QTest::newRow("far over the size cap, no length")
        << Answers{{"/f",
                    "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: "
                    "close\r\n\r\n"
                        + huge}}
        << Outcome::Failed << 200 << u"larger than the limit of 0.0625 MB"_s << u"active"_s
        << refresh << QByteArray("/f") << QString();
    QTest::newRow("broken gzip") << Answers{{"/f",
                                             ScriptedHttpServer::response(
                                                 "200 OK",
                                                 {"Content-Type: application/rss+xml",
                                                  "Content-Encoding: gzip"},
                                                 "this is not gzip data, not at all")}}
                                 << Outcome::Failed << 200 << u"compressed data is damaged"_s
                                 << u"active"_s << refresh << QByteArray("/f") << QString();
    QTest::newRow("html page") << Answers{{"/f",
                                           ScriptedHttpServer::response(
                                               "200 OK",
                                               {"Content-Type: text/html; charset=utf-8"},
                                               "<html><body>Sorry</body></html>")}}
                               << Outcome::Failed << 200
                               << u"The server sent text/html, not a feed"_s << u"active"_s
                               << refresh << QByteArray("/f") << QString();
    QTest::newRow("latin-1 labelled utf-8")
        << Answers{{"/f", rssAnswer(rss("Team blog", "Caf\xe9 au lait"), rssType)}}
        << Outcome::Updated << 200 << QString() << u"active"_s << refresh << QByteArray("/f")
        << u"Café au lait"_s;
    QTest::newRow("utf-8 labelled latin-1")
        << Answers{{"/f", rssAnswer(undeclared, "application/rss+xml; charset=ISO-8859-1")}}
        << Outcome::Updated << 200 << QString() << u"active"_s << refresh << QByteArray("/f")
        << u"Café au lait"_s;
}

void TestFeedSync::faultKeepsEarlierData()
{
    QFETCH(Answers, answers);
    QFETCH(FeedSyncReport::Outcome, outcome);
    QFETCH(int, httpStatus);
    QFETCH(QString, error);
    QFETCH(QString, status);
    QFETCH(int, nextIn);
    QFETCH(QByteArray, storedAt);
    QFETCH(QString, storedText);

    m_timeoutMs = 1000;
    m_maximumSize = 64 * 1024;
    m_scripted.answer("/f", rssAnswer(rss("Team blog", "Second text"), "application/rss+xml"));
    FeedRepository::NewFeed newFeed;
    newFeed.url = m_scripted.url("/f").toString();
    FeedRepository repository(m_db->connectionName());
    const qint64 id = repository.addFeed(newFeed);
    QList<FeedSyncReport> reports = sync({id});
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::New);
    const QStringList before = snapshot(id);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM posts")), 3);

    for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
        if (it.value().isEmpty())
            m_scripted.stayQuiet(it.key());
        else
            m_scripted.answer(it.key(), it.value());
    }
    const QDateTime start = QDateTime::currentDateTimeUtc();
    reports = sync({id});
    const QDateTime end = QDateTime::currentDateTimeUtc();

    QCOMPARE(reports.size(), 1);
    const FeedSyncReport &report = reports.at(0);
    QCOMPARE(report.feedId, id);
    QCOMPARE(report.outcome, outcome);
    QCOMPARE(report.httpStatus, httpStatus);
    QCOMPARE(report.newItems, 0);
    if (error.isEmpty())
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    else
        QVERIFY2(report.error.contains(error), qPrintable(report.error));

    const FeedRepository::Feed feed = repository.feed(id);
    QCOMPARE(feed.httpStatus, httpStatus);
    QCOMPARE(count(QStringLiteral(
                       "SELECT COUNT(*) FROM feeds WHERE id = ? AND http_status IS NULL"),
                   {id}),
             httpStatus == 0 ? 1 : 0);
    QCOMPARE(feed.errorText, report.error);
    QCOMPARE(feed.status, status);
    QCOMPARE(feed.url, m_scripted.url(storedAt).toString());
    QCOMPARE(feed.title, QStringLiteral("Team blog"));
    QVERIFY(feed.lastFetched.isValid());
    if (nextIn < 0) {
        QVERIFY(!feed.nextFetch.isValid());
    } else {
        QVERIFY2(feed.nextFetch >= start.addSecs(nextIn - 1)
                     && feed.nextFetch <= end.addSecs(nextIn + 1),
                 qPrintable(feed.nextFetch.toString(Qt::ISODate)));
    }

    if (storedText.isEmpty()) {
        QCOMPARE(snapshot(id), before);
    } else {
        QCOMPARE(report.updatedItems, 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM posts")), 3);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT p.body_text FROM posts p JOIN feed_items i "
                                             "ON i.discussion_id = p.discussion_id WHERE "
                                             "i.dedup_key = 'item-2'"))
                     .toString(),
                 storedText);
    }
}

void TestFeedSync::basicAuthRightPassword()
{
    const qint64 first = addFeed(QStringLiteral("/private"));
    const qint64 second = addFeed(QStringLiteral("/private?copy"));
    signIn(first, QStringLiteral("alice"), QStringLiteral("secret"));
    signIn(second, QStringLiteral("alice"), QStringLiteral("secret"));

    const QList<FeedSyncReport> reports = sync();
    QCOMPARE(reports.size(), 2);
    for (const FeedSyncReport &report : reports) {
        QCOMPARE(report.outcome, FeedSyncReport::Outcome::New);
        QCOMPARE(report.httpStatus, 200);
    }
    const QList<QByteArray> seen = m_authorizations.value(QStringLiteral("/private"));
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen.at(0), "Basic " + QByteArrayLiteral("alice:secret").toBase64());
    // One user at one origin: asked once for both feeds (or not at all with a keychain).
    QCOMPARE(m_asked, keychainExpected() ? 0 : 1);
    QCOMPARE(FeedRepository(m_db->connectionName()).feed(first).title, QStringLiteral("Private"));
    // The password is nowhere in the database.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM feeds WHERE auth_user = 'alice'")), 2);
    for (const QString &table : {QStringLiteral("feeds"), QStringLiteral("sources")}) {
        QCOMPARE(count(
                     QStringLiteral("SELECT COUNT(*) FROM %1 WHERE url LIKE '%secret%'").arg(table)),
                 0);
    }
}

void TestFeedSync::basicAuthWrongPassword()
{
    const qint64 id = addFeed(QStringLiteral("/private"));
    signIn(id, QStringLiteral("alice"), QStringLiteral("guess"));

    const QList<FeedSyncReport> reports = sync();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::Failed);
    QCOMPARE(reports.at(0).httpStatus, 401);
    QVERIFY2(reports.at(0).error.contains(QStringLiteral("refused the user name and password")),
             qPrintable(reports.at(0).error));
    const FeedRepository::Feed feed = FeedRepository(m_db->connectionName()).feed(id);
    QCOMPARE(feed.errorText, reports.at(0).error);
    QCOMPARE(feed.consecutiveFailures, 1);
}

void TestFeedSync::basicAuthWithoutUser()
{
    addFeed(QStringLiteral("/private"));
    const QList<FeedSyncReport> reports = sync();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::Failed);
    QVERIFY2(reports.at(0).error.contains(QStringLiteral("wants a user name and password")),
             qPrintable(reports.at(0).error));
    QCOMPARE(m_authorizations.value(QStringLiteral("/private")), QList<QByteArray>{QByteArray()});
    QCOMPARE(m_asked, 0);
}

void TestFeedSync::noPasswordNoRequest()
{
    const qint64 id = addFeed(QStringLiteral("/private"));
    // A user without a password: none in the keychain, and the source has none either.
    FeedRepository repository(m_db->connectionName());
    FeedRepository::FeedSettings settings = repository.settings(id);
    settings.authUser = QStringLiteral("alice");
    repository.updateFeedSettings(id, settings);

    const QList<FeedSyncReport> reports = sync();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::Failed);
    QCOMPARE(reports.at(0).httpStatus, 0);
    QVERIFY2(reports.at(0).error.contains(QStringLiteral("alice")), qPrintable(reports.at(0).error));
    QVERIFY(m_authorizations.isEmpty());
    QCOMPARE(m_asked, 1);
    const FeedRepository::Feed feed = repository.feed(id);
    QCOMPARE(feed.errorText, reports.at(0).error);
    QCOMPARE(feed.status, QStringLiteral("active"));
    QVERIFY(feed.nextFetch.isValid());
}

void TestFeedSync::credentialsStayWithTheOrigin()
{
    const qint64 id = addFeed(QStringLiteral("/private-moves"));
    signIn(id, QStringLiteral("alice"), QStringLiteral("secret"));

    const QList<FeedSyncReport> reports = sync();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).outcome, FeedSyncReport::Outcome::New);
    QCOMPARE(m_authorizations.value(QStringLiteral("/private-moves")).size(), 1);
    QVERIFY(!m_authorizations.value(QStringLiteral("/private-moves")).constFirst().isEmpty());
    // The other origin got the request, but not the password.
    QCOMPARE(m_authorizations.value(QStringLiteral("elsewhere")), QList<QByteArray>{QByteArray()});
}

void TestFeedSync::ttlAndIntervalSetTheNextFetch()
{
    m_ttl = "120"; // minutes
    const qint64 id = addFeed(QStringLiteral("/ttl"));
    FeedRepository repository(m_db->connectionName());
    FeedRepository::FeedSettings settings = repository.settings(id);
    settings.refreshIntervalSeconds = 600;
    repository.updateFeedSettings(id, settings);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    QCOMPARE(sync().size(), 1);
    FeedRepository::Feed feed = repository.feed(id);
    QCOMPARE(feed.ttlSeconds, 7200);
    // The first fetch did not know the ttl yet, but its copy did.
    QVERIFY2(feed.nextFetch >= before.addSecs(7200 - 1),
             qPrintable(feed.nextFetch.toString(Qt::ISODate)));
    QVERIFY(feed.nextFetch <= QDateTime::currentDateTimeUtc().addSecs(7200 + 1));

    // The feed stops announcing one: its own interval counts again.
    m_ttl = "0";
    const QDateTime again = QDateTime::currentDateTimeUtc();
    QCOMPARE(sync({id}).size(), 1);
    feed = repository.feed(id);
    QCOMPARE(feed.ttlSeconds, 0);
    // The request still carried the ttl of the copy before.
    QVERIFY(feed.nextFetch >= again.addSecs(7200 - 1));
    QCOMPARE(sync({id}).size(), 1);
    feed = repository.feed(id);
    QVERIFY2(feed.nextFetch <= QDateTime::currentDateTimeUtc().addSecs(600 + 1),
             qPrintable(feed.nextFetch.toString(Qt::ISODate)));
}

void TestFeedSync::failuresCarryOverToTheNextRun()
{
    const qint64 id = addFeed(QStringLiteral("/broken"));
    FeedRepository repository(m_db->connectionName());
    FeedRepository::FeedSettings settings = repository.settings(id);
    settings.refreshIntervalSeconds = 600;
    repository.updateFeedSettings(id, settings);

    // Each run is a new FeedSync, as after a restart: the stored count goes on doubling.
    for (int run = 1; run <= 3; ++run) {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QCOMPARE(sync({id}).size(), 1);
        const FeedRepository::Feed feed = repository.feed(id);
        QCOMPARE(feed.consecutiveFailures, run);
        const qint64 wait = 600LL << (run - 1);
        QVERIFY2(feed.nextFetch >= before.addSecs(wait - 1)
                     && feed.nextFetch <= QDateTime::currentDateTimeUtc().addSecs(wait + 1),
                 qPrintable(QStringLiteral("run %1: %2")
                                .arg(run)
                                .arg(feed.nextFetch.toString(Qt::ISODate))));
    }
}

QTEST_GUILESS_MAIN(TestFeedSync)
#include "tst_feedsync.moc"
