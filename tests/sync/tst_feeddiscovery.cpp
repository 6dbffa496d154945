// Tests FeedDiscovery: feed links read from HTML, and whole discoveries against HTTP servers on
// 127.0.0.1 (linked feeds, a feed address, probed paths, errors, cancelling).
#include "feeddiscovery.h"
#include "feedsite.h"
#include "silentserver.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace {

using Candidate = FeedDiscovery::Candidate;
using Status = QHttpServerResponse::StatusCode;

const QByteArray jsonFeedBody = QByteArrayLiteral(
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Team JSON\", "
    "\"items\": []}");

QHttpServerResponse html(const QByteArray &body)
{
    return QHttpServerResponse(QByteArrayLiteral("text/html; charset=utf-8"), body);
}

QHttpServerResponse redirect(Status status, const QByteArray &location)
{
    QHttpServerResponse response(status);
    response.addHeader(QByteArrayLiteral("Location"), location);
    return response;
}

QStringList urls(const QList<Candidate> &candidates)
{
    QStringList list;
    for (const Candidate &candidate : candidates)
        list << candidate.url.toString();
    return list;
}

} // namespace

class TestFeedDiscovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void linkedFeeds_data();
    void linkedFeeds();
    void pageWithLinks();
    void jsonLinksAreChecked();
    void baseHrefOnTheServer();
    void addressIsAFeed();
    void movedFeedGivesItsNewAddress();
    void probesWellKnownPaths();
    void noFeedsAnywhere();
    void notFound();
    void unreachable();
    void notAWebAddress();
    void cancel();
    void discoverAgainReplacesTheRun();

private:
    [[nodiscard]] QUrl url(const QString &path, quint16 port = 0) const;
    [[nodiscard]] FeedDiscovery::Result discover(const QUrl &url);

    FeedSite m_server;  // pages with links, feeds, redirects
    QHttpServer m_site; // a site whose home page links to no feed
    QHttpServer m_bare; // neither links nor feeds anywhere
    quint16 m_port = 0;
    quint16 m_sitePort = 0;
    quint16 m_barePort = 0;
    QStringList m_siteRequests;
};

QUrl TestFeedDiscovery::url(const QString &path, quint16 port) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port ? port : m_port).arg(path));
}

FeedDiscovery::Result TestFeedDiscovery::discover(const QUrl &url)
{
    FeedDiscovery discovery;
    QSignalSpy spy(&discovery, &FeedDiscovery::finished);
    discovery.discover(url);
    if (!spy.wait(15000) || spy.size() != 1) {
        FeedDiscovery::Result timedOut;
        timedOut.errorString = QStringLiteral("no answer in time");
        return timedOut;
    }
    return spy.at(0).at(0).value<FeedDiscovery::Result>();
}

void TestFeedDiscovery::initTestCase()
{
    qRegisterMetaType<FeedDiscovery::Result>();
    m_server.server().route(QStringLiteral("/wordpress"), [] {
        // WordPress links its REST API as JSON; only the JSON Feed is a feed.
        return html(QByteArrayLiteral(
            "<html><head><link rel=\"alternate\" type=\"application/json\" title=\"JSON\" "
            "href=\"/wp-json/wp/v2/pages/2\">"
            "<link rel=\"alternate\" type=\"application/json\" title=\"Linked JSON\" "
            "href=\"/feed.json\"></head></html>"));
    });
    m_server.server().route(QStringLiteral("/wp-json/wp/v2/pages/2"), [] {
        return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                   QByteArrayLiteral("{\"id\": 2, \"title\": \"About\"}"));
    });
    m_server.server().route(QStringLiteral("/feed.json"), [] {
        return QHttpServerResponse(QByteArrayLiteral("application/feed+json"), jsonFeedBody);
    });
    m_server.server().route(QStringLiteral("/based/page"), [] {
        return html(QByteArrayLiteral("<html><head><link rel=alternate type=application/rss+xml "
                                      "href=posts.xml><base href=\"/feeds/\"></head></html>"));
    });
    m_server.server().route(QStringLiteral("/moved"),
                            [] { return redirect(Status::MovedPermanently, "/feeds/posts.xml"); });

    const auto record = [this](const QString &path, Status status) {
        m_siteRequests << path;
        return QHttpServerResponse(status);
    };
    m_site.route(QStringLiteral("/home"), [this] {
        m_siteRequests << QStringLiteral("/home");
        return html(QByteArrayLiteral("<html><head><title>Home</title></head></html>"));
    });
    // /feed moves for good to /index.xml, so the probe of /index.xml finds the same feed again.
    m_site.route(QStringLiteral("/feed"), [this] {
        m_siteRequests << QStringLiteral("/feed");
        return redirect(Status::MovedPermanently, "/index.xml");
    });
    m_site.route(QStringLiteral("/index.xml"), [this] {
        m_siteRequests << QStringLiteral("/index.xml");
        return QHttpServerResponse(QByteArrayLiteral("application/atom+xml"),
                                   FeedSite::atomFeed(QStringLiteral("Team comments")));
    });
    m_site.route(QStringLiteral("/atom.xml"), [this] {
        // A page where a feed was expected is no feed.
        m_siteRequests << QStringLiteral("/atom.xml");
        return html(QByteArrayLiteral("<html><body>Not here</body></html>"));
    });
    for (const QString &path : {QStringLiteral("/rss"),
                                QStringLiteral("/rss.xml"),
                                QStringLiteral("/feed.json"),
                                QStringLiteral("/feed/")}) {
        m_site.route(path, [record, path] { return record(path, Status::NotFound); });
    }
    m_bare.route(QStringLiteral("/"), [] {
        return html(QByteArrayLiteral("<html><body>Nothing to follow</body></html>"));
    });

    m_port = m_server.port();
    m_sitePort = m_site.listen(QHostAddress(QHostAddress::LocalHost));
    m_barePort = m_bare.listen(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(m_port != 0 && m_sitePort != 0 && m_barePort != 0);
}

