// Tests FeedRepository: fetch records, due feeds, retention with tombstones, removing feeds.
#include "communitywriter.h"
#include "feeditemmapper.h"
#include "feedrepository.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QTest>
#include <QTimeZone>

#include <memory>

namespace {

const QString feedUrl = QStringLiteral("https://news.example.org/feed.xml");

QDateTime t0()
{
    return QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());
}

// Items item-1 (oldest) to item-<count> (newest), an hour apart.
ParsedFeed feedWithItems(int count)
{
    ParsedFeed feed;
    feed.format = QStringLiteral("rss20");
    feed.title = QStringLiteral("News");
    for (int i = 1; i <= count; ++i) {
        ParsedItem item;
        item.id = QStringLiteral("item-%1").arg(i);
        item.title = QStringLiteral("Item %1").arg(i);
        item.link = QStringLiteral("https://news.example.org/%1").arg(i);
        item.published = t0().addSecs(qint64(i) * 3600);
        item.summary = QStringLiteral("<p>Story %1</p>").arg(i);
        item.authors = {ParsedAuthor{QStringLiteral("Reporter"), {}, {}}};
        feed.items.append(item);
    }
    return feed;
}

} // namespace

class tst_FeedRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void recordFetchRoundTrip();
    void recordFetchStatus();
    void recordFetchMovedFeed();
    void unknownFeedIsEmpty();
    void dueFeeds();
    void retentionKeepsStarredAndTagged();
    void removeFeedKeepsDiscussions();
    void commentFeedsNewestRecentFollowed();
    void commentValidatorsFollowTheUrl();

    void failuresAndTtlAreKept();
    void updateFeedSettings();
    void updateFeedSettingsOfUnknownFeedChangesNothing();
    void remoteContentAllowed();

    void enclosuresAndLocalPath();

    void addFeedsSkipsFollowedOnes();

private:
    qint64 addFeed(const QString &url);
    void writeItems(qint64 feedId, const QString &url, const ParsedFeed &feed);
    void exec(const QString &sql, const QVariantList &values = {});

    std::unique_ptr<TestDatabase> m_db;
};

void tst_FeedRepository::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_FeedRepository::cleanup()
{
    m_db.reset();
}

qint64 tst_FeedRepository::addFeed(const QString &url)
{
    FeedRepository::NewFeed feed;
    feed.url = url;
    feed.title = QStringLiteral("Subscribed title");
    return FeedRepository(m_db->connectionName()).addFeed(feed);
}

void tst_FeedRepository::writeItems(qint64 feedId, const QString &url, const ParsedFeed &feed)
{
    ImportBatch batch = FeedItemMapper::map(feed, feedId, url, t0().addDays(2));
    FeedItemMapper::dropTombstoned(&batch,
                                   FeedRepository(m_db->connectionName()).tombstones(feedId));
    CommunityWriter(m_db->connectionName()).write(batch);
}

void tst_FeedRepository::exec(const QString &sql, const QVariantList &values)
{
    SqlQuery query(m_db->connectionName(), sql);
    for (const QVariant &value : values)
        query.bind(value);
    query.exec();
}

