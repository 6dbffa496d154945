// SQL for feeds, folders and feed items.
#include "feedrepository.h"

#include "sqlquery.h"
#include "storageerror.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QMultiHash>
#include <QUrl>

#include <algorithm>

namespace {

QDateTime timeOrNull(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong());
}

// The first 14 columns every feed query selects: what the feed list shows.
FeedRepository::Feed readFeedSummary(const SqlQuery &query)
{
    FeedRepository::Feed feed;
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
    return feed;
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

QList<FeedRepository::AddOutcome> FeedRepository::addFeeds(const QList<NewFeed> &feeds)
{
    QList<AddOutcome> outcomes;
    Transaction transaction(m_connectionName);
    for (const NewFeed &feed : feeds) {
        if (const qint64 existing = feedIdForUrl(feed.url); existing != 0)
            outcomes.append(AddOutcome{existing, false});
        else
            outcomes.append(AddOutcome{addFeed(feed), true});
    }
    transaction.commit();
    return outcomes;
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
        list.append(readFeedSummary(query));
    }
    return list;
}

QList<FeedRepository::Item> FeedRepository::items(qint64 feedId, int offset, int limit) const
{
    ItemScope scope;
    scope.feedId = feedId;
    return items(scope, offset, limit);
}

namespace {

// The WHERE clause of a scope over feed_items aliased i, with its values in binding order.
QString scopeCondition(const FeedRepository::ItemScope &scope,
                       const QList<qint64> &folders,
                       QVariantList *values)
{
    QStringList conditions;
    if (scope.feedId > 0) {
        conditions << QStringLiteral("i.feed_id = ?");
        values->append(scope.feedId);
    } else if (scope.folderId > 0) {
        QStringList marks;
        for (const qint64 folder : folders) {
            marks << QStringLiteral("?");
            values->append(folder);
        }
        conditions << QStringLiteral("i.feed_id IN (SELECT id FROM feeds WHERE folder_id IN (%1))")
                          .arg(marks.join(QLatin1Char(',')));
    }
    if (scope.unreadOnly)
        conditions << QStringLiteral("i.is_read = 0");
    if (scope.starredOnly)
        conditions << QStringLiteral("i.is_starred = 1");
    return conditions.isEmpty()
               ? QString()
               : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

} // namespace

QList<qint64> FeedRepository::folderSubtree(qint64 folderId) const
{
    QMultiHash<qint64, qint64> children;
    for (const Folder &folder : folders())
        children.insert(folder.parentId, folder.id);
    QList<qint64> subtree{folderId};
    for (qsizetype i = 0; i < subtree.size(); ++i)
        subtree += children.values(subtree.at(i));
    return subtree;
}

QList<FeedRepository::Item> FeedRepository::items(const ItemScope &scope,
                                                  int offset,
                                                  int limit) const
{
    QVariantList values;
    const QList<qint64> folders = scope.feedId <= 0 && scope.folderId > 0
                                      ? folderSubtree(scope.folderId)
                                      : QList<qint64>();
    const QString where = scopeCondition(scope, folders, &values);
    SqlQuery query(
        m_connectionName,
        QStringLiteral(
            "SELECT i.id, i.feed_id, COALESCE(i.discussion_id, 0), i.title, i.link, "
            "COALESCE(i.author_name, m.display_name), COALESCE(i.published_at, i.fetched_at), "
            "i.is_read, i.is_starred, f.title, "
            "(SELECT COUNT(*) FROM enclosures e WHERE e.feed_item_id = i.id) "
            "FROM feed_items i JOIN feeds f ON f.id = i.feed_id "
            "LEFT JOIN posts p ON p.discussion_id = i.discussion_id AND p.parent_id IS NULL "
            "LEFT JOIN members m ON m.id = p.author_id")
            + where
            + QStringLiteral(" ORDER BY COALESCE(i.published_at, i.fetched_at) DESC, i.id DESC "
                             "LIMIT ? OFFSET ?"));
    for (const QVariant &value : std::as_const(values))
        query.bind(value);
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

int FeedRepository::markAllRead(const ItemScope &scope)
{
    ItemScope unread = scope;
    unread.unreadOnly = true;
    QVariantList values;
    const QList<qint64> folders = scope.feedId <= 0 && scope.folderId > 0
                                      ? folderSubtree(scope.folderId)
                                      : QList<qint64>();
    // UPDATE has no alias in SQLite's older grammar: name the table i in a sub-select instead.
    SqlQuery query(m_connectionName,
                   QStringLiteral("UPDATE feed_items SET is_read = 1 WHERE id IN "
                                  "(SELECT i.id FROM feed_items i")
                       + scopeCondition(unread, folders, &values) + QStringLiteral(")"));
    for (const QVariant &value : std::as_const(values))
        query.bind(value);
    query.exec();
    return query.numRowsAffected();
}

void FeedRepository::setStarred(qint64 itemId, bool starred)
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("UPDATE feed_items SET is_starred = ? WHERE id = ?"));
    query.bind(starred ? 1 : 0).bind(itemId).exec();
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

qint64 FeedRepository::feedIdForUrl(const QString &url) const
{
    SqlQuery query(m_connectionName, QStringLiteral("SELECT id FROM feeds WHERE url = ?"));
    return query.bind(url).scalar().toLongLong();
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

namespace {

// The columns readFullFeed() expects, in its order.
const char fullFeedColumns[]
    = "SELECT f.id, COALESCE(f.folder_id, 0), f.url, f.title, f.site_url, f.format, f.status, "
      "f.last_fetched_at, f.next_fetch_at, f.http_status, f.error_text, f.moved_from_url, "
      "(SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id), "
      "(SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id AND i.is_read = 0), "
      "f.source_id, f.description, f.image_url, f.etag, f.last_modified, f.refresh_interval_s, "
      "COALESCE(f.retention_cap, 0), f.follow_comments, f.auth_user, f.consecutive_failures, "
      "COALESCE(f.ttl_s, 0), f.remote_content_allowed FROM feeds f ";

FeedRepository::Feed readFullFeed(const SqlQuery &query)
{
    FeedRepository::Feed feed = readFeedSummary(query);
    feed.sourceId = query.toInt64(14);
    feed.description = query.toString(15);
    feed.imageUrl = query.toString(16);
    feed.etag = query.toString(17);
    feed.lastModified = query.toString(18);
    feed.refreshIntervalSeconds = query.value(19).toInt();
    feed.retentionCap = query.value(20).toInt();
    feed.followComments = query.value(21).toInt() != 0;
    feed.authUser = query.toString(22);
    feed.consecutiveFailures = query.value(23).toInt();
    feed.ttlSeconds = query.value(24).toInt();
    feed.remoteContentAllowed = query.value(25).toInt() != 0;
    return feed;
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant secsOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toSecsSinceEpoch())
                          : QVariant(QMetaType::fromType<qint64>());
}

QString derivedStatus(const FeedRepository::FetchRecord &record)
{
    if (!record.status.isEmpty())
        return record.status;
    if (record.httpStatus == 410)
        return QStringLiteral("gone");
    if (!record.errorText.isEmpty())
        return QStringLiteral("error");
    return QStringLiteral("active");
}

} // namespace

void FeedRepository::recordFetch(qint64 feedId, const FetchRecord &record)
{
    Transaction transaction(m_connectionName);
    // COALESCE keeps the stored value where the document said nothing; the CASE writes both
    // validators or neither.
    SqlQuery
        update(m_connectionName,
               QStringLiteral(
                   "UPDATE feeds SET title = COALESCE(?, title), site_url = COALESCE(?, site_url), "
                   "description = COALESCE(?, description), image_url = COALESCE(?, image_url), "
                   "etag = CASE WHEN ? = 1 THEN etag ELSE ? END, "
                   "last_modified = CASE WHEN ? = 1 THEN last_modified ELSE ? END, "
                   "http_status = ?, error_text = ?, last_fetched_at = ?, next_fetch_at = ?, "
                   "status = ?, ttl_s = CASE WHEN ? = 1 THEN ttl_s ELSE ? END, "
                   "consecutive_failures = CASE WHEN ? = 1 THEN consecutive_failures "
                   "WHEN ? = 1 THEN consecutive_failures + 1 ELSE 0 END, "
                   "row_version = row_version + 1 WHERE id = ?"));
    const int keep = record.keepValidators ? 1 : 0;
    update.bind(nullIfEmpty(record.title.trimmed()))
        .bind(nullIfEmpty(record.siteUrl.trimmed()))
        .bind(nullIfEmpty(record.description.trimmed()))
        .bind(nullIfEmpty(record.imageUrl.trimmed()))
        .bind(keep)
        .bind(nullIfEmpty(record.etag))
        .bind(keep)
        .bind(nullIfEmpty(record.lastModified))
        .bind(record.httpStatus > 0 ? QVariant(record.httpStatus)
                                    : QVariant(QMetaType::fromType<int>()))
        .bind(nullIfEmpty(record.errorText))
        .bind(record.fetchedAt.isValid() ? record.fetchedAt.toSecsSinceEpoch()
                                         : QDateTime::currentSecsSinceEpoch())
        .bind(secsOrNull(record.nextFetch))
        .bind(derivedStatus(record))
        .bind(record.ttlSeconds < 0 ? 1 : 0)
        .bind(record.ttlSeconds > 0 ? QVariant(record.ttlSeconds)
                                    : QVariant(QMetaType::fromType<int>()))
        .bind(record.keepFailureCount ? 1 : 0)
        .bind(record.errorText.isEmpty() ? 0 : 1)
        .bind(feedId)
        .exec();

    const QString newUrl = record.movedToUrl.trimmed();
    if (!newUrl.isEmpty()) {
        SqlQuery current(m_connectionName,
                         QStringLiteral("SELECT url, source_id FROM feeds WHERE id = ?"));
        current.bind(feedId).exec();
        if (current.next() && current.toString(0) != newUrl) {
            const QString oldUrl = current.toString(0);
            const qint64 sourceId = current.toInt64(1);
            current.finish();
            SqlQuery exists(m_connectionName, QStringLiteral("SELECT id FROM feeds WHERE url = ?"));
            if (exists.bind(newUrl).scalar().isValid()) {
                throw StorageError(
                    QCoreApplication::translate("FeedRepository", "You already follow %1.")
                        .arg(newUrl));
            }
            SqlQuery move(m_connectionName,
                          QStringLiteral(
                              "UPDATE feeds SET moved_from_url = ?, url = ? WHERE id = ?"));
            move.bind(oldUrl).bind(newUrl).bind(feedId).exec();
            // Batches name their source by the feed's URL; the source follows so new items
            // land next to the old ones.
            SqlQuery rename(m_connectionName,
                            QStringLiteral(
                                "UPDATE sources SET name = ?, url = ? WHERE id = ? AND NOT EXISTS "
                                "(SELECT 1 FROM sources s WHERE s.kind = sources.kind AND "
                                "s.name = ?)"));
            rename.bind(newUrl).bind(newUrl).bind(sourceId).bind(newUrl).exec();
        }
    }
    transaction.commit();
}

FeedRepository::Feed FeedRepository::feed(qint64 id) const
{
    SqlQuery query(m_connectionName,
                   QLatin1String(fullFeedColumns) + QStringLiteral("WHERE f.id = ?"));
    query.bind(id).exec();
    return query.next() ? readFullFeed(query) : Feed();
}

QList<FeedRepository::Feed> FeedRepository::dueFeeds(const QDateTime &now) const
{
    SqlQuery query(m_connectionName,
                   QLatin1String(fullFeedColumns)
                       + QStringLiteral("WHERE f.status = 'active' AND (f.next_fetch_at IS NULL OR "
                                        "f.next_fetch_at <= ?) "
                                        "ORDER BY COALESCE(f.next_fetch_at, 0), f.id"));
    query.bind(now.toSecsSinceEpoch()).exec();
    QList<Feed> list;
    while (query.next())
        list.append(readFullFeed(query));
    return list;
}

void FeedRepository::setRetentionCap(qint64 feedId, int cap)
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("UPDATE feeds SET retention_cap = ?, row_version = row_version + "
                                  "1 WHERE id = ?"));
    query.bind(cap > 0 ? QVariant(cap) : QVariant(QMetaType::fromType<int>())).bind(feedId).exec();
}

