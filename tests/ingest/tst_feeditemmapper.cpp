// Tests FeedItemMapper: dedup keys, mapping RSS and Atom items and comments, and writing them.
#include "communitywriter.h"
#include "feeditemmapper.h"
#include "feedparser.h"
#include "feedrepository.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QCryptographicHash>
#include <QTest>
#include <QTimeZone>

#include <memory>

Q_DECLARE_METATYPE(ParsedItem)

class tst_FeedItemMapper final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void dedupKey_data();
    void dedupKey();
    void normalizeLink_data();
    void normalizeLink();
    void mapsRssItems();
    void authorFallbacks();
    void writesRssOncePerItem();
    void changedItemIsUpdatedInPlace();
    void writesAtomWithNameOnlyAuthors();
    void mapsCommentsAsReplies();
    void derivesMissingTitles();
    void dropsTombstonedItems();

private:
    qint64 addFeed(const QString &url);
    WriteSummary write(const ImportBatch &batch);

    std::unique_ptr<TestDatabase> m_db;
};

namespace {

const QString rssUrl = QStringLiteral("https://blog.example.org/feed.xml");
const QString atomUrl = QStringLiteral("https://forum.example.org/atom.xml");

QDateTime now()
{
    return QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());
}

QByteArray rssDocument(const QByteArray &firstBody = "Welcome @bob to the #community!")
{
    return QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wfw="http://wellformedweb.org/CommentAPI/">
<channel>
  <title>Team blog</title>
  <link>https://blog.example.org/</link>
  <description>News</description>
  <dc:creator>Blog Team</dc:creator>
  <item>
    <title>Hello &amp; welcome</title>
    <link>https://blog.example.org/hello</link>
    <guid isPermaLink="false">post-1</guid>
    <author>ada@example.org (Ada Lovelace)</author>
    <pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate>
    <content:encoded><![CDATA[<p>)")
           + firstBody
           + QByteArray(
               R"(</p><script>alert('x')</script><a href="/rules">Rules</a>]]></content:encoded>
    <wfw:commentRss>https://blog.example.org/hello/comments.xml</wfw:commentRss>
  </item>
  <item>
    <title>From the future</title>
    <link>https://Blog.Example.org/future/?utm_source=rss&amp;id=7#top</link>
    <pubDate>Sat, 01 Jan 2028 10:00:00 GMT</pubDate>
    <description>Text from &lt;b&gt;tomorrow&lt;/b&gt;</description>
    <enclosure url="https://cdn.example.org/future.mp3" type="audio/mpeg" length="12345"/>
  </item>
</channel>
</rss>
)");
}

QByteArray atomDocument()
{
    return QByteArrayLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Forum</title>
  <id>urn:forum</id>
  <updated>2026-03-01T12:00:00Z</updated>
  <link href="https://forum.example.org/"/>
  <entry>
    <title type="html">First &lt;em&gt;topic&lt;/em&gt;</title>
    <id>urn:topic:1</id>
    <link href="https://forum.example.org/t/1"/>
    <updated>2026-03-01T11:00:00Z</updated>
    <author><name>Grace Hopper</name></author>
    <content type="html">&lt;p&gt;Ask me anything #ama&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Second topic</title>
    <id>urn:topic:2</id>
    <link href="https://forum.example.org/t/2"/>
    <updated>2026-03-01T12:00:00Z</updated>
    <author><name>Grace Hopper</name></author>
    <summary>Short one</summary>
  </entry>
</feed>
)");
}

// Comments on urn:topic:1: c2 answers c1, c3 answers the topic itself, and c2 comes first.
QByteArray commentsDocument()
{
    return QByteArrayLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
  <title>Comments on First topic</title>
  <id>urn:forum:comments:1</id>
  <updated>2026-03-01T14:00:00Z</updated>
  <entry>
    <title>Re: Re: First topic</title>
    <id>urn:comment:2</id>
    <updated>2026-03-01T13:00:00Z</updated>
    <author><name>Grace Hopper</name></author>
    <thr:in-reply-to ref="urn:comment:1"/>
    <content type="html">Glad you asked @linus</content>
  </entry>
  <entry>
    <title>Re: First topic</title>
    <id>urn:comment:1</id>
    <updated>2026-03-01T12:30:00Z</updated>
    <author><name>Linus</name><email>linus@example.org</email></author>
    <thr:in-reply-to ref="urn:topic:1"/>
    <content type="html">What is your favourite bug?</content>
  </entry>
  <entry>
    <title>Re: First topic</title>
    <id>urn:comment:3</id>
    <updated>2026-03-01T14:00:00Z</updated>
    <author><name>Margaret</name></author>
    <content type="html">Thanks for doing this.</content>
  </entry>
</feed>
)");
}

