// Discussions: pages for the discussions table, the posts of one thread, full-text search over
// posts, the filters both share, tags on discussions and posts, and the "needs response" flag.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <utility>

class DiscussionRepository final
{
    Q_DECLARE_TR_FUNCTIONS(DiscussionRepository)

public:
    enum class SortKey { Title, Source, Started, LastPost, Posts, Participants };
    enum class TagTarget { Discussion, Post };

    // Narrows both the discussions list and search hits. A discussion passes when one of its
    // posts does (member, hashtag, needs response) or when it is active in the date range.
    struct Filters
    {
        qint64 memberId = 0; // written by this member
        qint64 tagId = 0;    // the post or its discussion carries this tag
        QString hashtag;     // the post has this #hashtag ('#' and case do not matter)
        qint64 sourceId = 0;
        QDateTime from; // posts written at or after (invalid: no limit)
        QDateTime to;   // posts written before (invalid: no limit)
        // Nobody but the author of the first post has written in the discussion yet.
        bool noReplyYet = false;
        bool needsResponse = false; // posts marked as needing a response
        [[nodiscard]] bool isEmpty() const;
        friend bool operator==(const Filters &, const Filters &) = default;
    };

    struct Row
    {
        qint64 id = 0;
        QString title;
        QString source;
        QDateTime started;
        QDateTime lastPost;
        int posts = 0;
        int participants = 0;
    };

    struct Mention
    {
        QString handle;
        qint64 memberId = 0; // 0 when the handle belongs to nobody known
    };

    struct Post
    {
        qint64 id = 0;
        qint64 parentId = 0;
        qint64 authorId = 0;
        QString author;
        QDateTime created;
        QString text;
        QString html;
        QString url;
        QStringList hashtags;
        QStringList links;
        QList<Mention> mentions;
        QStringList tags;
        bool needsResponse = false;
    };

    // One post found by search().
    struct Hit
    {
        qint64 postId = 0;
        qint64 discussionId = 0;
        QString title; // of the discussion
        qint64 authorId = 0;
        QString author;
        QDateTime created;
        bool needsResponse = false;
        QString snippet; // plain text around the matches
        // (start, length) of every matched word in snippet.
        QList<std::pair<qsizetype, qsizetype>> highlights;
    };

    struct Named
    {
        qint64 id = 0;
        QString name;
    };

    explicit DiscussionRepository(QString connectionName);

    [[nodiscard]] QList<Row> page(const QString &titleFilter,
                                  SortKey sortKey,
                                  Qt::SortOrder order,
                                  int offset,
                                  int limit) const
    {
        return page(titleFilter, Filters(), sortKey, order, offset, limit);
    }
    [[nodiscard]] QList<Row> page(const QString &titleFilter,
                                  const Filters &filters,
                                  SortKey sortKey,
                                  Qt::SortOrder order,
                                  int offset,
                                  int limit) const;
    // Posts matching the words of query (see SearchQuery; empty: every post) and the filters,
    // the most recently added first (the order the search index reads fastest).
    [[nodiscard]] QList<Hit> search(const QString &query,
                                    const Filters &filters,
                                    int offset,
                                    int limit) const;
    // Every post of a discussion, oldest first.
    [[nodiscard]] QList<Post> posts(qint64 discussionId) const;
    [[nodiscard]] int count() const;

    // Choices for the filters: tags and sources by name, hashtags by name (at most limit),
    // members whose name starts with prefix (at most limit, the most active first).
    [[nodiscard]] QList<Named> tags() const;
    [[nodiscard]] QList<Named> sources() const;
    [[nodiscard]] QStringList hashtags(int limit) const;
    [[nodiscard]] QList<Named> members(const QString &prefix, int limit) const;

    // Tags of one discussion or post, by name. Writes throw StorageError (a tag name that is
    // blank, a discussion or post that no longer exists) and leave nothing half-written.
    [[nodiscard]] QStringList tagsOf(TagTarget target, qint64 id) const;
    void addTag(TagTarget target, qint64 id, const QString &name) const;
    void removeTag(TagTarget target, qint64 id, const QString &name) const;
    // Replaces the tags with these names (blank names are skipped), in one transaction.
    void setTags(TagTarget target, qint64 id, const QStringList &names) const;

    void setNeedsResponse(qint64 postId, bool needsResponse) const;

private:
    // Whether the query (selecting rows, one value bound) has more than limit rows; reads at
    // most limit + 1 of them.
    [[nodiscard]] bool hasMoreThan(const QString &select, const QVariant &value, int limit) const;
    void insertTag(TagTarget target, qint64 id, const QString &name) const;
    void checkExists(TagTarget target, qint64 id) const;

    QString m_connectionName;
};