void TestFeedDiscovery::linkedFeeds_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("expected"); // "url|title|format"

    const auto row = [](const char *name, const char *html, const QStringList &expected) {
        QTest::newRow(name) << QString::fromUtf8(html) << expected;
    };
    row("relative and absolute",
        "<head><link rel=alternate type=application/rss+xml href=rss.xml title=' Posts '>"
        "<link rel=alternate type=application/atom+xml href=https://cdn.example.net/a.atom>",
        {QStringLiteral("https://example.org/blog/rss.xml|Posts|rss"),
         QStringLiteral("https://cdn.example.net/a.atom||atom")});
    row("several rel tokens, any case",
        "<link rel='feed ALTERNATE\tnofollow' type='Application/RSS+XML; charset=utf-8' "
        "href='/all'>",
        {QStringLiteral("https://example.org/all||rss")});
    row("json feed, plain json and rdf",
        "<link rel=alternate type=application/feed+json href=/f.json>"
        "<link rel=alternate type=application/json href=/j.json title=JSON>"
        "<link rel=alternate type=application/rdf+xml href=/r.rdf>",
        {QStringLiteral("https://example.org/f.json||json"),
         QStringLiteral("https://example.org/j.json|JSON|"),
         QStringLiteral("https://example.org/r.rdf||rss")});
    row("base href counts, the first one only",
        "<link rel=alternate type=application/rss+xml href=feed.xml>"
        "<base href='https://other.example.org/news/'><base href='/ignored/'>",
        {QStringLiteral("https://other.example.org/news/feed.xml||rss")});
    row("duplicates and fragments",
        "<link rel=alternate type=application/rss+xml href=/rss title=First>"
        "<link rel=alternate type=application/rss+xml href='https://example.org/rss#x'>"
        "<link rel=alternate type=application/rss+xml href='/./rss'>",
        {QStringLiteral("https://example.org/rss|First|rss")});
    row("entities in attributes",
        "<link rel=alternate type=application/rss+xml href='/feed?a=1&amp;b=2' "
        "title='Q&amp;A'>",
        {QStringLiteral("https://example.org/feed?a=1&b=2|Q&A|rss")});
    row("not feeds",
        "<link rel=stylesheet type=text/css href=/s.css>"
        "<link rel=alternate type=text/html hreflang=fr href=/fr/>"
        "<link rel=alternate type=application/json+oembed href=/oembed>"
        "<link rel=alternates type=application/rss+xml href=/typo>"
        "<link type=application/rss+xml href=/norel>"
        "<link rel=alternate type=application/rss+xml>"
        "<link rel=alternate type=application/rss+xml href=''>"
        "<a rel=alternate type=application/rss+xml href=/anchor>a</a>",
        {});
    row("only web addresses",
        "<link rel=alternate type=application/rss+xml href='javascript:alert(1)'>"
        "<link rel=alternate type=application/rss+xml href='ftp://example.org/rss'>"
        "<link rel=alternate type=application/rss+xml href='feed://example.org/rss'>"
        "<link rel=alternate type=application/atom+xml href='//example.org/atom'>",
        {QStringLiteral("https://example.org/atom||atom")});
    row("links in script are text",
        "<script>document.write('<link rel=alternate type=application/rss+xml "
        "href=/script>')</script>",
        {});
    row("tag soup is read as browsers would",
        "<html><head><link rel=alternate type=application/rss+xml href=/a title=\"A\"<p>"
        "<!-- <link rel=alternate type=application/rss+xml href=/comment> -->"
        "<link rel=alternate type=application/atom+xml href=/cut",
        {QStringLiteral("https://example.org/a|A|rss"),
         QStringLiteral("https://example.org/cut||atom")});
}

