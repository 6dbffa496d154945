// The one way in: turns import batches into members, identities, discussions, posts, mentions,
// hashtags, links, tags and feed items. Matches authors to existing members, never duplicates.
#pragma once

#include "bulkinserter.h"
#include "bulkwritequeue.h"
#include "importbatch.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVariant>

#include <functional>
#include <map>
#include <memory>

class SqlQuery;

// The keys of CommunityWriter's caches: hashed field by field, never joined into one string.
struct IdentityCacheKey
{
    qint64 sourceId = 0;
    QString kind;
    QString normalized;
    friend bool operator==(const IdentityCacheKey &, const IdentityCacheKey &) = default;
};

inline size_t qHash(const IdentityCacheKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.sourceId, key.kind, key.normalized);
}

struct AuthorCacheKey
{
    qint64 sourceId = 0;
    ImportAuthor author;
    friend bool operator==(const AuthorCacheKey &a, const AuthorCacheKey &b)
    {
        return a.sourceId == b.sourceId && a.author.displayName == b.author.displayName
               && a.author.handle == b.author.handle && a.author.email == b.author.email
               && a.author.url == b.author.url;
    }
};

inline size_t qHash(const AuthorCacheKey &key, size_t seed = 0)
{
    return qHashMulti(seed,
                      key.sourceId,
                      key.author.displayName,
                      key.author.handle,
                      key.author.email,
                      key.author.url);
}

class CommunityWriter final
{
public:
    // Called after each discussion with posts written so far and posts in the batch; returning
    // false cancels the write (OperationCancelled is thrown and nothing of the batch is kept).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit CommunityWriter(QString connectionName);
    ~CommunityWriter();
    Q_DISABLE_COPY_MOVE(CommunityWriter)

    // Writes the batch in one transaction (or as part of a caller's transaction).
    // Throws StorageError; on any error nothing of the batch is stored.
    WriteSummary write(const ImportBatch &batch, const Progress &progress = {});

    // The kind of the source named name (whatever kind it has), or defaultKind when there is
    // none yet: files naming a source ("twitter") join the identities already known there.
    [[nodiscard]] static QString sourceKindFor(const QString &connectionName,
                                               const QString &name,
                                               const QString &defaultKind);

    // Large imports made of many batches defer the member and discussion figures to one
    // refreshStatistics() at the end instead of one per batch.
    void setDeferStatistics(bool defer) { m_deferStatistics = defer; }
    void refreshStatistics();
    // Large imports of posts index them for search with one statement at the end instead of
    // one per post (SQLite). Inside the caller's transaction: deferSearchIndex() before the
    // writes, catchUpSearchIndex() after them and before the commit.
    void deferSearchIndex();
    void catchUpSearchIndex();
    // Writes the posts of new discussions, their members and identities a thousand rows at a
    // time through BulkInserter, on a thread of their own while the next rows are prepared
    // (their ids are taken up front, so replies and mentions need no round trip). The stored
    // rows are the same.
    void setBulkInserts(bool bulk);
    // Returns when the rows handed to the write queue are written: before any statement of
    // this thread, the writer's or another's (the connection serves one thread at a time).
    // Throws the first failure of those writes.
    void waitForWrites();
    // Recounts the posts, replies, mentions and first/last activity of these members (after
    // their posts moved, e.g. in a merge).
    static void refreshMemberFigures(const QString &connectionName, const QSet<qint64> &ids);
    // Recounts the posts, participants and last post of these discussions.
    static void refreshDiscussionFigures(const QString &connectionName, const QSet<qint64> &ids);

private:
    struct IdentityKey
    {
        QString kind;
        QString normalized;
        QString value;
    };

    // A discussion of the current batch's source, as stored.
    struct KnownDiscussion
    {
        qint64 id = 0;
        QString title;
        QString url;
    };

    // A feed item of the batch and the discussion it became.
    struct FeedItemRow
    {
        qint64 discussionId = 0;
        const ImportFeedItem *item = nullptr;
    };

