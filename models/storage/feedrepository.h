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
        bool followComments = false;
        QString authUser; // HTTP Basic user; the password is in the keychain only
        int consecutiveFailures = 0;
        int ttlSeconds = 0; // what the feed announced (RSS ttl, sy:updatePeriod); 0: nothing
        bool remoteContentAllowed = false;
    };

    // What a person decides about a feed, for settings() and updateFeedSettings().
    struct FeedSettings
    {
        QString title;
        QString folderPath; // "Blogs/Team", created as needed; empty for the top level
        int refreshIntervalSeconds = 3600;
        int retentionCap = 0; // 0: keep every item
        bool followComments = false;
        QString authUser; // empty: no authentication
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

    // Which items a list shows: one feed, the feeds of a folder and its sub-folders, or all.
    struct ItemScope
    {
        qint64 feedId = 0;   // > 0: this feed only
        qint64 folderId = 0; // > 0 (and no feed): the feeds in this folder and below
        bool unreadOnly = false;
        bool starredOnly = false;
    };

    // A file attached to an item (a podcast episode); sizes and durations are -1 when unknown.
    struct Enclosure
    {
        qint64 id = 0;
        qint64 itemId = 0;
        QString url;
        QString mimeType;
        qint64 lengthBytes = -1;
        int durationSeconds = -1;
        QString localPath; // where it was downloaded to; empty until then
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
        // What the document announced about its refresh (seconds); 0 clears, -1 keeps.
        int ttlSeconds = -1;
        // Leaves the failures in a row alone, for a fetch that never reached the server.
        bool keepFailureCount = false;
    };

    // The comments feed of a feed item, with the validators of its last fetch.
    struct CommentFeed
    {
        qint64 itemId = 0;
        QString url;
        QString etag;
        QString lastModified;
    };

    // Where the comments of a feed item go: the discussion the item became and its first post.
    struct CommentThread
    {
        qint64 itemId = 0; // 0 when the item or its discussion is gone
        QString sourceName;
        QString discussionExternalId;
        QString title;
        QString url;
        QDateTime created;
        QString firstPostExternalId;
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
    [[nodiscard]] QList<Item> items(const ItemScope &scope, int offset, int limit) const;
    // Marks every item in the scope read; returns how many changed.
    int markAllRead(const ItemScope &scope);
    void setStarred(qint64 itemId, bool starred);
    // The ids of this folder and every folder below it.
    [[nodiscard]] QList<qint64> folderSubtree(qint64 folderId) const;
    [[nodiscard]] QString itemHtml(qint64 itemId) const;
    void setRead(qint64 itemId, bool read);
    // The id of the subscription to this URL, or 0.
    [[nodiscard]] qint64 feedIdForUrl(const QString &url) const;
    // Ends a subscription; false when there is no such feed.
    bool removeFeed(qint64 feedId);
    // "Blogs/Team" for a folder, empty for 0 (the top level).
    [[nodiscard]] QString folderPath(qint64 folderId) const;

    // Stores the outcome of a fetch in one transaction. A fetch with an error text counts as a
    // failure in a row (consecutive_failures + 1), one without resets the count. A move also renames the feed's source,
    // so its discussions stay with it. Throws StorageError when the new URL is already followed.
    void recordFetch(qint64 feedId, const FetchRecord &record);
    // The feed with this id; id 0 when there is none.
    [[nodiscard]] Feed feed(qint64 id) const;
    // Active feeds never fetched or whose next fetch is at or before now, the most overdue first.
    [[nodiscard]] QList<Feed> dueFeeds(const QDateTime &now) const;
    // cap <= 0 keeps every item.
    void setRetentionCap(qint64 feedId, int cap);
    // Whether the reader may load the remote images and media of this feed's items.
    void setRemoteContentAllowed(qint64 feedId, bool allowed);
    // The current settings of a feed. Throws StorageError when there is no such feed.
    [[nodiscard]] FeedSettings settings(qint64 feedId) const;
    // Writes all settings of a feed in one transaction (the folder is created as needed). A
    // changed refresh interval applies from the next fetch; a lower item limit at once (see
    // applyRetention()). Returns how many items the limit removed. Throws StorageError when
    // there is no such feed.
    int updateFeedSettings(qint64 feedId, const FeedSettings &settings);
    // Keeps the newest retention_cap items of a feed and deletes older ones, except starred items
    // and items whose discussion has tags. The discussions stay (they are the community's
    // history); each deleted item leaves a tombstone so a later fetch does not bring it back.
    // Returns how many items were deleted.
    int applyRetention(qint64 feedId);
    // Dedup keys of the feed's deleted items; see FeedItemMapper::dropTombstoned().
    [[nodiscard]] QSet<QString> tombstones(qint64 feedId) const;

    // The comments feeds of the feed's newest items published (undated ones: fetched) at or
    // after since, at most limit of them, newest first. Empty when the feed does not follow
    // comments.
    [[nodiscard]] QList<CommentFeed> commentFeeds(qint64 feedId,
                                                  const QDateTime &since,
                                                  int limit) const;
    [[nodiscard]] CommentThread commentThread(qint64 itemId) const;
    // Keeps the validators a fetch of the item's comments feed at url answered with; empty
    // ones are stored as none.
    void recordCommentValidators(qint64 itemId,
                                 const QString &url,
                                 const QString &etag,
                                 const QString &lastModified);
    // The enclosures of an item in the order the feed listed them; empty for an unknown item.
    [[nodiscard]] QList<Enclosure> enclosures(qint64 itemId) const;
    // The enclosure with this id; id 0 when there is none.
    [[nodiscard]] Enclosure enclosure(qint64 enclosureId) const;
    // Records where the enclosure's file was saved (empty forgets it); false for an unknown id.
    bool setEnclosureLocalPath(qint64 enclosureId, const QString &path);

private:
    QString m_connectionName;
};
