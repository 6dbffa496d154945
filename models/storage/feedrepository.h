// Feed subscriptions, their folders and their items.
#pragma once

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

class FeedRepository final
{
public:
    struct NewFeed
    {
        QString url;
        QString title;
        QString folderPath; // "Blogs/Team", created as needed; empty for the top level
        QString siteUrl;
        QString description;
        QString format; // "rss", "atom", "json", "podcast"
        bool followComments = false;
    };

    struct Folder
    {
        qint64 id = 0;
        qint64 parentId = 0;
        QString name;
    };

    struct Feed
    {
        qint64 id = 0;
        qint64 folderId = 0;
        QString url;
        QString title;
        QString siteUrl;
        QString format;
        QString status;
        QDateTime lastFetched;
        QDateTime nextFetch;
        int httpStatus = 0;
        QString errorText;
        QString movedFromUrl;
        int itemCount = 0;
        int unreadCount = 0;
        // Filled by feed() and dueFeeds(), not by feeds().
        qint64 sourceId = 0;
        QString description;
        QString imageUrl;
        QString etag;
        QString lastModified;
        int refreshIntervalSeconds = 0;
        int retentionCap = 0; // 0: keep every item
    };

    struct Item
    {
        qint64 id = 0;
        qint64 feedId = 0;
        qint64 discussionId = 0;
        QString title;
        QString link;
        QString author;
        QDateTime published;
        bool read = false;
        bool starred = false;
        QString feedTitle;
        int enclosureCount = 0;
    };

    // What one fetch of a feed found out, for recordFetch().
    struct FetchRecord
    {
        QDateTime fetchedAt; // invalid: now
        QDateTime nextFetch; // invalid: due right away
        int httpStatus = 0;  // 0 when no HTTP response arrived
        QString errorText;   // empty clears the stored error
        // "active", "gone" or "error"; empty derives it: 410 is gone, an error text is an error.
        QString status;
        // What the document said about itself; empty values keep what is stored.
        QString title;
        QString siteUrl;
        QString description;
        QString imageUrl;
        // Written as a pair, so a stale half never goes back to the server; keepValidators
        // leaves the stored pair alone (a 304 that repeated neither).
        QString etag;
        QString lastModified;
        bool keepValidators = false;
        // After a permanent redirect: the URL the feed lives at from now on.
        QString movedToUrl;
    };

    // What addFeeds() did with one feed.
    struct AddOutcome
    {
        qint64 id = 0;      // the new subscription's, or the one that was there already
        bool added = false; // false: the URL was followed already, nothing changed
    };

    explicit FeedRepository(QString connectionName);

    // Stores a subscription (and its source) without any network access; returns its id.
    // Throws StorageError for a URL that is already subscribed.
    qint64 addFeed(const NewFeed &feed);
    // Stores several subscriptions in one transaction, in order; one whose URL is followed
    // already (or listed twice) is skipped and reported, not an error.
    QList<AddOutcome> addFeeds(const QList<NewFeed> &feeds);
    qint64 ensureFolder(const QString &path);

    [[nodiscard]] QList<Folder> folders() const;
    [[nodiscard]] QList<Feed> feeds() const;
    // Items of one feed (or all feeds for 0), newest first.
    [[nodiscard]] QList<Item> items(qint64 feedId, int offset, int limit) const;
    [[nodiscard]] QString itemHtml(qint64 itemId) const;
    void setRead(qint64 itemId, bool read);
    // The id of the subscription to this URL, or 0.
    [[nodiscard]] qint64 feedIdForUrl(const QString &url) const;
    // Ends a subscription; false when there is no such feed.
    bool removeFeed(qint64 feedId);
    // "Blogs/Team" for a folder, empty for 0 (the top level).
    [[nodiscard]] QString folderPath(qint64 folderId) const;

    // Stores the outcome of a fetch in one transaction. A move also renames the feed's source,
    // so its discussions stay with it. Throws StorageError when the new URL is already followed.
    void recordFetch(qint64 feedId, const FetchRecord &record);
    // The feed with this id; id 0 when there is none.
    [[nodiscard]] Feed feed(qint64 id) const;
    // Active feeds never fetched or whose next fetch is at or before now, the most overdue first.
    [[nodiscard]] QList<Feed> dueFeeds(const QDateTime &now) const;
    // cap <= 0 keeps every item.
    void setRetentionCap(qint64 feedId, int cap);
    // Keeps the newest retention_cap items of a feed and deletes older ones, except starred items
    // and items whose discussion has tags. The discussions stay (they are the community's
    // history); each deleted item leaves a tombstone so a later fetch does not bring it back.
    // Returns how many items were deleted.
    int applyRetention(qint64 feedId);
    // Dedup keys of the feed's deleted items; see FeedItemMapper::dropTombstoned().
    [[nodiscard]] QSet<QString> tombstones(qint64 feedId) const;

private:
    QString m_connectionName;
};