    // What a post of the current discussion is written with.
    struct PostPlan
    {
        qint64 authorId = 0; // 0: no author
        qint64 created = 0;
    };

    SqlQuery &statement(const QString &sql);
    // "INSERT INTO into VALUES (?, ...), ... tail" for rows rows of columns values, prepared
    // once per statement and row count (the one builder of multi-row statements).
    SqlQuery &insertRows(const QString &into,
                         qsizetype columns,
                         qsizetype rows,
                         const QString &tail);
    qint64 ensureSource(const ImportBatch &batch);
    // The member the author is, created when unknown; knownMemberId (when not 0) is taken
    // instead of creating one.
    qint64 resolveMember(qint64 sourceId,
                         const ImportAuthor &author,
                         WriteSummary &summary,
                         qint64 knownMemberId = 0);
    // The source with this name whatever its kind, or a new one of defaultKind.
    qint64 sourceNamed(const QString &name, const QString &defaultKind);
    void writeMember(qint64 sourceId,
                     const QString &sourceKind,
                     const ImportMember &member,
                     WriteSummary &summary);
    // The member an identity belongs to, or 0.
    qint64 lookupIdentity(qint64 sourceId, const IdentityKey &key);
    // The member a post's author is (0: none), resolved once per writer.
    qint64 authorIdFor(qint64 sourceId, const ImportAuthor &author, WriteSummary &summary);
    // Reads the batch's discussions that are stored already, in a few queries.
    void findDiscussions(qint64 sourceId, const ImportBatch &batch);
    WriteSummary writeBatch(const ImportBatch &batch, const Progress &progress);
    void addIdentity(qint64 memberId,
                     qint64 sourceId,
                     const IdentityKey &key,
                     const ImportAuthor &author,
                     WriteSummary &summary);
    // A stored discussion of the batch (found by findDiscussions()): its title and address.
    qint64 updateDiscussion(const ImportDiscussion &discussion, WriteSummary &summary);
    // Inserts the batch's discussions that are not stored yet, with the figures of their posts
    // (plans, one list per discussion) so that they need no recount; returns their indexes.
    QList<qsizetype> insertDiscussions(qint64 sourceId,
                                       const ImportBatch &batch,
                                       const QList<QList<PostPlan>> &plans,
                                       WriteSummary &summary);
    // Inserts the posts without a parent of these new discussions, with their mentions,
    // hashtags and links; returns their ids by discussion index and external id.
    QHash<qsizetype, QHash<QString, qint64>> insertFirstPosts(qint64 sourceId,
                                                              const ImportBatch &batch,
                                                              const QList<qsizetype> &fresh,
                                                              const QList<QList<PostPlan>> &plans,
                                                              WriteSummary &summary);
    void writePost(qint64 sourceId,
                   qint64 discussionId,
                   bool discussionIsNew,
                   const ImportPost &post,
                   const PostPlan &plan,
                   QHash<QString, qint64> &postIds,
                   WriteSummary &summary);
    void writePostExtras(qint64 sourceId, qint64 postId, const QString &text, WriteSummary &summary);
    // A new post and a new mention, for the figures of the counted members.
    void countPost(qint64 authorId, qint64 created, bool isReply, qint64 parentAuthor);
    void countMention(qint64 memberId);
    void linkLateParents();
    // Upserts the batch's feed items (keeping their read and starred flags) and their
    // enclosures, a few dozen per statement.
    void writeFeedItems(qint64 feedId, const QList<FeedItemRow> &items, WriteSummary &summary);
    qint64 tagId(const QString &name);
    qint64 hashtagId(const QString &name);
    void refreshMemberStats();
    void refreshDiscussionStats();
    // Indexes the posts written since the last call while the index is deferred.
    void indexDeferredPosts();
    // An unused post or member id for a row written later by flushPending().
    qint64 newPostId();
    qint64 newMemberId();
    // Reserves ids of table into free (taken from the back), after writing the waiting rows.
    void reserveIds(const QString &table, QList<qint64> &free, qsizetype count = 1000);
    // Writes the waiting posts with their mentions, hashtags and links.
    void flushPending();
    void clearPending();
    // Points mentions of handles that became identities at their members.
    void linkMentionsOfNewHandles();