void tst_FeedRepository::recordFetchRoundTrip()
{
    FeedRepository repository(m_db->connectionName());
    const qint64 id = addFeed(feedUrl);

    FeedRepository::FetchRecord record;
    record.fetchedAt = t0();
    record.nextFetch = t0().addSecs(3600);
    record.httpStatus = 200;
    record.title = QStringLiteral("News from the example");
    record.siteUrl = QStringLiteral("https://news.example.org/");
    record.description = QStringLiteral("All the news");
    record.imageUrl = QStringLiteral("https://news.example.org/logo.png");
    record.etag = QStringLiteral("\"abc\"");
    record.lastModified = QStringLiteral("Mon, 02 Mar 2026 08:00:00 GMT");
    repository.recordFetch(id, record);

    FeedRepository::Feed feed = repository.feed(id);
    QCOMPARE(feed.id, id);
    QCOMPARE(feed.url, feedUrl);
    QCOMPARE(feed.title, record.title);
    QCOMPARE(feed.siteUrl, record.siteUrl);
    QCOMPARE(feed.description, record.description);
    QCOMPARE(feed.imageUrl, record.imageUrl);
    QCOMPARE(feed.etag, record.etag);
    QCOMPARE(feed.lastModified, record.lastModified);
    QCOMPARE(feed.httpStatus, 200);
    QVERIFY(feed.errorText.isEmpty());
    QCOMPARE(feed.lastFetched, t0());
    QCOMPARE(feed.nextFetch, t0().addSecs(3600));
    QCOMPARE(feed.status, QStringLiteral("active"));
    QVERIFY(feed.sourceId > 0);

    // A 304 says nothing about the feed: titles and, when asked, validators stay.
    FeedRepository::FetchRecord notModified;
    notModified.fetchedAt = t0().addSecs(3600);
    notModified.nextFetch = t0().addSecs(7200);
    notModified.httpStatus = 304;
    notModified.keepValidators = true;
    repository.recordFetch(id, notModified);
    feed = repository.feed(id);
    QCOMPARE(feed.title, record.title);
    QCOMPARE(feed.description, record.description);
    QCOMPARE(feed.etag, record.etag);
    QCOMPARE(feed.lastModified, record.lastModified);
    QCOMPARE(feed.httpStatus, 304);
    QCOMPARE(feed.lastFetched, t0().addSecs(3600));

    // Validators travel as a pair: a response with only an ETag drops the old Last-Modified.
    FeedRepository::FetchRecord onlyEtag = notModified;
    onlyEtag.httpStatus = 200;
    onlyEtag.keepValidators = false;
    onlyEtag.etag = QStringLiteral("\"def\"");
    repository.recordFetch(id, onlyEtag);
    feed = repository.feed(id);
    QCOMPARE(feed.etag, QStringLiteral("\"def\""));
    QVERIFY(feed.lastModified.isEmpty());
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds WHERE last_modified IS NULL")),
             1);
}

void tst_FeedRepository::recordFetchStatus()
{
    FeedRepository repository(m_db->connectionName());
    const qint64 id = addFeed(feedUrl);

    FeedRepository::FetchRecord failed;
    failed.fetchedAt = t0();
    failed.httpStatus = 500;
    failed.errorText = QStringLiteral("Internal Server Error");
    repository.recordFetch(id, failed);
    FeedRepository::Feed feed = repository.feed(id);
    QCOMPARE(feed.status, QStringLiteral("error"));
    QCOMPARE(feed.errorText, failed.errorText);
    QCOMPARE(feed.httpStatus, 500);
    // The title the subscription gave stays.
    QCOMPARE(feed.title, QStringLiteral("Subscribed title"));

    FeedRepository::FetchRecord worked;
    worked.fetchedAt = t0().addSecs(60);
    worked.httpStatus = 200;
    repository.recordFetch(id, worked);
    feed = repository.feed(id);
    QCOMPARE(feed.status, QStringLiteral("active"));
    QVERIFY(feed.errorText.isEmpty());
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds WHERE error_text IS NULL")), 1);

    FeedRepository::FetchRecord gone;
    gone.fetchedAt = t0().addSecs(120);
    gone.httpStatus = 410;
    gone.errorText = QStringLiteral("Gone");
    repository.recordFetch(id, gone);
    QCOMPARE(repository.feed(id).status, QStringLiteral("gone"));

    FeedRepository::FetchRecord explicitStatus = worked;
    explicitStatus.status = QStringLiteral("error");
    repository.recordFetch(id, explicitStatus);
    QCOMPARE(repository.feed(id).status, QStringLiteral("error"));
}

