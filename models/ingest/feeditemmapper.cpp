// Dedup keys, authors, dates and sanitised bodies of feed items as import value structs.
#include "feeditemmapper.h"

#include "htmlsanitizer.h"

#include <QCryptographicHash>
#include <QHash>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace {

// Longest title made from an item's text when the item has no title.
constexpr qsizetype maxDerivedTitle = 80;

QDateTime clamped(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    // A clock or time zone slip of a few hours is tolerated; anything later is a wrong date.
    return time > now.addDays(1) ? now : time;
}

QDateTime createdAt(const ParsedItem &item, const QDateTime &now)
{
    if (item.published.isValid())
        return clamped(item.published, now);
    if (item.updated.isValid())
        return clamped(item.updated, now);
    return now;
}

ImportAuthor toImportAuthor(const ParsedAuthor &author)
{
    ImportAuthor result;
    result.displayName = author.name.trimmed();
    result.email = author.email.trimmed();
    result.url = author.url.trimmed();
    return result;
}

// The item's first author, else the feed's (which holds the channel's itunes:author too), else
// the host among the item's podcast:person entries.
ImportAuthor authorOf(const ParsedItem &item, const QList<ParsedAuthor> &feedAuthors)
{
    for (const ParsedAuthor &author : item.authors) {
        if (!author.isEmpty())
            return toImportAuthor(author);
    }
    for (const ParsedAuthor &author : feedAuthors) {
        if (!author.isEmpty())
            return toImportAuthor(author);
    }
    for (const ParsedPerson &person : item.persons) {
        if (person.role.compare(QLatin1String("host"), Qt::CaseInsensitive) == 0
            && !person.name.trimmed().isEmpty()) {
            ImportAuthor author;
            author.displayName = person.name.trimmed();
            author.url = person.href.trimmed();
            return author;
        }
    }
    return {};
}

QUrl baseUrlFor(const ParsedItem &item, const QString &fallback)
{
    const QUrl link(item.link);
    if (link.isValid() && !link.isRelative())
        return link;
    return QUrl(fallback);
}

struct Body
{
    QString html;
    QString text;
};

Body bodyOf(const ParsedItem &item, const QUrl &baseUrl)
{
    const QString raw = item.contentHtml.isEmpty() ? item.summary : item.contentHtml;
    Body body;
    if (raw.trimmed().isEmpty())
        return body;
    body.html = HtmlSanitizer::sanitize(raw, baseUrl);
    body.text = HtmlSanitizer::toPlainText(body.html);
    return body;
}

// Never null: discussions.title is NOT NULL.
QString titleFor(const ParsedItem &item, const QString &text, const QString &key)
{
    QString title = item.title.simplified();
    if (title.isEmpty()) {
        title = text.simplified();
        if (title.size() > maxDerivedTitle) {
            title.truncate(maxDerivedTitle - 1);
            title.append(QChar(0x2026));
        }
    }
    if (title.isEmpty())
        title = item.link.isEmpty() ? key : item.link;
    return title.isNull() ? QStringLiteral("") : title;
}

ImportPost postFor(const ParsedItem &item,
                   const QString &key,
                   const ImportAuthor &author,
                   const QUrl &baseUrl,
                   const QDateTime &now)
{
    const Body body = bodyOf(item, baseUrl);
    ImportPost post;
    post.externalId = key;
    post.author = author;
    post.created = createdAt(item, now);
    post.html = body.html;
    post.text = body.text;
    post.url = item.link;
    return post;
}

} // namespace

QString FeedItemMapper::normalizeLink(const QString &link)
{
    const QString trimmed = link.trimmed();
    if (trimmed.isEmpty())
        return {};
    QUrl url(trimmed, QUrl::TolerantMode);
    if (!url.isValid() || url.isRelative())
        return trimmed;
    url.setScheme(url.scheme().toLower());
    url.setHost(url.host().toLower());
    url.setFragment(QString());

    if (url.hasQuery()) {
        const QUrlQuery query(url);
        QUrlQuery kept;
        const auto items = query.queryItems(QUrl::FullyEncoded);
        for (const auto &item : items) {
            if (!item.first.startsWith(QLatin1String("utm_"), Qt::CaseInsensitive))
                kept.addQueryItem(item.first, item.second);
        }
        if (kept.isEmpty())
            url.setQuery(QString());
        else
            url.setQuery(kept);
    }

    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path, QUrl::TolerantMode);
    return url.toString(QUrl::FullyEncoded);
}