    [[nodiscard]] static QList<IdentityKey> identityKeys(const ImportAuthor &author);

    QString m_connectionName;
    std::map<QString, std::unique_ptr<SqlQuery>> m_statements;
    // insertRows()'s statements by table, row count and tail.
    std::map<QString, std::unique_ptr<SqlQuery>> m_rowStatements;
    // (source, kind, normalized) -> member id (0: known not to exist). Kept across batches, dropped
    // when a write rolls back.
    QHash<IdentityCacheKey, qint64> m_identityCache;
    // Sources whose identities are all in m_identityCache (bulk inserts read them at once).
    QSet<qint64> m_loadedSources;
    // The member each author of this writer's batches resolved to, keyed by source and all
    // fields, so a prolific author costs one lookup.
    QHash<AuthorCacheKey, qint64> m_authorCache;
    // The current batch's discussions that are stored, by external id (those it writes too).
    QHash<QString, KnownDiscussion> m_knownDiscussions;
    // Posts written by the current write and their authors (0: none), for reply statistics.
    QHash<qint64, qint64> m_postAuthors;
    QHash<QString, qint64> m_tagCache;
    QHash<QString, qint64> m_hashtagCache;
    // Posts without a parent that insertFirstPosts() left to writePost(): their external id
    // came earlier in the discussion. By discussion and post index.
    QSet<std::pair<qsizetype, qsizetype>> m_repeatedFirstPosts;
    QSet<qint64> m_touchedMembers;
    // Members this writer made in bulk and the figures of what it wrote of them (all there is),
    // so that they need no recount; those in m_recountedMembers are recounted all the same (a
    // post of theirs changed).
    struct CountedFigures
    {
        qint64 posts = 0;
        qint64 repliesGiven = 0;
        qint64 repliesReceived = 0;
        qint64 mentionsReceived = 0;
        qint64 firstSeen = 0;
        qint64 lastSeen = 0;
    };
    QHash<qint64, CountedFigures> m_countedMembers;
    // Bulk inserts: the discussions this writer made and the ids of their posts by external id.
    // Later batches add to them on the bulk path (the writer lives for one import).
    QHash<qint64, QHash<QString, qint64>> m_ownedDiscussions;
    // Posts of those discussions whose parent was not written yet when they were.
    struct LateParent
    {
        qint64 postId = 0;
        qint64 discussionId = 0;
        QString parent; // external id
        qint64 authorId = 0;
    };
    QList<LateParent> m_lateParents;
    QSet<qint64> m_recountedMembers;
    QSet<qint64> m_touchedDiscussions;
    bool m_deferStatistics = false;
    // While the search index is deferred: the insert trigger to create again, and the largest
    // post id indexed.
    QString m_searchTriggerSql;
    bool m_bulkInserts = false;
    // Bulk inserts: ids taken up front (from the back), and the rows waiting for
    // flushPending(), which writes them parents first.
    QList<qint64> m_freePostIds;
    QList<qint64> m_freeMemberIds;
    BulkInserter m_memberRows;
    BulkInserter m_identityRows;
    BulkInserter m_postRows;
    BulkInserter m_mentionRows;
    BulkInserter m_hashtagRows;
    BulkInserter m_linkRows;
    std::unique_ptr<BulkWriteQueue> m_writeQueue;
    qint64 m_lastPendingPostId = 0;
    struct PendingMention
    {
        qint64 postId = 0;
        qint64 sourceId = 0;
        QString handle; // normalized
    };
    // Their member is looked up when written: one created meanwhile is linked.
    QList<PendingMention> m_pendingMentions;
    // Handles that became identities in bulk, by source: mentions stored before are linked to
    // their members by refreshStatistics().
    QHash<qint64, QStringList> m_pendingHandles;
    qint64 m_searchIndexedUpTo = 0;
    quint64 m_rollbacksSeen = 0;
};