void tst_FeedRepository::recordFetchMovedFeed()
{
    FeedRepository repository(m_db->connectionName());
    const qint64 id = addFeed(feedUrl);
    writeItems(id, feedUrl, feedWithItems(2));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 2);

    const QString newUrl = QStringLiteral("https://example.org/news/feed.xml");
    FeedRepository::FetchRecord moved;
    moved.fetchedAt = t0();
    moved.httpStatus = 200;
    moved.movedToUrl = newUrl;
    repository.recordFetch(id, moved);
    const FeedRepository::Feed feed = repository.feed(id);
    QCOMPARE(feed.url, newUrl);
    QCOMPARE(feed.movedFromUrl, feedUrl);

    // Items fetched from the new address join the discussions of the old one.
    writeItems(id, newUrl, feedWithItems(3));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM sources WHERE kind = 'feed'")), 1);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE feed_id = ?"), {id}),
             3);

    // Moving onto an address that is already followed is refused and changes nothing.
    const qint64 other = addFeed(QStringLiteral("https://other.example.org/feed.xml"));
    FeedRepository::FetchRecord clash = moved;
    clash.movedToUrl = newUrl;
    clash.httpStatus = 301;
    QVERIFY_THROWS_EXCEPTION(StorageError, repository.recordFetch(other, clash));
    QCOMPARE(repository.feed(other).url, QStringLiteral("https://other.example.org/feed.xml"));
    QCOMPARE(repository.feed(other).httpStatus, 0);
}

void tst_FeedRepository::unknownFeedIsEmpty()
{
    const FeedRepository::Feed feed = FeedRepository(m_db->connectionName()).feed(4242);
    QCOMPARE(feed.id, 0);
    QVERIFY(feed.url.isEmpty());
}

void tst_FeedRepository::dueFeeds()
{
    FeedRepository repository(m_db->connectionName());
    const qint64 never = addFeed(QStringLiteral("https://a.example.org/feed"));
    const qint64 overdue = addFeed(QStringLiteral("https://b.example.org/feed"));
    const qint64 later = addFeed(QStringLiteral("https://c.example.org/feed"));
    const qint64 gone = addFeed(QStringLiteral("https://d.example.org/feed"));
    const qint64 exactlyNow = addFeed(QStringLiteral("https://e.example.org/feed"));

    FeedRepository::FetchRecord record;
    record.fetchedAt = t0().addSecs(-7200);
    record.httpStatus = 200;
    record.nextFetch = t0().addSecs(-3600);
    repository.recordFetch(overdue, record);
    record.nextFetch = t0().addSecs(3600);
    repository.recordFetch(later, record);
    record.nextFetch = t0();
    repository.recordFetch(exactlyNow, record);
    record.nextFetch = t0().addSecs(-3600);
    record.httpStatus = 410;
    repository.recordFetch(gone, record);

    const QList<FeedRepository::Feed> due = repository.dueFeeds(t0());
    QList<qint64> ids;
    for (const FeedRepository::Feed &feed : due)
        ids << feed.id;
    // Never fetched first, then the most overdue.
    QCOMPARE(ids, (QList<qint64>{never, overdue, exactlyNow}));
    QCOMPARE(due.at(1).nextFetch, t0().addSecs(-3600));

    QCOMPARE(repository.dueFeeds(t0().addSecs(-86400)).size(), 1);
    QCOMPARE(repository.dueFeeds(t0().addSecs(3600)).size(), 4);
}