ParsedFeed parse(const QByteArray &data, const QString &url)
{
    return FeedParser::parse(data, QUrl(url));
}

ParsedItem itemWith(const QString &id, const QString &link, const QString &enclosure)
{
    ParsedItem item;
    item.id = id;
    item.link = link;
    if (!enclosure.isEmpty()) {
        ParsedEnclosure e;
        e.url = enclosure;
        item.enclosures = {e};
    }
    item.title = QStringLiteral("Title");
    item.summary = QStringLiteral("Summary");
    item.contentHtml = QStringLiteral("<p>Content</p>");
    return item;
}

QString sha1(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex());
}

} // namespace

void tst_FeedItemMapper::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_FeedItemMapper::cleanup()
{
    m_db.reset();
}

qint64 tst_FeedItemMapper::addFeed(const QString &url)
{
    FeedRepository::NewFeed feed;
    feed.url = url;
    return FeedRepository(m_db->connectionName()).addFeed(feed);
}

WriteSummary tst_FeedItemMapper::write(const ImportBatch &batch)
{
    try {
        return CommunityWriter(m_db->connectionName()).write(batch);
    } catch (const StorageError &error) {
        qWarning("%s", qPrintable(error.message()));
        return WriteSummary{-1, -1, -1, -1, -1, -1, -1, -1};
    }
}

void tst_FeedItemMapper::dedupKey_data()
{
    QTest::addColumn<ParsedItem>("item");
    QTest::addColumn<QString>("expected");

    QTest::newRow("guid wins") << itemWith(QStringLiteral("guid-1"),
                                           QStringLiteral("https://example.org/a"),
                                           QStringLiteral("https://example.org/a.mp3"))
                               << QStringLiteral("guid-1");
    QTest::newRow("guid trimmed") << itemWith(QStringLiteral("  urn:x:1\n"), {}, {})
                                  << QStringLiteral("urn:x:1");
    QTest::newRow("link normalised")
        << itemWith({},
                    QStringLiteral("HTTPS://Example.ORG/Path/?utm_source=rss&utm_medium=x#frag"),
                    QStringLiteral("https://example.org/a.mp3"))
        << QStringLiteral("https://example.org/Path");
    QTest::newRow("link keeps other query items")
        << itemWith({}, QStringLiteral("https://example.org/p?id=3&utm_campaign=z"), {})
        << QStringLiteral("https://example.org/p?id=3");
    QTest::newRow("blank guid falls through")
        << itemWith(QStringLiteral("   "), QStringLiteral("https://example.org/b/"), {})
        << QStringLiteral("https://example.org/b");
    QTest::newRow("enclosure") << itemWith({}, {}, QStringLiteral("https://cdn.example.org/e.mp3"))
                               << QStringLiteral("https://cdn.example.org/e.mp3");
    QTest::newRow("hash") << itemWith({}, {}, {})
                          << sha1(QByteArrayLiteral("Title\nSummary\n<p>Content</p>"));
}

void tst_FeedItemMapper::dedupKey()
{
    QFETCH(ParsedItem, item);
    QFETCH(QString, expected);
    QCOMPARE(FeedItemMapper::dedupKey(item), expected);
    // The same item always gets the same key.
    QCOMPARE(FeedItemMapper::dedupKey(item), FeedItemMapper::dedupKey(ParsedItem(item)));
}

void tst_FeedItemMapper::normalizeLink_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("case of scheme and host") << QStringLiteral("HTTP://WWW.Example.Org/CaseKept")
                                             << QStringLiteral("http://www.example.org/CaseKept");
    QTest::newRow("fragment") << QStringLiteral("https://example.org/a#comments")
                              << QStringLiteral("https://example.org/a");
    QTest::newRow("trailing slash")
        << QStringLiteral("https://example.org/a/b/") << QStringLiteral("https://example.org/a/b");
    QTest::newRow("root") << QStringLiteral("https://example.org/")
                          << QStringLiteral("https://example.org");
    QTest::newRow("only utm") << QStringLiteral("https://example.org/a?utm_source=x&UTM_Medium=y")
                              << QStringLiteral("https://example.org/a");
    QTest::newRow("mixed query") << QStringLiteral("https://example.org/a?b=1&utm_term=t&c=2")
                                 << QStringLiteral("https://example.org/a?b=1&c=2");
    QTest::newRow("relative kept")
        << QStringLiteral("/just/a/path") << QStringLiteral("/just/a/path");
}

