// Feed subscriptions, their folders and their items.
#pragma once

#include <QDateTime>
#include <QList>
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

    explicit FeedRepository(QString connectionName);

    // Stores a subscription (and its source) without any network access; returns its id.
    // Throws StorageError for a URL that is already subscribed.
    qint64 addFeed(const NewFeed &feed);
    qint64 ensureFolder(const QString &path);

    [[nodiscard]] QList<Folder> folders() const;
    [[nodiscard]] QList<Feed> feeds() const;
    // Items of one feed (or all feeds for 0), newest first.
    [[nodiscard]] QList<Item> items(qint64 feedId, int offset, int limit) const;
    [[nodiscard]] QString itemHtml(qint64 itemId) const;
    void setRead(qint64 itemId, bool read);
    // Ends a subscription; false when there is no such feed.
    bool removeFeed(qint64 feedId);
    // "Blogs/Team" for a folder, empty for 0 (the top level).
    [[nodiscard]] QString folderPath(qint64 folderId) const;

private:
    QString m_connectionName;
};