void tst_FeedRepository::retentionKeepsStarredAndTagged()
{
    FeedRepository repository(m_db->connectionName());
    const qint64 id = addFeed(feedUrl);
    const ParsedFeed document = feedWithItems(6);
    writeItems(id, feedUrl, document);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items")), 6);

    // No cap: nothing goes.
    QCOMPARE(repository.applyRetention(id), 0);

    // Of the four items beyond a cap of two, the starred one and the tagged one stay.
    exec(QStringLiteral("UPDATE feed_items SET is_starred = 1 WHERE dedup_key = 'item-1'"));
    exec(QStringLiteral("INSERT INTO tags (name, normalized) VALUES ('keep', 'keep')"));
    exec(QStringLiteral("INSERT INTO discussion_tags (discussion_id, tag_id) SELECT "
                        "i.discussion_id, t.id FROM feed_items i, tags t WHERE "
                        "i.dedup_key = 'item-3' AND t.normalized = 'keep'"));
    repository.setRetentionCap(id, 2);
    QCOMPARE(repository.feed(id).retentionCap, 2);
    QCOMPARE(repository.applyRetention(id), 2);

    const QVariantList left = m_db->column(
        QStringLiteral("SELECT dedup_key FROM feed_items ORDER BY dedup_key"));
    QCOMPARE(left,
             (QVariantList{QStringLiteral("item-1"),
                           QStringLiteral("item-3"),
                           QStringLiteral("item-5"),
                           QStringLiteral("item-6")}));
    QCOMPARE(repository.tombstones(id),
             (QSet<QString>{QStringLiteral("item-2"), QStringLiteral("item-4")}));
    // The discussions stay.
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 6);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 6);

    // The same document again does not bring the deleted items back.
    writeItems(id, feedUrl, document);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items")), 4);
    QCOMPARE(repository.applyRetention(id), 0);

    // A new item pushes the oldest unprotected one out.
    writeItems(id, feedUrl, feedWithItems(7));
    QCOMPARE(repository.applyRetention(id), 1);
    QVERIFY(repository.tombstones(id).contains(QStringLiteral("item-5")));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items")), 4);

    repository.setRetentionCap(id, 0);
    QCOMPARE(repository.feed(id).retentionCap, 0);
    QCOMPARE(repository.applyRetention(id), 0);

    // A lower limit set in the feed's settings applies at once, protected items kept.
    FeedRepository::FeedSettings settings = repository.settings(id);
    settings.retentionCap = 1;
    QCOMPARE(repository.updateFeedSettings(id, settings), 1);
    QCOMPARE(m_db->column(QStringLiteral("SELECT dedup_key FROM feed_items ORDER BY dedup_key")),
             (QVariantList{QStringLiteral("item-1"),
                           QStringLiteral("item-3"),
                           QStringLiteral("item-7")}));
    QCOMPARE(repository.updateFeedSettings(id, settings), 0);
}

void tst_FeedRepository::removeFeedKeepsDiscussions()
{
    FeedRepository repository(m_db->connectionName());
    const qint64 id = addFeed(feedUrl);
    writeItems(id, feedUrl, feedWithItems(3));
    repository.setRetentionCap(id, 1);
    QCOMPARE(repository.applyRetention(id), 2);

    QVERIFY(repository.removeFeed(id));
    QCOMPARE(repository.feed(id).id, 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items")), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_item_tombstones")), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 1);
    QVERIFY(!repository.removeFeed(id));
}

namespace {

// Items 1 to 25 with a comments feed each, except item-24.
ParsedFeed feedWithComments()
{
    ParsedFeed feed = feedWithItems(25);
    for (ParsedItem &item : feed.items) {
        if (item.id != QLatin1String("item-24"))
            item.commentsUrl = item.link + QStringLiteral("/comments");
    }
    return feed;
}

} // namespace

void tst_FeedRepository::commentFeedsNewestRecentFollowed()
{
    const qint64 id = addFeed(feedUrl);
    writeItems(id, feedUrl, feedWithComments());
    const FeedRepository repository(m_db->connectionName());
    const auto keys = [this](const QList<FeedRepository::CommentFeed> &feeds) {
        QStringList list;
        for (const FeedRepository::CommentFeed &feed : feeds) {
            list << m_db->scalar(QStringLiteral("SELECT dedup_key FROM feed_items WHERE id = ?"),
                                 {feed.itemId})
                        .toString();
        }
        return list;
    };

    // Not followed: none.
    QVERIFY(repository.commentFeeds(id, t0(), 20).isEmpty());
    QVERIFY(!repository.feed(id).followComments);

    exec(QStringLiteral("UPDATE feeds SET follow_comments = 1 WHERE id = ?"), {id});
    QVERIFY(repository.feed(id).followComments);
    // The limit is the smaller one: 22 are recent enough, the newest 20 are taken.
    QList<FeedRepository::CommentFeed> feeds = repository.commentFeeds(id,
                                                                       t0().addSecs(3 * 3600),
                                                                       20);
    QCOMPARE(feeds.size(), 20);
    QCOMPARE(keys(feeds).constFirst(), QStringLiteral("item-25"));
    QCOMPARE(keys(feeds).at(1), QStringLiteral("item-23"));
    QCOMPARE(keys(feeds).constLast(), QStringLiteral("item-5"));
    QCOMPARE(feeds.constFirst().url, QStringLiteral("https://news.example.org/25/comments"));
    QVERIFY(feeds.constFirst().etag.isEmpty());
    // Only five are recent enough.
    feeds = repository.commentFeeds(id, t0().addSecs(20 * 3600), 20);
    QCOMPARE(keys(feeds),
             (QStringList{QStringLiteral("item-25"),
                          QStringLiteral("item-23"),
                          QStringLiteral("item-22"),
                          QStringLiteral("item-21"),
                          QStringLiteral("item-20")}));
}