void tst_FeedItemMapper::normalizeLink()
{
    QFETCH(QString, link);
    QFETCH(QString, expected);
    QCOMPARE(FeedItemMapper::normalizeLink(link), expected);
}

void tst_FeedItemMapper::mapsRssItems()
{
    const ParsedFeed feed = parse(rssDocument(), rssUrl);
    QVERIFY(feed.isValid());
    const ImportBatch batch = FeedItemMapper::map(feed, 7, rssUrl, now());
    QCOMPARE(batch.sourceKind, QStringLiteral("feed"));
    QCOMPARE(batch.sourceName, rssUrl);
    QCOMPARE(batch.sourceUrl, rssUrl);
    QCOMPARE(batch.feedId, qint64(7));
    QCOMPARE(batch.discussions.size(), 2);

    const ImportDiscussion &first = batch.discussions.at(0);
    QCOMPARE(first.externalId, QStringLiteral("post-1"));
    QCOMPARE(first.title, QStringLiteral("Hello & welcome"));
    QCOMPARE(first.url, QStringLiteral("https://blog.example.org/hello"));
    QCOMPARE(first.created, QDateTime(QDate(2026, 3, 1), QTime(10, 0), QTimeZone::utc()));
    QVERIFY(first.hasFeedItem);
    QCOMPARE(first.feedItem.dedupKey, QStringLiteral("post-1"));
    QCOMPARE(first.feedItem.commentsUrl,
             QStringLiteral("https://blog.example.org/hello/comments.xml"));
    QCOMPARE(first.posts.size(), 1);
    const ImportPost &post = first.posts.constFirst();
    QCOMPARE(post.externalId, QStringLiteral("post-1"));
    QVERIFY(post.parentExternalId.isEmpty());
    QCOMPARE(post.author.displayName, QStringLiteral("Ada Lovelace"));
    QCOMPARE(post.author.email, QStringLiteral("ada@example.org"));
    QVERIFY(!post.html.contains(QLatin1String("script"), Qt::CaseInsensitive));
    QVERIFY(!post.html.contains(QLatin1String("alert")));
    // Relative links resolve against the item's link.
    QVERIFY2(post.html.contains(QLatin1String("https://blog.example.org/rules")),
             qPrintable(post.html));
    QVERIFY(post.text.contains(QLatin1String("Welcome @bob to the #community!")));
    QVERIFY(!post.text.contains(QLatin1Char('<')));
    QCOMPARE(post.url, first.url);

    // The second item: no guid, a future date, an enclosure.
    const ImportDiscussion &second = batch.discussions.at(1);
    QCOMPARE(second.externalId, QStringLiteral("https://blog.example.org/future?id=7"));
    QCOMPARE(second.created, now());
    QCOMPARE(second.feedItem.published, now());
    QCOMPARE(second.posts.constFirst().created, now());
    QCOMPARE(second.posts.constFirst().text, QStringLiteral("Text from tomorrow"));
    // No item author: the channel's dc:creator.
    QCOMPARE(second.posts.constFirst().author.displayName, QStringLiteral("Blog Team"));
    QCOMPARE(second.feedItem.enclosures.size(), 1);
    QCOMPARE(second.feedItem.enclosures.constFirst().url,
             QStringLiteral("https://cdn.example.org/future.mp3"));
    QCOMPARE(second.feedItem.enclosures.constFirst().mimeType, QStringLiteral("audio/mpeg"));
    QCOMPARE(second.feedItem.enclosures.constFirst().lengthBytes, qint64(12345));
}