void FeedRepository::setRemoteContentAllowed(qint64 feedId, bool allowed)
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("UPDATE feeds SET remote_content_allowed = ?, row_version = "
                                  "row_version + 1 WHERE id = ?"));
    query.bind(allowed ? 1 : 0).bind(feedId).exec();
}

FeedRepository::FeedSettings FeedRepository::settings(qint64 feedId) const
{
    const Feed stored = feed(feedId);
    if (stored.id == 0)
        throw StorageError(
            QCoreApplication::translate("FeedRepository", "There is no feed %1.").arg(feedId));
    FeedSettings settings;
    settings.title = stored.title;
    settings.folderPath = folderPath(stored.folderId);
    settings.refreshIntervalSeconds = stored.refreshIntervalSeconds;
    settings.retentionCap = stored.retentionCap;
    settings.followComments = stored.followComments;
    settings.authUser = stored.authUser;
    return settings;
}

int FeedRepository::updateFeedSettings(qint64 feedId, const FeedSettings &settings)
{
    Transaction transaction(m_connectionName);
    const QString path = settings.folderPath.trimmed();
    const qint64 folderId = path.isEmpty() ? 0 : ensureFolder(path);
    const QString user = settings.authUser.trimmed();
    SqlQuery update(m_connectionName,
                    QStringLiteral(
                        "UPDATE feeds SET title = ?, folder_id = ?, refresh_interval_s = ?, "
                        "retention_cap = ?, follow_comments = ?, auth_user = ?, "
                        "row_version = row_version + 1 WHERE id = ?"));
    update.bind(settings.title.trimmed())
        .bind(folderId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(folderId))
        .bind(qMax(1, settings.refreshIntervalSeconds))
        .bind(settings.retentionCap > 0 ? QVariant(settings.retentionCap)
                                        : QVariant(QMetaType::fromType<int>()))
        .bind(settings.followComments ? 1 : 0)
        .bind(nullIfEmpty(user))
        .bind(feedId)
        .exec();
    if (update.numRowsAffected() == 0)
        throw StorageError(
            QCoreApplication::translate("FeedRepository", "There is no feed %1.").arg(feedId));
    const int removed = applyRetention(feedId);
    transaction.commit();
    return removed;
}