void tst_FeedRepository::commentValidatorsFollowTheUrl()
{
    const qint64 id = addFeed(feedUrl);
    writeItems(id, feedUrl, feedWithComments());
    exec(QStringLiteral("UPDATE feeds SET follow_comments = 1 WHERE id = ?"), {id});
    FeedRepository repository(m_db->connectionName());
    const qint64 itemId = m_db->scalar(QStringLiteral(
                                           "SELECT id FROM feed_items WHERE dedup_key = 'item-25'"))
                              .toLongLong();
    const QString url = QStringLiteral("https://news.example.org/25/comments");
    repository.recordCommentValidators(itemId,
                                       url,
                                       QStringLiteral("\"c1\""),
                                       QStringLiteral("Wed, 21 Oct 2026 07:28:00 GMT"));
    FeedRepository::CommentFeed feed = repository.commentFeeds(id, t0(), 1).value(0);
    QCOMPARE(feed.itemId, itemId);
    QCOMPARE(feed.etag, QStringLiteral("\"c1\""));
    QCOMPARE(feed.lastModified, QStringLiteral("Wed, 21 Oct 2026 07:28:00 GMT"));

    // The item names another comments feed: the old validators are not sent there.
    exec(QStringLiteral("UPDATE feed_items SET comments_url = ? WHERE id = ?"),
         {QStringLiteral("https://comments.example.org/25"), itemId});
    feed = repository.commentFeeds(id, t0(), 1).value(0);
    QCOMPARE(feed.url, QStringLiteral("https://comments.example.org/25"));
    QVERIFY(feed.etag.isEmpty());
    QVERIFY(feed.lastModified.isEmpty());

    const FeedRepository::CommentThread thread = repository.commentThread(itemId);
    QCOMPARE(thread.itemId, itemId);
    QCOMPARE(thread.sourceName, feedUrl);
    QCOMPARE(thread.discussionExternalId, QStringLiteral("item-25"));
    QCOMPARE(thread.firstPostExternalId, QStringLiteral("item-25"));
    QCOMPARE(thread.title, QStringLiteral("Item 25"));
    QCOMPARE(repository.commentThread(itemId + 1000).itemId, 0);
}

void tst_FeedRepository::failuresAndTtlAreKept()
{
    FeedRepository repository(m_db->connectionName());
    const qint64 id = addFeed(feedUrl);
    QCOMPARE(repository.feed(id).consecutiveFailures, 0);
    QCOMPARE(repository.feed(id).ttlSeconds, 0);

    FeedRepository::FetchRecord failure;
    failure.fetchedAt = t0();
    failure.httpStatus = 500;
    failure.errorText = QStringLiteral("The server had an internal error.");
    failure.status = QStringLiteral("active"); // as a sync records it, to try again
    repository.recordFetch(id, failure);
    repository.recordFetch(id, failure);
    QCOMPARE(repository.feed(id).consecutiveFailures, 2);
    FeedRepository::FetchRecord postponed = failure;
    postponed.keepFailureCount = true;
    repository.recordFetch(id, postponed);
    QCOMPARE(repository.feed(id).consecutiveFailures, 2);
    // dueFeeds() hands the count to the next run.
    const QList<FeedRepository::Feed> due = repository.dueFeeds(t0().addDays(1));
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.constFirst().consecutiveFailures, 2);

    FeedRepository::FetchRecord success;
    success.fetchedAt = t0();
    success.httpStatus = 200;
    success.ttlSeconds = 1800;
    repository.recordFetch(id, success);
    FeedRepository::Feed stored = repository.feed(id);
    QCOMPARE(stored.consecutiveFailures, 0);
    QCOMPARE(stored.ttlSeconds, 1800);

    // A 304 says nothing about the ttl: it stays.
    FeedRepository::FetchRecord notModified;
    notModified.httpStatus = 304;
    notModified.keepValidators = true;
    repository.recordFetch(id, notModified);
    QCOMPARE(repository.feed(id).ttlSeconds, 1800);
    // A copy without a ttl clears it.
    success.ttlSeconds = 0;
    repository.recordFetch(id, success);
    QCOMPARE(repository.feed(id).ttlSeconds, 0);
}