void TestFeedDiscovery::linkedFeeds()
{
    QFETCH(QString, html);
    QFETCH(QStringList, expected);
    QStringList found;
    const QList<Candidate> candidates
        = FeedDiscovery::linkedFeeds(html, QUrl(QStringLiteral("https://example.org/blog/post")));
    for (const Candidate &candidate : candidates)
        found << candidate.url.toString() + QLatin1Char('|') + candidate.title + QLatin1Char('|')
                     + candidate.format;
    QCOMPARE(found, expected);
}

void TestFeedDiscovery::pageWithLinks()
{
    FeedDiscovery discovery;
    QSignalSpy progress(&discovery, &FeedDiscovery::progress);
    QSignalSpy finished(&discovery, &FeedDiscovery::finished);
    discovery.discover(url(QStringLiteral("/blog")));
    QVERIFY(discovery.isRunning());
    QCOMPARE(finished.size(), 0); // never reported before discover() returned
    QVERIFY(finished.wait(15000));
    QVERIFY(!discovery.isRunning());
    const auto result = finished.at(0).at(0).value<FeedDiscovery::Result>();
    QCOMPARE(result.errorString, QString());
    QCOMPARE(result.pageUrl, url(QStringLiteral("/blog")));
    QVERIFY(!result.addressIsFeed);
    QCOMPARE(urls(result.candidates),
             QStringList({url(QStringLiteral("/feeds/posts.xml")).toString(),
                          url(QStringLiteral("/feeds/comments.atom")).toString()}));
    QCOMPARE(result.candidates.at(0).title, QStringLiteral("Team posts"));
    QCOMPARE(result.candidates.at(0).format, QStringLiteral("rss"));
    QCOMPARE(result.candidates.at(1).title, QStringLiteral("Comments"));
    QCOMPARE(result.candidates.at(1).format, QStringLiteral("atom"));
    QVERIFY(!progress.isEmpty());
    QVERIFY(progress.at(0).at(0).toString().contains(url(QStringLiteral("/blog")).toString()));
}

void TestFeedDiscovery::jsonLinksAreChecked()
{
    const FeedDiscovery::Result result = discover(url(QStringLiteral("/wordpress")));
    QCOMPARE(result.errorString, QString());
    QCOMPARE(urls(result.candidates), QStringList{url(QStringLiteral("/feed.json")).toString()});
    // The feed's own title wins over the link's.
    QCOMPARE(result.candidates.at(0).title, QStringLiteral("Team JSON"));
    QCOMPARE(result.candidates.at(0).format, QStringLiteral("json"));
}

void TestFeedDiscovery::baseHrefOnTheServer()
{
    const FeedDiscovery::Result result = discover(url(QStringLiteral("/based/page")));
    QCOMPARE(result.errorString, QString());
    QCOMPARE(urls(result.candidates),
             QStringList{url(QStringLiteral("/feeds/posts.xml")).toString()});
}

void TestFeedDiscovery::addressIsAFeed()
{
    const FeedDiscovery::Result result = discover(url(QStringLiteral("/feeds/comments.atom")));
    QCOMPARE(result.errorString, QString());
    QVERIFY(result.addressIsFeed);
    QCOMPARE(result.candidates.size(), 1);
    QCOMPARE(result.candidates.at(0).url, url(QStringLiteral("/feeds/comments.atom")));
    QCOMPARE(result.candidates.at(0).title, QStringLiteral("Team comments"));
    QCOMPARE(result.candidates.at(0).format, QStringLiteral("atom"));
}

void TestFeedDiscovery::movedFeedGivesItsNewAddress()
{
    const FeedDiscovery::Result result = discover(url(QStringLiteral("/moved")));
    QCOMPARE(result.errorString, QString());
    QVERIFY(result.addressIsFeed);
    QCOMPARE(urls(result.candidates),
             QStringList{url(QStringLiteral("/feeds/posts.xml")).toString()});
    QCOMPARE(result.candidates.at(0).format, QStringLiteral("rss"));
}