void tst_FeedItemMapper::authorFallbacks()
{
    ParsedFeed feed;
    feed.format = QStringLiteral("rss20");
    ParsedItem item;
    item.id = QStringLiteral("episode-1");
    item.title = QStringLiteral("Episode 1");
    item.durationSeconds = 1800;
    ParsedEnclosure enclosure;
    enclosure.url = QStringLiteral("https://cdn.example.org/1.mp3");
    item.enclosures = {enclosure};
    ParsedPerson guest{QStringLiteral("Guest"), QStringLiteral("guest"), {}, {}, {}};
    ParsedPerson host{QStringLiteral("Hana Host"),
                      QStringLiteral("Host"),
                      {},
                      QStringLiteral("https://hana.example.org"),
                      {}};
    item.persons = {guest, host};
    feed.items = {item};

    // Neither the item nor the feed names an author: the host does.
    ImportBatch batch = FeedItemMapper::map(feed, 1, rssUrl, now());
    ImportAuthor author = batch.discussions.constFirst().posts.constFirst().author;
    QCOMPARE(author.displayName, QStringLiteral("Hana Host"));
    QCOMPARE(author.url, QStringLiteral("https://hana.example.org"));
    // The item's itunes:duration goes to its media file; no date means now.
    QCOMPARE(batch.discussions.constFirst().feedItem.enclosures.constFirst().durationSeconds, 1800);
    QCOMPARE(batch.discussions.constFirst().created, now());

    feed.authors = {ParsedAuthor{QStringLiteral("Show Owner"), {}, {}}};
    batch = FeedItemMapper::map(feed, 1, rssUrl, now());
    QCOMPARE(batch.discussions.constFirst().posts.constFirst().author.displayName,
             QStringLiteral("Show Owner"));

    feed.items[0].authors = {ParsedAuthor{{}, QStringLiteral("ep@example.org"), {}}};
    batch = FeedItemMapper::map(feed, 1, rssUrl, now());
    author = batch.discussions.constFirst().posts.constFirst().author;
    QVERIFY(author.displayName.isEmpty());
    QCOMPARE(author.email, QStringLiteral("ep@example.org"));

    feed.authors.clear();
    feed.items[0].authors.clear();
    feed.items[0].persons = {guest};
    batch = FeedItemMapper::map(feed, 1, rssUrl, now());
    QVERIFY(batch.discussions.constFirst().posts.constFirst().author.isEmpty());
}

void tst_FeedItemMapper::writesRssOncePerItem()
{
    const qint64 feedId = addFeed(rssUrl);
    const ParsedFeed feed = parse(rssDocument(), rssUrl);
    const ImportBatch batch = FeedItemMapper::map(feed, feedId, rssUrl, now());

    const WriteSummary first = write(batch);
    QCOMPARE(first.discussionsCreated, 2);
    QCOMPARE(first.postsCreated, 2);
    QCOMPARE(first.feedItems, 2);
    QCOMPARE(first.membersCreated, 2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE parent_id IS NULL")), 2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE feed_id = ?"),
                         {feedId}),
             2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM enclosures")), 1);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members WHERE display_name = "
                                        "'Ada Lovelace' AND email = 'ada@example.org'")),
             1);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members WHERE display_name = "
                                        "'Blog Team'")),
             1);

    // Stored sanitised, with mentions and hashtags found in the text.
    const QString html = m_db->scalar(QStringLiteral("SELECT body_html FROM posts WHERE "
                                                     "external_id = 'post-1'"))
                             .toString();
    QVERIFY(!html.isEmpty());
    QVERIFY(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT handle FROM mentions")).toString(),
             QStringLiteral("bob"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT h.normalized FROM hashtags h JOIN post_hashtags "
                                         "ph ON ph.hashtag_id = h.id"))
                 .toString(),
             QStringLiteral("community"));

    // The same document again changes nothing.
    const WriteSummary second = write(FeedItemMapper::map(feed, feedId, rssUrl, now()));
    QCOMPARE(second.discussionsCreated, 0);
    QCOMPARE(second.discussionsUpdated, 0);
    QCOMPARE(second.postsCreated, 0);
    QCOMPARE(second.postsUpdated, 0);
    QCOMPARE(second.membersCreated, 0);
    QCOMPARE(second.identitiesCreated, 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items")), 2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 2);
}