void tst_FeedRepository::updateFeedSettings()
{
    FeedRepository repository(m_db->connectionName());
    const qint64 id = addFeed(feedUrl);
    FeedRepository::FeedSettings settings = repository.settings(id);
    QCOMPARE(settings.refreshIntervalSeconds, 3600);
    QCOMPARE(settings.retentionCap, 0);
    QVERIFY(settings.authUser.isEmpty());

    settings.title = QStringLiteral("  Team news ");
    settings.folderPath = QStringLiteral("Work/Team");
    settings.refreshIntervalSeconds = 900;
    settings.retentionCap = 50;
    settings.followComments = true;
    settings.authUser = QStringLiteral("alice");
    repository.updateFeedSettings(id, settings);

    const FeedRepository::Feed feed = repository.feed(id);
    QCOMPARE(feed.title, QStringLiteral("Team news"));
    QCOMPARE(repository.folderPath(feed.folderId), QStringLiteral("Work/Team"));
    QCOMPARE(feed.refreshIntervalSeconds, 900);
    QCOMPARE(feed.retentionCap, 50);
    QVERIFY(feed.followComments);
    QCOMPARE(feed.authUser, QStringLiteral("alice"));
    const FeedRepository::FeedSettings reread = repository.settings(id);
    QCOMPARE(reread.folderPath, QStringLiteral("Work/Team"));
    QCOMPARE(reread.authUser, QStringLiteral("alice"));

    // Back to the top level, keeping everything, without a user.
    settings.folderPath.clear();
    settings.retentionCap = 0;
    settings.authUser.clear();
    settings.followComments = false;
    repository.updateFeedSettings(id, settings);
    const FeedRepository::Feed cleared = repository.feed(id);
    QCOMPARE(cleared.folderId, 0);
    QCOMPARE(cleared.retentionCap, 0);
    QVERIFY(cleared.authUser.isEmpty());
    QVERIFY(!cleared.followComments);
    SqlQuery user(m_db->connectionName(),
                  QStringLiteral("SELECT COUNT(*) FROM feeds WHERE auth_user IS NULL"));
    QCOMPARE(user.scalar().toInt(), 1);
}

void tst_FeedRepository::updateFeedSettingsOfUnknownFeedChangesNothing()
{
    FeedRepository repository(m_db->connectionName());
    FeedRepository::FeedSettings settings;
    settings.folderPath = QStringLiteral("Nowhere");
    QVERIFY_THROWS_EXCEPTION(StorageError, repository.updateFeedSettings(4242, settings));
    QVERIFY_THROWS_EXCEPTION(StorageError, repository.settings(4242));
    // The folder made on the way was rolled back with the rest.
    QVERIFY(repository.folders().isEmpty());
}

void tst_FeedRepository::remoteContentAllowed()
{
    FeedRepository repository(m_db->connectionName());
    const qint64 id = addFeed(feedUrl);
    QVERIFY(!repository.feed(id).remoteContentAllowed);
    repository.setRemoteContentAllowed(id, true);
    QVERIFY(repository.feed(id).remoteContentAllowed);
    repository.setRemoteContentAllowed(id, false);
    QVERIFY(!repository.feed(id).remoteContentAllowed);
}

