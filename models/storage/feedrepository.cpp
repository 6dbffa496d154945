// SQL for feeds, folders and feed items.
#include "feedrepository.h"

#include "sqlquery.h"
#include "storageerror.h"
#include "transaction.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

QDateTime timeOrNull(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong());
}

} // namespace

FeedRepository::FeedRepository(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

qint64 FeedRepository::ensureFolder(const QString &path)
{
    qint64 parentId = 0;
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &rawPart : parts) {
        const QString part = rawPart.trimmed();
        SqlQuery find(m_connectionName,
                      parentId == 0 ? QStringLiteral(
                          "SELECT id FROM folders WHERE parent_id IS NULL AND name = ?")
                                    : QStringLiteral(
                                        "SELECT id FROM folders WHERE parent_id = ? AND name = ?"));
        if (parentId != 0)
            find.bind(parentId);
        const QVariant existing = find.bind(part).scalar();
        if (existing.isValid()) {
            parentId = existing.toLongLong();
            continue;
        }
        SqlQuery insert(m_connectionName,
                        QStringLiteral(
                            "INSERT INTO folders (parent_id, name) VALUES (?, ?) RETURNING id"));
        parentId = insert
                       .bind(parentId == 0 ? QVariant(QMetaType::fromType<qint64>())
                                           : QVariant(parentId))
                       .bind(part)
                       .scalar()
                       .toLongLong();
    }
    return parentId;
}