void tst_FeedItemMapper::changedItemIsUpdatedInPlace()
{
    const qint64 feedId = addFeed(rssUrl);
    QCOMPARE(write(FeedItemMapper::map(parse(rssDocument(), rssUrl), feedId, rssUrl, now()))
                 .postsCreated,
             2);
    const qint64 itemId = m_db->scalar(QStringLiteral("SELECT id FROM feed_items WHERE "
                                                      "dedup_key = 'post-1'"))
                              .toLongLong();
    const qint64 postId = m_db->scalar(QStringLiteral("SELECT id FROM posts WHERE "
                                                      "external_id = 'post-1'"))
                              .toLongLong();
    SqlQuery(m_db->connectionName(),
             QStringLiteral("UPDATE feed_items SET is_read = 1, is_starred = 1 WHERE id = ?"))
        .bind(itemId)
        .exec();

    const ParsedFeed changed = parse(rssDocument("Edited: welcome @carol"), rssUrl);
    const WriteSummary summary = write(FeedItemMapper::map(changed, feedId, rssUrl, now()));
    QCOMPARE(summary.postsCreated, 0);
    QCOMPARE(summary.postsUpdated, 1);
    QCOMPARE(summary.discussionsCreated, 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items")), 2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT id FROM posts WHERE external_id = 'post-1'"))
                 .toLongLong(),
             postId);
    QVERIFY(m_db->scalar(QStringLiteral("SELECT body_text FROM posts WHERE id = ?"), {postId})
                .toString()
                .contains(QLatin1String("Edited: welcome @carol")));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT handle FROM mentions WHERE post_id = ?"), {postId})
                 .toString(),
             QStringLiteral("carol"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT id FROM feed_items WHERE dedup_key = 'post-1'"))
                 .toLongLong(),
             itemId);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT is_read FROM feed_items WHERE id = ?"), {itemId})
                 .toInt(),
             1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT is_starred FROM feed_items WHERE id = ?"), {itemId})
                 .toInt(),
             1);
}

void tst_FeedItemMapper::writesAtomWithNameOnlyAuthors()
{
    const qint64 feedId = addFeed(atomUrl);
    const ParsedFeed feed = parse(atomDocument(), atomUrl);
    QVERIFY(feed.isValid());
    const ImportBatch batch = FeedItemMapper::map(feed, feedId, atomUrl, now());
    QCOMPARE(batch.discussions.size(), 2);
    QCOMPARE(batch.discussions.at(0).externalId, QStringLiteral("urn:topic:1"));
    QCOMPARE(batch.discussions.at(0).title, QStringLiteral("First topic"));
    // Atom entries without published are dated by updated.
    QCOMPARE(batch.discussions.at(0).created,
             QDateTime(QDate(2026, 3, 1), QTime(11, 0), QTimeZone::utc()));
    QCOMPARE(batch.discussions.at(1).posts.constFirst().text, QStringLiteral("Short one"));

    const WriteSummary summary = write(batch);
    QCOMPARE(summary.discussionsCreated, 2);
    QCOMPARE(summary.postsCreated, 2);
    QCOMPARE(summary.membersCreated, 1);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM identities i JOIN sources s ON "
                                        "s.id = i.source_id WHERE i.kind = 'name' AND "
                                        "i.normalized = 'grace hopper' AND s.kind = 'feed' AND "
                                        "s.name = ?"),
                         {atomUrl}),
             1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT post_count FROM members")).toInt(), 2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT h.normalized FROM hashtags h JOIN post_hashtags "
                                         "ph ON ph.hashtag_id = h.id"))
                 .toString(),
             QStringLiteral("ama"));
    QCOMPARE(write(FeedItemMapper::map(feed, feedId, atomUrl, now())).postsCreated, 0);
}