void tst_FeedRepository::enclosuresAndLocalPath()
{
    FeedRepository repository(m_db->connectionName());
    const qint64 id = addFeed(feedUrl);
    ParsedFeed feed = feedWithItems(2);
    feed.items[0].enclosures = {{QStringLiteral("https://cdn.example.org/one.mp3"),
                                 QStringLiteral("audio/mpeg"),
                                 1234,
                                 61},
                                {QStringLiteral("https://cdn.example.org/one.pdf"), {}, -1, -1}};
    writeItems(id, feedUrl, feed);
    const QList<FeedRepository::Item> items = repository.items(id, 0, 10);
    QCOMPARE(items.size(), 2);
    const FeedRepository::Item withFiles = items.at(1); // oldest last: item-1
    QCOMPARE(withFiles.enclosureCount, 2);
    QVERIFY(repository.enclosures(items.at(0).id).isEmpty());
    QVERIFY(repository.enclosures(987654).isEmpty());

    const QList<FeedRepository::Enclosure> enclosures = repository.enclosures(withFiles.id);
    QCOMPARE(enclosures.size(), 2);
    const FeedRepository::Enclosure audio = enclosures.at(0);
    QVERIFY(audio.id > 0);
    QCOMPARE(audio.itemId, withFiles.id);
    QCOMPARE(audio.url, QStringLiteral("https://cdn.example.org/one.mp3"));
    QCOMPARE(audio.mimeType, QStringLiteral("audio/mpeg"));
    QCOMPARE(audio.lengthBytes, 1234);
    QCOMPARE(audio.durationSeconds, 61);
    QVERIFY(audio.localPath.isEmpty());
    const FeedRepository::Enclosure document = enclosures.at(1);
    QVERIFY(document.mimeType.isEmpty());
    QCOMPARE(document.lengthBytes, -1);
    QCOMPARE(document.durationSeconds, -1);

    const QString path = QStringLiteral("/home/me/Music/one.mp3");
    QVERIFY(repository.setEnclosureLocalPath(audio.id, path));
    QCOMPARE(repository.enclosure(audio.id).localPath, path);
    QVERIFY(repository.enclosure(document.id).localPath.isEmpty());
    // A later fetch of the same item keeps what was downloaded.
    writeItems(id, feedUrl, feed);
    QCOMPARE(repository.enclosures(withFiles.id).at(0).localPath, path);
    QVERIFY(repository.setEnclosureLocalPath(audio.id, QString()));
    QVERIFY(repository.enclosure(audio.id).localPath.isEmpty());
    QVERIFY(!repository.setEnclosureLocalPath(987654, path));
    QCOMPARE(repository.enclosure(987654).id, 0);
}

void tst_FeedRepository::addFeedsSkipsFollowedOnes()
{
    FeedRepository repository(m_db->connectionName());
    const qint64 followed = addFeed(feedUrl);
    const auto newFeed = [](const QString &url) {
        FeedRepository::NewFeed feed;
        feed.url = url;
        feed.folderPath = QStringLiteral("Found");
        return feed;
    };
    const QString other = QStringLiteral("https://news.example.org/atom.xml");
    const QList<FeedRepository::AddOutcome> outcomes = repository.addFeeds(
        {newFeed(feedUrl), newFeed(other), newFeed(other)});
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(outcomes.at(0).id, followed);
    QVERIFY(!outcomes.at(0).added);
    QVERIFY(outcomes.at(1).added);
    QCOMPARE(repository.feedIdForUrl(other), outcomes.at(1).id);
    // Listed twice: added once, the second reports the first.
    QVERIFY(!outcomes.at(2).added);
    QCOMPARE(outcomes.at(2).id, outcomes.at(1).id);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds")), 2);
    // The followed feed kept its place; the new one went into the folder.
    QCOMPARE(repository.feed(followed).folderId, 0);
    QCOMPARE(repository.folderPath(repository.feed(outcomes.at(1).id).folderId),
             QStringLiteral("Found"));
}

QTEST_GUILESS_MAIN(tst_FeedRepository)
#include "tst_feedrepository.moc"