QString FeedItemMapper::dedupKey(const ParsedItem &item)
{
    const QString id = item.id.trimmed();
    if (!id.isEmpty())
        return id;
    const QString link = normalizeLink(item.link);
    if (!link.isEmpty())
        return link;
    for (const ParsedEnclosure &enclosure : item.enclosures) {
        const QString url = enclosure.url.trimmed();
        if (!url.isEmpty())
            return url;
    }
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(item.title.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(item.summary.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(item.contentHtml.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

ImportBatch FeedItemMapper::map(const ParsedFeed &feed,
                                qint64 feedId,
                                const QString &feedUrl,
                                const QDateTime &now)
{
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("feed");
    batch.sourceName = feedUrl;
    batch.sourceUrl = feedUrl;
    batch.feedId = feedId;

    const QString fallbackBase = feed.link.isEmpty() ? feedUrl : feed.link;
    QSet<QString> seen;
    for (const ParsedItem &item : feed.items) {
        const QString key = dedupKey(item);
        // A document that lists an item twice gets it once; the first listing wins.
        if (seen.contains(key))
            continue;
        seen.insert(key);

        const ImportPost post = postFor(item,
                                        key,
                                        authorOf(item, feed.authors),
                                        baseUrlFor(item, fallbackBase),
                                        now);

        ImportDiscussion discussion;
        discussion.externalId = key;
        discussion.title = titleFor(item, post.text, key);
        discussion.url = item.link;
        discussion.created = post.created;
        discussion.posts = {post};
        discussion.hasFeedItem = true;

        ImportFeedItem &feedItem = discussion.feedItem;
        feedItem.dedupKey = key;
        feedItem.title = discussion.title;
        feedItem.link = item.link;
        feedItem.commentsUrl = item.commentsUrl;
        feedItem.published = clamped(item.published, now);
        feedItem.updated = clamped(item.updated, now);
        for (const ParsedEnclosure &enclosure : item.enclosures) {
            if (enclosure.url.trimmed().isEmpty())
                continue;
            ImportEnclosure imported;
            imported.url = enclosure.url.trimmed();
            imported.mimeType = enclosure.type;
            imported.lengthBytes = enclosure.length;
            imported.durationSeconds = enclosure.durationSeconds;
            // An item's itunes:duration is the length of its (first) media file.
            if (imported.durationSeconds < 0 && feedItem.enclosures.isEmpty())
                imported.durationSeconds = item.durationSeconds;
            feedItem.enclosures.append(imported);
        }
        batch.discussions.append(discussion);
    }
    return batch;
}

ImportBatch FeedItemMapper::mapComments(const ParsedFeed &comments,
                                        const ImportDiscussion &parent,
                                        qint64 feedId,
                                        const QString &feedUrl,
                                        const QDateTime &now)
{
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("feed");
    batch.sourceName = feedUrl;
    batch.sourceUrl = feedUrl;
    batch.feedId = feedId;

    const QString rootId = parent.posts.isEmpty() ? parent.externalId
                                                  : parent.posts.constFirst().externalId;
    const QString fallbackBase = parent.url.isEmpty() ? feedUrl : parent.url;

    // thr:in-reply-to names an entry by its id; replies refer to posts by dedup key.
    QHash<QString, QString> keyById;
    for (const ParsedItem &item : comments.items) {
        if (!item.id.trimmed().isEmpty())
            keyById.insert(item.id.trimmed(), dedupKey(item));
    }

    QList<ImportPost> pending;
    QSet<QString> seen;
    for (const ParsedItem &item : comments.items) {
        const QString key = dedupKey(item);
        if (key == rootId || seen.contains(key))
            continue;
        seen.insert(key);
        ImportAuthor author;
        for (const ParsedAuthor &candidate : item.authors) {
            if (!candidate.isEmpty()) {
                author = toImportAuthor(candidate);
                break;
            }
        }
        ImportPost post = postFor(item, key, author, baseUrlFor(item, fallbackBase), now);
        if (post.text.isEmpty())
            post.text = item.title.simplified();
        const QString target = keyById.value(item.inReplyTo.trimmed());
        post.parentExternalId = (!target.isEmpty() && target != key) ? target : rootId;
        pending.append(post);
    }

    // Oldest first, and every reply after the comment it answers: the writer links a reply to
    // a parent it has already written. Whatever still waits after a pass without progress
    // points in a circle and hangs under the first post instead.
    std::stable_sort(pending.begin(), pending.end(), [](const ImportPost &a, const ImportPost &b) {
        return a.created < b.created;
    });
    QList<ImportPost> ordered;
    QSet<QString> placed{rootId};
    while (!pending.isEmpty()) {
        bool progress = false;
        for (auto it = pending.begin(); it != pending.end();) {
            if (placed.contains(it->parentExternalId) || !seen.contains(it->parentExternalId)) {
                placed.insert(it->externalId);
                ordered.append(*it);
                it = pending.erase(it);
                progress = true;
            } else {
                ++it;
            }
        }
        if (!progress)
            pending.first().parentExternalId = rootId;
    }

    ImportDiscussion discussion;
    discussion.externalId = parent.externalId;
    discussion.title = parent.title;
    discussion.url = parent.url;
    discussion.created = parent.created;
    discussion.posts = ordered;
    batch.discussions = {discussion};
    return batch;
}

int FeedItemMapper::dropTombstoned(ImportBatch *batch, const QSet<QString> &tombstones)
{
    if (tombstones.isEmpty())
        return 0;
    const auto removed = batch->discussions.removeIf([&tombstones](const ImportDiscussion &d) {
        return d.hasFeedItem && tombstones.contains(d.feedItem.dedupKey);
    });
    return static_cast<int>(removed);
}