int FeedRepository::applyRetention(qint64 feedId)
{
    Transaction transaction(m_connectionName);
    SqlQuery capQuery(m_connectionName,
                      QStringLiteral("SELECT COALESCE(retention_cap, 0) FROM feeds WHERE id = ?"));
    const int cap = capQuery.bind(feedId).scalar().toInt();
    if (cap <= 0) {
        // Leaving without commit() would doom a caller's transaction.
        transaction.commit();
        return 0;
    }

    // The newest cap items stay whatever they are; older ones go unless someone kept them.
    SqlQuery items(m_connectionName,
                   QStringLiteral(
                       "SELECT i.id, i.dedup_key, CASE WHEN i.is_starred <> 0 OR EXISTS "
                       "(SELECT 1 FROM discussion_tags t WHERE t.discussion_id = i.discussion_id) "
                       "THEN 1 ELSE 0 END FROM feed_items i WHERE i.feed_id = ? "
                       "ORDER BY COALESCE(i.published_at, i.fetched_at) DESC, i.id DESC"));
    items.bind(feedId).exec();
    struct Doomed
    {
        qint64 id;
        QString dedupKey;
    };
    QList<Doomed> doomed;
    int position = 0;
    while (items.next()) {
        if (position++ < cap || items.value(2).toInt() != 0)
            continue;
        doomed.append({items.toInt64(0), items.toString(1)});
    }
    items.finish();
    if (doomed.isEmpty()) {
        transaction.commit();
        return 0;
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    SqlQuery tombstone(m_connectionName,
                       QStringLiteral("INSERT INTO feed_item_tombstones (feed_id, dedup_key, "
                                      "deleted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    SqlQuery remove(m_connectionName, QStringLiteral("DELETE FROM feed_items WHERE id = ?"));
    for (const Doomed &item : std::as_const(doomed)) {
        tombstone.bind(feedId).bind(item.dedupKey).bind(now).exec();
        remove.bind(item.id).exec();
    }
    transaction.commit();
    return static_cast<int>(doomed.size());
}

QSet<QString> FeedRepository::tombstones(qint64 feedId) const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT dedup_key FROM feed_item_tombstones WHERE feed_id = ?"));
    query.bind(feedId).exec();
    QSet<QString> keys;
    while (query.next())
        keys.insert(query.toString(0));
    return keys;
}

QList<FeedRepository::CommentFeed> FeedRepository::commentFeeds(qint64 feedId,
                                                                const QDateTime &since,
                                                                int limit) const
{
    SqlQuery
        query(m_connectionName,
              QStringLiteral(
                  "SELECT i.id, i.comments_url, i.comments_etag, i.comments_last_modified, "
                  "i.comments_validated_url FROM feed_items i JOIN feeds f ON f.id = i.feed_id "
                  "WHERE i.feed_id = ? AND f.follow_comments <> 0 AND i.comments_url IS NOT "
                  "NULL AND i.comments_url <> '' AND i.discussion_id IS NOT NULL "
                  "AND COALESCE(i.published_at, i.fetched_at) >= ? "
                  "ORDER BY COALESCE(i.published_at, i.fetched_at) DESC, i.id DESC LIMIT ?"));
    query.bind(feedId).bind(since.toSecsSinceEpoch()).bind(qMax(0, limit)).exec();
    QList<CommentFeed> list;
    while (query.next()) {
        CommentFeed feed{query.toInt64(0), query.toString(1), {}, {}};
        // Validators of an earlier comments URL are not sent to the current one.
        if (QUrl(query.toString(4)) == QUrl(feed.url)) {
            feed.etag = query.toString(2);
            feed.lastModified = query.toString(3);
        }
        list.append(feed);
    }
    return list;
}

FeedRepository::CommentThread FeedRepository::commentThread(qint64 itemId) const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral(
                       "SELECT s.name, d.external_id, d.title, d.url, d.created_at, "
                       "(SELECT p.external_id FROM posts p WHERE p.discussion_id = d.id AND "
                       "p.parent_id IS NULL ORDER BY p.created_at, p.id LIMIT 1) "
                       "FROM feed_items i JOIN discussions d ON d.id = i.discussion_id "
                       "JOIN sources s ON s.id = d.source_id WHERE i.id = ?"));
    query.bind(itemId).exec();
    CommentThread thread;
    if (!query.next())
        return thread;
    thread.itemId = itemId;
    thread.sourceName = query.toString(0);
    thread.discussionExternalId = query.toString(1);
    thread.title = query.toString(2);
    thread.url = query.toString(3);
    thread.created = timeOrNull(query.value(4));
    thread.firstPostExternalId = query.toString(5);
    return thread;
}

