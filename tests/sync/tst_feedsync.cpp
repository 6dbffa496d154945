// Tests FeedSync end to end: feeds served on 127.0.0.1, fetched, parsed and stored. With
// WATERCOOLER_TEST_KEYCHAIN=1 (a private keyring) feed passwords come from the keychain,
// otherwise from the password source that stands in for a missing keychain.
#include "credentialstore.h"
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
