// The value structs every source (feeds, files, transcripts, the demo) hands to CommunityWriter.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// Who wrote something, as the source names them. Matched to a member by the writer.
struct ImportAuthor
{
    QString displayName;
    QString handle; // without a leading '@'
    QString email;
    QString url;

    [[nodiscard]] bool isEmpty() const
    {
        return displayName.isEmpty() && handle.isEmpty() && email.isEmpty() && url.isEmpty();
    }
};

// A handle of the same person on another source, named by the source's name.
struct ImportHandle
{
    QString sourceName;
    QString handle; // without a leading '@'
};

// A member known before they post (a CSV row, a feed's listed person, the demo's roster).
struct ImportMember
{
    ImportAuthor identity;
    QStringList tags;
    QString notes;
    // More handles of the same person (a CSV row's "twitter:ada;forum:ada_l"): matched like the
    // identity, and added to the member where missing.
    QList<ImportHandle> otherHandles = {};
};

struct ImportEnclosure
{
    QString url;
    QString mimeType;
    qint64 lengthBytes = -1;
    int durationSeconds = -1;
};

// What a feed item adds to the discussion it becomes.
struct ImportFeedItem
{
    QString dedupKey;
    QString title;
    QString link;
    QString commentsUrl;
    QDateTime published;
    QDateTime updated;
    QList<ImportEnclosure> enclosures;
};

struct ImportPost
{
    QString externalId;       // unique within its discussion
    QString parentExternalId; // empty for a first post
    ImportAuthor author;
    QDateTime created;
    QString text; // plain text: mentions, hashtags and links are extracted from it
    QString html; // sanitised HTML for display, or empty
    QString url;
};

struct ImportDiscussion
{
    QString externalId; // unique within its source
    QString title;
    QString url;
    QDateTime created;
    QStringList tags;
    QList<ImportPost> posts;
    bool hasFeedItem = false;
    ImportFeedItem feedItem;
};

struct ImportBatch
{
    QString sourceKind; // "feed", "transcript", "csv", "demo", ...
    QString sourceName;
    QString sourceUrl;
    qint64 feedId = 0; // set when the discussions are items of this feed
    QList<ImportMember> members;
    QList<ImportDiscussion> discussions;
};

// What a write changed, for progress lines and the CLI summary.
struct WriteSummary
{
    int membersCreated = 0;
    int identitiesCreated = 0;
    int discussionsCreated = 0;
    int discussionsUpdated = 0;
    int postsCreated = 0;
    int postsUpdated = 0;
    int mentions = 0;
    int feedItems = 0;

    WriteSummary &operator+=(const WriteSummary &other);
};