void tst_FeedItemMapper::mapsCommentsAsReplies()
{
    const qint64 feedId = addFeed(atomUrl);
    const ImportBatch items = FeedItemMapper::map(parse(atomDocument(), atomUrl),
                                                  feedId,
                                                  atomUrl,
                                                  now());
    QCOMPARE(write(items).postsCreated, 2);
    const ImportDiscussion &topic = items.discussions.constFirst();

    const ParsedFeed comments = parse(commentsDocument(),
                                      QStringLiteral("https://forum.example.org/t/1/comments"));
    QVERIFY(comments.isValid());
    const ImportBatch replies = FeedItemMapper::mapComments(comments, topic, feedId, atomUrl, now());
    QCOMPARE(replies.sourceKind, QStringLiteral("feed"));
    QCOMPARE(replies.sourceName, atomUrl);
    QCOMPARE(replies.discussions.size(), 1);
    const ImportDiscussion &thread = replies.discussions.constFirst();
    QCOMPARE(thread.externalId, topic.externalId);
    QVERIFY(!thread.hasFeedItem);
    // Parents before the replies that answer them.
    QCOMPARE(thread.posts.size(), 3);
    QCOMPARE(thread.posts.at(0).externalId, QStringLiteral("urn:comment:1"));
    QCOMPARE(thread.posts.at(0).parentExternalId, QStringLiteral("urn:topic:1"));
    QCOMPARE(thread.posts.at(1).externalId, QStringLiteral("urn:comment:2"));
    QCOMPARE(thread.posts.at(1).parentExternalId, QStringLiteral("urn:comment:1"));
    QCOMPARE(thread.posts.at(2).externalId, QStringLiteral("urn:comment:3"));
    QCOMPARE(thread.posts.at(2).parentExternalId, QStringLiteral("urn:topic:1"));
    QCOMPARE(thread.posts.at(0).author.email, QStringLiteral("linus@example.org"));

    const WriteSummary summary = write(replies);
    QCOMPARE(summary.discussionsCreated, 0);
    QCOMPARE(summary.postsCreated, 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 2);
    const QVariant discussionId = m_db->scalar(
        QStringLiteral("SELECT id FROM discussions WHERE external_id = 'urn:topic:1'"));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE discussion_id = ?"),
                         {discussionId}),
             4);
    const auto parentOf = [this](const QString &externalId) {
        return m_db
            ->scalar(QStringLiteral("SELECT p.external_id FROM posts c JOIN posts p ON p.id = "
                                    "c.parent_id WHERE c.external_id = ?"),
                     {externalId})
            .toString();
    };
    QCOMPARE(parentOf(QStringLiteral("urn:comment:1")), QStringLiteral("urn:topic:1"));
    QCOMPARE(parentOf(QStringLiteral("urn:comment:2")), QStringLiteral("urn:comment:1"));
    QCOMPARE(parentOf(QStringLiteral("urn:comment:3")), QStringLiteral("urn:topic:1"));
    // Grace answered Linus, who had asked her: replies count both ways.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT replies_received FROM members WHERE "
                                         "display_name = 'Grace Hopper'"))
                 .toInt(),
             2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 3);

    // Again: nothing new.
    const WriteSummary again = write(
        FeedItemMapper::mapComments(comments, topic, feedId, atomUrl, now()));
    QCOMPARE(again.postsCreated, 0);
    QCOMPARE(again.postsUpdated, 0);
}

void tst_FeedItemMapper::derivesMissingTitles()
{
    ParsedFeed feed;
    feed.format = QStringLiteral("rss20");
    ParsedItem note;
    note.id = QStringLiteral("note-1");
    note.summary = QStringLiteral("<p>%1</p>").arg(QString(100, QLatin1Char('a')));
    ParsedItem bare;
    bare.link = QStringLiteral("https://example.org/bare");
    // Listed twice: mapped once.
    feed.items = {note, bare, note};

    const ImportBatch batch = FeedItemMapper::map(feed, 1, rssUrl, now());
    QCOMPARE(batch.discussions.size(), 2);
    const QString title = batch.discussions.at(0).title;
    QCOMPARE(title.size(), 80);
    QVERIFY(title.startsWith(QLatin1String("aaaa")));
    QCOMPARE(title.back(), QChar(0x2026));
    QCOMPARE(batch.discussions.at(0).feedItem.title, title);
    QCOMPARE(batch.discussions.at(1).title, QStringLiteral("https://example.org/bare"));
    QVERIFY(batch.discussions.at(1).posts.constFirst().text.isEmpty());
}

void tst_FeedItemMapper::dropsTombstonedItems()
{
    ImportBatch batch = FeedItemMapper::map(parse(rssDocument(), rssUrl), 1, rssUrl, now());
    QCOMPARE(FeedItemMapper::dropTombstoned(&batch, {}), 0);
    QCOMPARE(batch.discussions.size(), 2);
    QCOMPARE(FeedItemMapper::dropTombstoned(&batch, {QStringLiteral("post-1")}), 1);
    QCOMPARE(batch.discussions.size(), 1);
    QCOMPARE(batch.discussions.constFirst().externalId,
             QStringLiteral("https://blog.example.org/future?id=7"));
}

QTEST_GUILESS_MAIN(tst_FeedItemMapper)
#include "tst_feeditemmapper.moc"