void TestFeedDiscovery::probesWellKnownPaths()
{
    m_siteRequests.clear();
    const FeedDiscovery::Result result = discover(url(QStringLiteral("/home?lang=en"), m_sitePort));
    QCOMPARE(result.errorString, QString());
    // /feed led to /index.xml for good; the probe of /index.xml itself found nothing new.
    QCOMPARE(urls(result.candidates),
             QStringList{url(QStringLiteral("/index.xml"), m_sitePort).toString()});
    QCOMPARE(result.candidates.at(0).title, QStringLiteral("Team comments"));
    // One request after the other, in the documented order.
    QCOMPARE(m_siteRequests,
             QStringList({QStringLiteral("/home"),
                          QStringLiteral("/feed"),
                          QStringLiteral("/index.xml"),
                          QStringLiteral("/rss"),
                          QStringLiteral("/rss.xml"),
                          QStringLiteral("/atom.xml"),
                          QStringLiteral("/index.xml"),
                          QStringLiteral("/feed.json"),
                          QStringLiteral("/feed/")}));
}

void TestFeedDiscovery::noFeedsAnywhere()
{
    const FeedDiscovery::Result result = discover(url(QStringLiteral("/"), m_barePort));
    QVERIFY(result.candidates.isEmpty());
    QVERIFY2(result.errorString.startsWith(QLatin1String("No feeds found at ")),
             qPrintable(result.errorString));
    QVERIFY2(result.errorString.contains(QLatin1String("/feed")), qPrintable(result.errorString));
}

void TestFeedDiscovery::notFound()
{
    const FeedDiscovery::Result result = discover(url(QStringLiteral("/nothing-here")));
    QVERIFY(result.candidates.isEmpty());
    QVERIFY2(result.errorString.contains(QLatin1String("HTTP 404")), qPrintable(result.errorString));
    QVERIFY2(result.errorString.contains(url(QStringLiteral("/nothing-here")).toString()),
             qPrintable(result.errorString));
}

void TestFeedDiscovery::unreachable()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress(QHostAddress::LocalHost)));
    const quint16 port = closed.serverPort();
    closed.close();
    const FeedDiscovery::Result result = discover(url(QStringLiteral("/"), port));
    QVERIFY(result.candidates.isEmpty());
    QVERIFY2(result.errorString.startsWith(QLatin1String("Could not open ")),
             qPrintable(result.errorString));
    QVERIFY2(result.errorString.contains(QLatin1String("refused")), qPrintable(result.errorString));
}

void TestFeedDiscovery::notAWebAddress()
{
    FeedDiscovery discovery;
    QSignalSpy finished(&discovery, &FeedDiscovery::finished);
    discovery.discover(QUrl(QStringLiteral("ftp://example.org/feed")));
    QCOMPARE(finished.size(), 0);
    QVERIFY(finished.wait(5000));
    const auto result = finished.at(0).at(0).value<FeedDiscovery::Result>();
    QVERIFY(result.candidates.isEmpty());
    QVERIFY2(result.errorString.contains(QLatin1String("not a web address")),
             qPrintable(result.errorString));
}

void TestFeedDiscovery::cancel()
{
    SilentServer silent;
    FeedDiscovery discovery;
    QSignalSpy finished(&discovery, &FeedDiscovery::finished);
    discovery.discover(silent.url());
    QTRY_COMPARE(silent.connections(), 1);
    QVERIFY(discovery.isRunning());
    discovery.cancel();
    QVERIFY(!discovery.isRunning());
    QTest::qWait(200);
    QCOMPARE(finished.size(), 0);
}

void TestFeedDiscovery::discoverAgainReplacesTheRun()
{
    SilentServer silent;
    FeedDiscovery discovery;
    QSignalSpy finished(&discovery, &FeedDiscovery::finished);
    discovery.discover(silent.url());
    QTRY_COMPARE(silent.connections(), 1);
    discovery.discover(url(QStringLiteral("/feeds/posts.xml")));
    QVERIFY(finished.wait(15000));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    const auto result = finished.at(0).at(0).value<FeedDiscovery::Result>();
    QCOMPARE(result.pageUrl, url(QStringLiteral("/feeds/posts.xml")));
    QCOMPARE(result.candidates.size(), 1);
}

QTEST_GUILESS_MAIN(TestFeedDiscovery)
#include "tst_feeddiscovery.moc"