void FeedRepository::recordCommentValidators(qint64 itemId,
                                             const QString &url,
                                             const QString &etag,
                                             const QString &lastModified)
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("UPDATE feed_items SET comments_etag = ?, "
                                  "comments_last_modified = ?, comments_validated_url = ? "
                                  "WHERE id = ?"));
    query.bind(nullIfEmpty(etag)).bind(nullIfEmpty(lastModified)).bind(url).bind(itemId).exec();
}

namespace {

const char enclosureColumns[]
    = "SELECT id, feed_item_id, url, COALESCE(mime_type, ''), COALESCE(length_bytes, -1), "
      "COALESCE(duration_s, -1), COALESCE(local_path, '') FROM enclosures ";

FeedRepository::Enclosure readEnclosure(const SqlQuery &query)
{
    FeedRepository::Enclosure enclosure;
    enclosure.id = query.toInt64(0);
    enclosure.itemId = query.toInt64(1);
    enclosure.url = query.toString(2);
    enclosure.mimeType = query.toString(3);
    enclosure.lengthBytes = query.toInt64(4);
    enclosure.durationSeconds = query.value(5).toInt();
    enclosure.localPath = query.toString(6);
    return enclosure;
}

} // namespace

QList<FeedRepository::Enclosure> FeedRepository::enclosures(qint64 itemId) const
{
    SqlQuery query(m_connectionName,
                   QLatin1String(enclosureColumns)
                       + QStringLiteral("WHERE feed_item_id = ? ORDER BY id"));
    query.bind(itemId).exec();
    QList<Enclosure> list;
    while (query.next())
        list.append(readEnclosure(query));
    return list;
}

FeedRepository::Enclosure FeedRepository::enclosure(qint64 enclosureId) const
{
    SqlQuery query(m_connectionName,
                   QLatin1String(enclosureColumns) + QStringLiteral("WHERE id = ?"));
    query.bind(enclosureId).exec();
    return query.next() ? readEnclosure(query) : Enclosure();
}

bool FeedRepository::setEnclosureLocalPath(qint64 enclosureId, const QString &path)
{
    Transaction transaction(m_connectionName);
    SqlQuery update(m_connectionName,
                    QStringLiteral("UPDATE enclosures SET local_path = ? WHERE id = ?"));
    update.bind(nullIfEmpty(path)).bind(enclosureId).exec();
    const bool found = update.numRowsAffected() > 0;
    transaction.commit();
    return found;
}