qint64 FeedRepository::addFeed(const NewFeed &feed)
{
    Transaction transaction(m_connectionName);
    SqlQuery exists(m_connectionName, QStringLiteral("SELECT id FROM feeds WHERE url = ?"));
    if (exists.bind(feed.url).scalar().isValid()) {
        throw StorageError(
            QCoreApplication::translate("FeedRepository", "You already follow %1.").arg(feed.url));
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    SqlQuery
        source(m_connectionName,
               QStringLiteral(
                   "INSERT INTO sources (kind, name, url, created_at) VALUES ('feed', ?, ?, ?) "
                   "ON CONFLICT (kind, name) DO UPDATE SET url = excluded.url RETURNING id"));
    const qint64 sourceId = source.bind(feed.url).bind(feed.url).bind(now).scalar().toLongLong();
    const qint64 folderId = feed.folderPath.isEmpty() ? 0 : ensureFolder(feed.folderPath);
    SqlQuery
        insert(m_connectionName,
               QStringLiteral(
                   "INSERT INTO feeds (source_id, folder_id, url, title, site_url, description, "
                   "format, follow_comments, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                   "RETURNING id"));
    const qint64 id = insert.bind(sourceId)
                          .bind(folderId == 0 ? QVariant(QMetaType::fromType<qint64>())
                                              : QVariant(folderId))
                          .bind(feed.url)
                          .bind(feed.title.isNull() ? QStringLiteral("") : feed.title) // NOT NULL
                          .bind(feed.siteUrl)
                          .bind(feed.description)
                          .bind(feed.format)
                          .bind(feed.followComments ? 1 : 0)
                          .bind(now)
                          .scalar()
                          .toLongLong();
    transaction.commit();
    return id;
}

QList<FeedRepository::Folder> FeedRepository::folders() const
{
    SqlQuery
        query(m_connectionName,
              QStringLiteral(
                  "SELECT id, COALESCE(parent_id, 0), name FROM folders ORDER BY position, name"));
    query.exec();
    QList<Folder> list;
    while (query.next())
        list.append({query.toInt64(0), query.toInt64(1), query.toString(2)});
    return list;
}

QList<FeedRepository::Feed> FeedRepository::feeds() const
{
    SqlQuery query(
        m_connectionName,
        QStringLiteral(
            "SELECT f.id, COALESCE(f.folder_id, 0), f.url, f.title, f.site_url, f.format, "
            "f.status, "
            "f.last_fetched_at, f.next_fetch_at, f.http_status, f.error_text, f.moved_from_url, "
            "(SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id), "
            "(SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id AND i.is_read = 0) "
            "FROM feeds f ORDER BY f.title, f.id"));
    query.exec();
    QList<Feed> list;
    while (query.next()) {
        Feed feed;
        feed.id = query.toInt64(0);
        feed.folderId = query.toInt64(1);
        feed.url = query.toString(2);
        feed.title = query.toString(3);
        feed.siteUrl = query.toString(4);
        feed.format = query.toString(5);
        feed.status = query.toString(6);
        feed.lastFetched = timeOrNull(query.value(7));
        feed.nextFetch = timeOrNull(query.value(8));
        feed.httpStatus = query.value(9).toInt();
        feed.errorText = query.toString(10);
        feed.movedFromUrl = query.toString(11);
        feed.itemCount = query.value(12).toInt();
        feed.unreadCount = query.value(13).toInt();
        list.append(feed);
    }
    return list;
}

QList<FeedRepository::Item> FeedRepository::items(qint64 feedId, int offset, int limit) const
{
    const QString where = feedId > 0 ? QStringLiteral("WHERE i.feed_id = ? ") : QString();
    SqlQuery query(
        m_connectionName,
        QStringLiteral(
            "SELECT i.id, i.feed_id, COALESCE(i.discussion_id, 0), i.title, i.link, "
            "COALESCE(i.author_name, m.display_name), COALESCE(i.published_at, i.fetched_at), "
            "i.is_read, i.is_starred, f.title, "
            "(SELECT COUNT(*) FROM enclosures e WHERE e.feed_item_id = i.id) "
            "FROM feed_items i JOIN feeds f ON f.id = i.feed_id "
            "LEFT JOIN posts p ON p.discussion_id = i.discussion_id AND p.parent_id IS NULL "
            "LEFT JOIN members m ON m.id = p.author_id ")
            + where
            + QStringLiteral("ORDER BY COALESCE(i.published_at, i.fetched_at) DESC, i.id DESC "
                             "LIMIT ? OFFSET ?"));
    if (feedId > 0)
        query.bind(feedId);
    query.bind(limit).bind(offset).exec();
    QList<Item> list;
    while (query.next()) {
        Item item;
        item.id = query.toInt64(0);
        item.feedId = query.toInt64(1);
        item.discussionId = query.toInt64(2);
        item.title = query.toString(3);
        item.link = query.toString(4);
        item.author = query.toString(5);
        item.published = QDateTime::fromSecsSinceEpoch(query.toInt64(6));
        item.read = query.value(7).toInt() != 0;
        item.starred = query.value(8).toInt() != 0;
        item.feedTitle = query.toString(9);
        item.enclosureCount = query.value(10).toInt();
        list.append(item);
    }
    return list;
}

QString FeedRepository::itemHtml(qint64 itemId) const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral(
                       "SELECT COALESCE(p.body_html, p.body_text) FROM feed_items i "
                       "JOIN posts p ON p.discussion_id = i.discussion_id AND p.parent_id IS NULL "
                       "WHERE i.id = ? ORDER BY p.created_at LIMIT 1"));
    return query.bind(itemId).scalar().toString();
}

bool FeedRepository::removeFeed(qint64 feedId)
{
    // The feed's items go with it; the discussions and posts they brought in stay, they are
    // the community's history.
    SqlQuery remove(m_connectionName, QStringLiteral("DELETE FROM feeds WHERE id = ?"));
    remove.bind(feedId).exec();
    return remove.numRowsAffected() > 0;
}

QString FeedRepository::folderPath(qint64 folderId) const
{
    QStringList parts;
    const QList<Folder> all = folders();
    // Walk up to the top; a cycle cannot happen through the UI, but stop at one anyway.
    for (qint64 id = folderId; id != 0 && parts.size() <= all.size();) {
        const auto it = std::find_if(all.cbegin(), all.cend(), [id](const Folder &f) {
            return f.id == id;
        });
        if (it == all.cend())
            break;
        parts.prepend(it->name);
        id = it->parentId;
    }
    return parts.join(QLatin1Char('/'));
}

void FeedRepository::setRead(qint64 itemId, bool read)
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("UPDATE feed_items SET is_read = ? WHERE id = ?"));
    query.bind(read ? 1 : 0).bind(itemId).exec();
}
