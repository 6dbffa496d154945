// Turns a parsed feed, and the comments feeds of its items, into import batches.
#pragma once

#include "importbatch.h"
#include "parsedfeed.h"

#include <QDateTime>
#include <QSet>
#include <QString>

class FeedItemMapper final
{
public:
    // One discussion with its first post per item. Dates more than a day after now are taken as
    // now; items without any date are dated now.
    [[nodiscard]] static ImportBatch map(const ParsedFeed &feed,
                                         qint64 feedId,
                                         const QString &feedUrl,
                                         const QDateTime &now);

    // The entries of an item's comments feed as replies in the discussion the item became
    // (parent as map() made it). A reply hangs under the comment its thr:in-reply-to names when
    // that comment is in the same document, else under the item's first post.
    [[nodiscard]] static ImportBatch mapComments(const ParsedFeed &comments,
                                                 const ImportDiscussion &parent,
                                                 qint64 feedId,
                                                 const QString &feedUrl,
                                                 const QDateTime &now);

    // What identifies an item across fetches: its guid or id, else its normalised link, else its
    // first enclosure's URL, else a SHA-1 of its title, summary and content.
    [[nodiscard]] static QString dedupKey(const ParsedItem &item);
    // Lower-case scheme and host, no fragment, no trailing slash, no utm_* query items.
    [[nodiscard]] static QString normalizeLink(const QString &link);

    // Removes the discussions of items that retention deleted (FeedRepository::tombstones()), so
    // a later fetch of the same document does not bring them back; returns how many went.
    static int dropTombstoned(ImportBatch *batch, const QSet<QString> &tombstones);
};
