// Identity matching, upserts and statistics for everything that enters the database.
#include "communitywriter.h"

#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "textextractor.h"
#include "transaction.h"

#include <QCryptographicHash>

#include <algorithm>

namespace {

qint64 toSecs(const QDateTime &time, qint64 fallback)
{
    return time.isValid() ? time.toSecsSinceEpoch() : fallback;
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// For NOT NULL text columns: a null QString would be bound as NULL.
QString textOrEmpty(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

IdentityCacheKey cacheKey(qint64 sourceId, const QString &kind, const QString &normalized)
{
    return {sourceId, kind, normalized};
}

QString displayNameFor(const ImportAuthor &author)
{
    if (!author.displayName.trimmed().isEmpty())
        return author.displayName.trimmed();
    if (!author.handle.isEmpty())
        return author.handle;
    if (!author.email.isEmpty())
        return author.email.section(QLatin1Char('@'), 0, 0);
    return author.url;
}

// Rows a multi-row INSERT writes at most.
constexpr qsizetype rowsPerInsert = 50;

QString externalIdOf(const ImportDiscussion &discussion)
{
    return discussion.externalId.isEmpty() ? discussion.title : discussion.externalId;
}

QString externalIdOf(const ImportPost &post)
{
    if (!post.externalId.isEmpty())
        return post.externalId;
    // No id from the source: the content identifies the post, so a re-import matches it.
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const QByteArray content = post.author.displayName.toUtf8() + '\n' + post.author.handle.toUtf8()
                               + '\n' + QByteArray::number(toSecs(post.created, 0)) + '\n'
                               + post.text.toUtf8();
    hash.addData(content);
    return QString::fromLatin1(hash.result().toHex());
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

WriteSummary &WriteSummary::operator+=(const WriteSummary &other)
{
    membersCreated += other.membersCreated;
    identitiesCreated += other.identitiesCreated;
    discussionsCreated += other.discussionsCreated;
    discussionsUpdated += other.discussionsUpdated;
    postsCreated += other.postsCreated;
    postsUpdated += other.postsUpdated;
    mentions += other.mentions;
    feedItems += other.feedItems;
    return *this;
}

CommunityWriter::CommunityWriter(QString connectionName)
    : m_connectionName(std::move(connectionName))
    , m_memberRows(m_connectionName,
                   QStringLiteral("members"),
                   {QStringLiteral("id"),
                    QStringLiteral("display_name"),
                    QStringLiteral("sort_name"),
                    QStringLiteral("email"),
                    QStringLiteral("created_at"),
                    QStringLiteral("updated_at")})
    , m_identityRows(m_connectionName,
                     QStringLiteral("identities"),
                     {QStringLiteral("member_id"),
                      QStringLiteral("source_id"),
                      QStringLiteral("kind"),
                      QStringLiteral("value"),
                      QStringLiteral("normalized"),
                      QStringLiteral("display_name"),
                      QStringLiteral("created_at")})
    , m_postRows(m_connectionName,
                 QStringLiteral("posts"),
                 {QStringLiteral("id"),
                  QStringLiteral("discussion_id"),
                  QStringLiteral("parent_id"),
                  QStringLiteral("author_id"),
                  QStringLiteral("external_id"),
                  QStringLiteral("created_at"),
                  QStringLiteral("body_text"),
                  QStringLiteral("body_html"),
                  QStringLiteral("url")})
    , m_mentionRows(m_connectionName,
                    QStringLiteral("mentions"),
                    {QStringLiteral("post_id"),
                     QStringLiteral("member_id"),
                     QStringLiteral("handle")})
    , m_hashtagRows(m_connectionName,
                    QStringLiteral("post_hashtags"),
                    {QStringLiteral("post_id"), QStringLiteral("hashtag_id")})
    , m_linkRows(m_connectionName,
                 QStringLiteral("post_links"),
                 {QStringLiteral("post_id"), QStringLiteral("url")})
    , m_rollbacksSeen(Transaction::rollbackCount(m_connectionName))
{}

CommunityWriter::~CommunityWriter() = default;

void CommunityWriter::setBulkInserts(bool bulk)
{
    m_bulkInserts = bulk;
    if (bulk && !m_writeQueue)
        m_writeQueue = std::make_unique<BulkWriteQueue>();
    else if (!bulk)
        m_writeQueue.reset();
    for (BulkInserter *rows :
         {&m_memberRows, &m_identityRows, &m_postRows, &m_mentionRows, &m_hashtagRows, &m_linkRows})
        rows->setQueue(m_writeQueue.get());
}

void CommunityWriter::waitForWrites()
{
    if (m_writeQueue)
        m_writeQueue->wait();
}

SqlQuery &CommunityWriter::insertRows(const QString &into,
                                      qsizetype columns,
                                      qsizetype rows,
                                      const QString &tail)
{
    waitForWrites();
    // Keyed short: comparing whole statements of 100 rows is slower than building one.
    const QString key = into + QLatin1Char('|') + QString::number(rows) + QLatin1Char('|') + tail;
    auto known = m_rowStatements.find(key);
    if (known == m_rowStatements.end()) {
        const QString row = QLatin1Char('(') + QStringList(columns, QStringLiteral("?")).join(u", ")
                            + QLatin1Char(')');
        const QString sql = QStringLiteral("INSERT INTO ") + into + QStringLiteral(" VALUES ")
                            + QStringList(rows, row).join(u", ") + QLatin1Char(' ') + tail;
        known = m_rowStatements.emplace(key, std::make_unique<SqlQuery>(m_connectionName, sql)).first;
    }
    return *known->second;
}

SqlQuery &CommunityWriter::statement(const QString &sql)
{
    waitForWrites();
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        it = m_statements.emplace(sql, std::make_unique<SqlQuery>(m_connectionName, sql)).first;
    return *it->second;
}

WriteSummary CommunityWriter::write(const ImportBatch &batch, const Progress &progress)
{
    // A rollback anywhere (here or in a caller's transaction) takes away ids the caches hold.
    if (Transaction::rollbackCount(m_connectionName) != m_rollbacksSeen) {
        m_identityCache.clear();
        m_loadedSources.clear();
        m_authorCache.clear();
        m_tagCache.clear();
        m_hashtagCache.clear();
        m_countedMembers.clear();
        m_recountedMembers.clear();
        m_ownedDiscussions.clear();
        m_lateParents.clear();
        m_freePostIds.clear();
        m_freeMemberIds.clear();
        m_rollbacksSeen = Transaction::rollbackCount(m_connectionName);
    }
    // The posts of a bulk writer's own discussions stay known to replies in later batches.
    if (!m_bulkInserts)
        m_postAuthors.clear();
    m_repeatedFirstPosts.clear();
    try {
        return writeBatch(batch, progress);
    } catch (...) {
        // The rollback needs the connection: the write running ends first.
        if (m_writeQueue)
            m_writeQueue->abandon();
        // The caches may hold ids that the rollback took away.
        clearPending();
        m_freePostIds.clear();
        m_freeMemberIds.clear();
        m_identityCache.clear();
        m_loadedSources.clear();
        m_authorCache.clear();
        m_tagCache.clear();
        m_hashtagCache.clear();
        m_countedMembers.clear();
        m_recountedMembers.clear();
        m_ownedDiscussions.clear();
        m_lateParents.clear();
        m_postAuthors.clear();
        m_pendingHandles.clear();
        throw;
    }
}

WriteSummary CommunityWriter::writeBatch(const ImportBatch &batch, const Progress &progress)
{
    WriteSummary summary;

    qint64 totalPosts = 0;
    for (const ImportDiscussion &discussion : batch.discussions)
        totalPosts += discussion.posts.size();

    Transaction transaction(m_connectionName);
    const qint64 sourceId = ensureSource(batch);

    for (const ImportMember &member : batch.members)
        writeMember(sourceId, batch.sourceKind, member, summary);

    findDiscussions(sourceId, batch);
    // Authors and dates of every post first: a new discussion is written with its figures.
    QList<QList<PostPlan>> plans;
    plans.reserve(batch.discussions.size());
    for (const ImportDiscussion &discussion : batch.discussions) {
        QList<PostPlan> &discussionPlans = plans.emplace_back();
        for (const ImportPost &post : discussion.posts) {
            discussionPlans.append({authorIdFor(sourceId, post.author, summary),
                                    toSecs(post.created, QDateTime::currentSecsSinceEpoch())});
        }
    }
    // New discussions and their first posts go in a few statements for the whole batch.
    const QList<qsizetype> fresh = insertDiscussions(sourceId, batch, plans, summary);
    QHash<qsizetype, QHash<QString, qint64>> firstPosts;
    if (m_bulkInserts) {
        // Ids for every post the batch may write, taken at once: every post this writer inserts
        // takes one, so they stay free.
        qsizetype posts = 0;
        for (const ImportDiscussion &discussion : batch.discussions)
            posts += discussion.posts.size();
        if (m_freePostIds.size() < posts)
            reserveIds(QStringLiteral("posts"), m_freePostIds, posts - m_freePostIds.size());
        // Their rows wait with the others; taken first so that replies find them.
        for (const qsizetype i : fresh) {
            const ImportDiscussion &discussion = batch.discussions.at(i);
            const qint64 discussionId = m_knownDiscussions.value(externalIdOf(discussion)).id;
            QHash<QString, qint64> &postIds = firstPosts[i];
            for (qsizetype p = 0; p < discussion.posts.size(); ++p) {
                const ImportPost &post = discussion.posts.at(p);
                if (post.parentExternalId.isEmpty())
                    writePost(sourceId,
                              discussionId,
                              true,
                              post,
                              plans.at(i).at(p),
                              postIds,
                              summary);
            }
        }
    } else {
        firstPosts = insertFirstPosts(sourceId, batch, fresh, plans, summary);
    }
    const QSet<qsizetype> isFresh(fresh.cbegin(), fresh.cend());

    qint64 done = 0;
    QList<FeedItemRow> feedItems;
    for (qsizetype i = 0; i < batch.discussions.size(); ++i) {
        const ImportDiscussion &discussion = batch.discussions.at(i);
        const bool isFreshDiscussion = isFresh.contains(i);
        const qint64 knownId = m_knownDiscussions.value(externalIdOf(discussion)).id;
        // A discussion an earlier batch of this writer made holds only what it wrote: its
        // posts go on the bulk path too, and its figures are counted again at the end.
        const auto owned = isFreshDiscussion || !m_bulkInserts ? m_ownedDiscussions.end()
                                                               : m_ownedDiscussions.find(knownId);
        const bool isNew = isFreshDiscussion || owned != m_ownedDiscussions.end();
        const qint64 discussionId = isNew ? knownId : updateDiscussion(discussion, summary);
        if (owned != m_ownedDiscussions.end())
            m_touchedDiscussions.insert(discussionId);
        // Posts of a known discussion are read and written one by one: the waiting rows
        // (and on SQLite the ids they hold) go first.
        if (!isNew)
            flushPending();
        for (const QString &tag : discussion.tags) {
            statement(
                QStringLiteral("INSERT INTO discussion_tags (discussion_id, tag_id) VALUES (?, ?) "
                               "ON CONFLICT DO NOTHING"))
                .bind(discussionId)
                .bind(tagId(tag))
                .exec();
        }
        QHash<QString, qint64> postIds = owned != m_ownedDiscussions.end()
                                             ? std::move(owned.value())
                                             : firstPosts.take(i);
        for (qsizetype p = 0; p < discussion.posts.size(); ++p) {
            const ImportPost &post = discussion.posts.at(p);
            if (isFreshDiscussion && post.parentExternalId.isEmpty()
                && !m_repeatedFirstPosts.contains({i, p}))
                continue; // written with the first posts
            writePost(sourceId, discussionId, isNew, post, plans.at(i).at(p), postIds, summary);
        }
        if (m_bulkInserts && isNew)
            m_ownedDiscussions.insert(discussionId, std::move(postIds));
        if (batch.feedId > 0 && discussion.hasFeedItem)
            feedItems.append({discussionId, &discussion.feedItem});
        done += discussion.posts.size();
        if (progress && !progress(done, totalPosts))
            throw OperationCancelled();
    }
    writeFeedItems(batch.feedId, feedItems, summary);

    flushPending();
    if (transaction.isOutermost()) {
        // Inside a caller's transaction the rows may still be written while the caller reads
        // its next batch; the ids stay free as no one else writes until it ends.
        waitForWrites();
        m_freePostIds.clear();
        m_freeMemberIds.clear();
    }
    if (!m_deferStatistics)
        refreshStatistics();
    transaction.commit();
    return summary;
}

qint64 CommunityWriter::ensureSource(const ImportBatch &batch)
{
    const QString kind = batch.sourceKind.isEmpty() ? QStringLiteral("manual") : batch.sourceKind;
    const QString name = batch.sourceName.isEmpty() ? kind : batch.sourceName;
    SqlQuery &find = statement(
        QStringLiteral("SELECT id FROM sources WHERE kind = ? AND name = ?"));
    const QVariant existing = find.bind(kind).bind(name).scalar();
    if (existing.isValid())
        return existing.toLongLong();
    SqlQuery &insert = statement(QStringLiteral(
        "INSERT INTO sources (kind, name, url, created_at) VALUES (?, ?, ?, ?) RETURNING id"));
    return insert.bind(kind)
        .bind(name)
        .bind(textOrNull(batch.sourceUrl))
        .bind(QDateTime::currentSecsSinceEpoch())
        .scalar()
        .toLongLong();
}

QString CommunityWriter::sourceKindFor(const QString &connectionName,
                                       const QString &name,
                                       const QString &defaultKind)
{
    const QVariant kind
        = SqlQuery(connectionName,
                   QStringLiteral("SELECT kind FROM sources WHERE name = ? ORDER BY id LIMIT 1"))
              .bind(name)
              .scalar();
    return kind.isValid() ? kind.toString() : defaultKind;
}

qint64 CommunityWriter::sourceNamed(const QString &name, const QString &defaultKind)
{
    const QVariant existing = statement(
                                  QStringLiteral(
                                      "SELECT id FROM sources WHERE name = ? ORDER BY id LIMIT 1"))
                                  .bind(name)
                                  .scalar();
    if (existing.isValid())
        return existing.toLongLong();
    ImportBatch named;
    named.sourceKind = defaultKind;
    named.sourceName = name;
    return ensureSource(named);
}

void CommunityWriter::writeMember(qint64 sourceId,
                                  const QString &sourceKind,
                                  const ImportMember &member,
                                  WriteSummary &summary)
{
    // A handle on another source may already name the member.
    QList<std::pair<qint64, IdentityKey>> others;
    qint64 knownId = 0;
    for (const ImportHandle &other : member.otherHandles) {
        const QString handle = other.handle.trimmed().startsWith(QLatin1Char('@'))
                                   ? other.handle.trimmed().mid(1)
                                   : other.handle.trimmed();
        if (handle.isEmpty())
            continue;
        const qint64 otherSource = other.sourceName.isEmpty()
                                       ? sourceId
                                       : sourceNamed(other.sourceName, sourceKind);
        const IdentityKey key{QStringLiteral("handle"),
                              TextExtractor::normalizeHandle(handle),
                              handle};
        if (knownId == 0)
            knownId = lookupIdentity(otherSource, key);
        others.append({otherSource, key});
    }
    const qint64 memberId = resolveMember(sourceId, member.identity, summary, knownId);
    if (memberId == 0)
        return;
    // Tags and notes need the member's row.
    if (m_bulkInserts)
        flushPending();
    for (const auto &[otherSource, key] : std::as_const(others)) {
        // A handle that belongs to someone else already stays theirs.
        if (lookupIdentity(otherSource, key) == 0)
            addIdentity(memberId, otherSource, key, member.identity, summary);
    }
    for (const QString &tag : member.tags) {
        statement(QStringLiteral("INSERT INTO member_tags (member_id, tag_id) VALUES (?, ?) "
                                 "ON CONFLICT DO NOTHING"))
            .bind(memberId)
            .bind(tagId(tag))
            .exec();
    }
    if (!member.notes.isEmpty()) {
        statement(QStringLiteral("UPDATE members SET notes = ? WHERE id = ? AND notes = ''"))
            .bind(member.notes)
            .bind(memberId)
            .exec();
    }
}

QList<CommunityWriter::IdentityKey> CommunityWriter::identityKeys(const ImportAuthor &author)
{
    QList<IdentityKey> keys;
    if (!author.handle.trimmed().isEmpty()) {
        const QString handle = author.handle.trimmed().remove(0,
                                                              author.handle.trimmed().startsWith(
                                                                  QLatin1Char('@'))
                                                                  ? 1
                                                                  : 0);
        keys.append({QStringLiteral("handle"), TextExtractor::normalizeHandle(handle), handle});
    }
    if (!author.email.trimmed().isEmpty()) {
        const QString email = author.email.trimmed();
        keys.append({QStringLiteral("email"), email.toCaseFolded(), email});
    }
    if (!author.url.trimmed().isEmpty())
        keys.append({QStringLiteral("url"), author.url.trimmed(), author.url.trimmed()});
    if (keys.isEmpty() && !author.displayName.trimmed().isEmpty()) {
        const QString name = author.displayName.simplified();
        keys.append({QStringLiteral("name"), name.toCaseFolded(), name});
    }
    return keys;
}

qint64 CommunityWriter::lookupIdentity(qint64 sourceId, const IdentityKey &key)
{
    // Misses are cached as 0 too; addIdentity() replaces them.
    const IdentityCacheKey cached = cacheKey(sourceId, key.kind, key.normalized);
    const auto it = m_identityCache.constFind(cached);
    if (it != m_identityCache.constEnd())
        return it.value();
    if (m_bulkInserts) {
        // One query reads every identity of the source; after it, a miss needs none.
        if (!m_loadedSources.contains(sourceId)) {
            SqlQuery &all = statement(QStringLiteral(
                "SELECT kind, normalized, member_id FROM identities WHERE source_id = ?"));
            all.bind(sourceId).exec();
            while (all.next())
                m_identityCache.insert(cacheKey(sourceId, all.toString(0), all.toString(1)),
                                       all.toInt64(2));
            all.finish();
            m_loadedSources.insert(sourceId);
        }
        return m_identityCache.value(cached, 0);
    }
    SqlQuery &find = statement(QStringLiteral("SELECT member_id FROM identities WHERE "
                                              "source_id = ? AND kind = ? AND normalized = ?"));
    const qint64 id = find.bind(sourceId).bind(key.kind).bind(key.normalized).scalar().toLongLong();
    m_identityCache.insert(cached, id);
    return id;
}

qint64 CommunityWriter::resolveMember(qint64 sourceId,
                                      const ImportAuthor &author,
                                      WriteSummary &summary,
                                      qint64 knownMemberId)
{
    const QList<IdentityKey> keys = identityKeys(author);
    if (keys.isEmpty())
        return knownMemberId;

    qint64 memberId = 0;
    QList<IdentityKey> missing;
    for (const IdentityKey &key : keys) {
        const qint64 id = lookupIdentity(sourceId, key);
        if (id == 0)
            missing << key;
        else if (memberId == 0)
            memberId = id;
    }
    if (memberId == 0) {
        // The same e-mail address on another source is the same person.
        for (const IdentityKey &key : keys) {
            if (key.kind != QLatin1String("email"))
                continue;
            SqlQuery &find = statement(
                QStringLiteral("SELECT member_id FROM identities WHERE kind = 'email' AND "
                               "normalized = ? ORDER BY id LIMIT 1"));
            memberId = find.bind(key.normalized).scalar().toLongLong();
            if (memberId != 0)
                break;
        }
    }
    if (memberId == 0)
        memberId = knownMemberId;
    if (memberId == 0 && m_bulkInserts) {
        const QString name = displayNameFor(author);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        memberId = newMemberId();
        // Every post and mention of a member made here is written here: counted as written.
        m_countedMembers.insert(memberId, {});
        m_memberRows.add(memberId)
            .add(name)
            .add(name.toCaseFolded())
            .addTextOrNull(author.email.trimmed())
            .add(now)
            .add(now);
        ++summary.membersCreated;
    } else if (memberId == 0) {
        const QString name = displayNameFor(author);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        SqlQuery &insert = statement(
            QStringLiteral("INSERT INTO members (display_name, sort_name, email, created_at, "
                           "updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
        memberId = insert.bind(name)
                       .bind(name.toCaseFolded())
                       .bind(textOrNull(author.email.trimmed()))
                       .bind(now)
                       .bind(now)
                       .scalar()
                       .toLongLong();
        ++summary.membersCreated;
    }
    for (const IdentityKey &key : std::as_const(missing))
        addIdentity(memberId, sourceId, key, author, summary);
    return memberId;
}

void CommunityWriter::addIdentity(qint64 memberId,
                                  qint64 sourceId,
                                  const IdentityKey &key,
                                  const ImportAuthor &author,
                                  WriteSummary &summary)
{
    if (m_bulkInserts && m_loadedSources.contains(sourceId)) {
        // Every identity of the source is in the cache, and this one is not: it is new.
        m_identityRows.add(memberId)
            .add(sourceId)
            .add(key.kind)
            .add(key.value)
            .add(key.normalized)
            .addTextOrNull(author.displayName.trimmed())
            .add(QDateTime::currentSecsSinceEpoch());
        m_identityCache.insert(cacheKey(sourceId, key.kind, key.normalized), memberId);
        ++summary.identitiesCreated;
        if (key.kind == QLatin1String("handle"))
            m_pendingHandles[sourceId].append(key.normalized);
        return;
    }
    SqlQuery &insert = statement(
        QStringLiteral("INSERT INTO identities (member_id, source_id, kind, value, normalized, "
                       "display_name, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, kind, normalized) DO "
                       "NOTHING RETURNING id"));
    const QVariant id = insert.bind(memberId)
                            .bind(sourceId)
                            .bind(key.kind)
                            .bind(key.value)
                            .bind(key.normalized)
                            .bind(textOrNull(author.displayName.trimmed()))
                            .bind(QDateTime::currentSecsSinceEpoch())
                            .scalar();
    m_identityCache.insert(cacheKey(sourceId, key.kind, key.normalized), memberId);
    if (!id.isValid())
        return;
    ++summary.identitiesCreated;
    if (key.kind == QLatin1String("handle")) {
        // Mentions of this handle written before the member was known now point at them.
        // EXISTS, not "post_id IN (posts of the source)": that list is rebuilt for every new
        // member, which made large imports quadratic.
        SqlQuery &link = statement(
            QStringLiteral("UPDATE mentions SET member_id = ? WHERE member_id IS NULL AND handle = "
                           "? AND EXISTS (SELECT 1 FROM posts p JOIN discussions d ON d.id = "
                           "p.discussion_id WHERE p.id = mentions.post_id AND d.source_id = ?)"));
        link.bind(memberId).bind(key.normalized).bind(sourceId).exec();
        if (link.numRowsAffected() > 0)
            m_touchedMembers.insert(memberId);
    }
}

void CommunityWriter::findDiscussions(qint64 sourceId, const ImportBatch &batch)
{
    m_knownDiscussions.clear();
    QStringList keys;
    QSet<QString> seen;
    for (const ImportDiscussion &discussion : batch.discussions) {
        const QString key = externalIdOf(discussion);
        if (!seen.contains(key)) {
            seen.insert(key);
            keys.append(key);
        }
    }
    // One statement for every chunk; the last one repeats its last key.
    constexpr qsizetype chunk = 64;
    if (keys.isEmpty())
        return;
    SqlQuery &find = statement(
        QStringLiteral("SELECT id, external_id, title, url FROM discussions WHERE source_id = ? "
                       "AND external_id IN (")
        + QStringList(chunk, QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')'));
    for (qsizetype start = 0; start < keys.size(); start += chunk) {
        find.bind(sourceId);
        for (qsizetype i = start; i < start + chunk; ++i)
            find.bind(keys.at(qMin(i, keys.size() - 1)));
        find.exec();
        while (find.next())
            m_knownDiscussions.insert(find.toString(1),
                                      {find.toInt64(0), find.toString(2), find.toString(3)});
        find.finish();
    }
}

qint64 CommunityWriter::updateDiscussion(const ImportDiscussion &discussion, WriteSummary &summary)
{
    const auto known = m_knownDiscussions.find(externalIdOf(discussion));
    const qint64 id = known->id;
    if (known->title != discussion.title || known->url != discussion.url) {
        statement(QStringLiteral("UPDATE discussions SET title = ?, url = ?, "
                                 "row_version = row_version + 1 WHERE id = ?"))
            .bind(discussion.title)
            .bind(textOrNull(discussion.url))
            .bind(id)
            .exec();
        known->title = discussion.title;
        known->url = discussion.url;
        ++summary.discussionsUpdated;
    }
    // Its posts may have changed: recounted after the batch.
    m_touchedDiscussions.insert(id);
    return id;
}

QList<qsizetype> CommunityWriter::insertDiscussions(qint64 sourceId,
                                                    const ImportBatch &batch,
                                                    const QList<QList<PostPlan>> &plans,
                                                    WriteSummary &summary)
{
    // The first of the batch's discussions with each external id that is not stored yet.
    QList<qsizetype> fresh;
    for (qsizetype i = 0; i < batch.discussions.size(); ++i) {
        const ImportDiscussion &discussion = batch.discussions.at(i);
        const QString externalId = externalIdOf(discussion);
        if (m_knownDiscussions.contains(externalId))
            continue;
        m_knownDiscussions.insert(externalId, {0, discussion.title, discussion.url});
        fresh.append(i);
    }
    for (qsizetype start = 0; start < fresh.size(); start += rowsPerInsert) {
        const qsizetype rows = qMin(rowsPerInsert, fresh.size() - start);
        SqlQuery &insert
            = insertRows(QStringLiteral(
                             "discussions (source_id, external_id, title, url, created_at, "
                             "post_count, participant_count, last_post_at)"),
                         8,
                         rows,
                         QStringLiteral("RETURNING id, external_id"));
        for (qsizetype row = start; row < start + rows; ++row) {
            const ImportDiscussion &discussion = batch.discussions.at(fresh.at(row));
            const QList<PostPlan> &discussionPlans = plans.at(fresh.at(row));
            qint64 created = toSecs(discussion.created, 0);
            if (created == 0 && !discussion.posts.isEmpty())
                created = toSecs(discussion.posts.constFirst().created, 0);
            if (created == 0)
                created = QDateTime::currentSecsSinceEpoch();
            // Every post of a new discussion is new: its figures are known without a recount
            // (and its row is not written twice).
            QSet<qint64> participants;
            QVariant lastPostAt(QMetaType::fromType<qint64>());
            for (const PostPlan &plan : discussionPlans) {
                if (plan.authorId > 0)
                    participants.insert(plan.authorId);
                if (lastPostAt.isNull() || plan.created > lastPostAt.toLongLong())
                    lastPostAt = plan.created;
            }
            insert.bind(sourceId)
                .bind(externalIdOf(discussion))
                .bind(discussion.title)
                .bind(textOrNull(discussion.url))
                .bind(created)
                .bind(discussionPlans.size())
                .bind(participants.size())
                .bind(lastPostAt);
        }
        insert.exec();
        while (insert.next())
            m_knownDiscussions[insert.toString(1)].id = insert.toInt64(0);
        insert.finish();
    }
    summary.discussionsCreated += int(fresh.size());
    return fresh;
}

QHash<qsizetype, QHash<QString, qint64>> CommunityWriter::insertFirstPosts(
    qint64 sourceId,
    const ImportBatch &batch,
    const QList<qsizetype> &fresh,
    const QList<QList<PostPlan>> &plans,
    WriteSummary &summary)
{
    struct Row
    {
        qsizetype discussion;
        qsizetype post;
        qint64 discussionId;
        QString externalId;
    };
    QList<Row> rows;
    for (const qsizetype i : fresh) {
        const ImportDiscussion &discussion = batch.discussions.at(i);
        const qint64 discussionId = m_knownDiscussions.value(externalIdOf(discussion)).id;
        QSet<QString> taken;
        for (qsizetype p = 0; p < discussion.posts.size(); ++p) {
            if (!discussion.posts.at(p).parentExternalId.isEmpty())
                continue;
            const QString externalId = externalIdOf(discussion.posts.at(p));
            // A post named again is written by writePost() as a change of the first.
            if (taken.contains(externalId)) {
                m_repeatedFirstPosts.insert({i, p});
                continue;
            }
            taken.insert(externalId);
            rows.append({i, p, discussionId, externalId});
        }
    }
    QHash<std::pair<qint64, QString>, qint64> ids;
    for (qsizetype start = 0; start < rows.size(); start += rowsPerInsert) {
        const qsizetype count = qMin(rowsPerInsert, rows.size() - start);
        SqlQuery &insert
            = insertRows(QStringLiteral(
                             "posts (discussion_id, parent_id, author_id, external_id, created_at, "
                             "body_text, body_html, url)"),
                         8,
                         count,
                         QStringLiteral("RETURNING id, discussion_id, external_id"));
        for (qsizetype r = start; r < start + count; ++r) {
            const Row &row = rows.at(r);
            const ImportPost &post = batch.discussions.at(row.discussion).posts.at(row.post);
            const PostPlan &plan = plans.at(row.discussion).at(row.post);
            insert.bind(row.discussionId)
                .bind(QVariant(QMetaType::fromType<qint64>()))
                .bind(idOrNull(plan.authorId))
                .bind(row.externalId)
                .bind(plan.created)
                .bind(textOrEmpty(post.text))
                .bind(textOrNull(post.html))
                .bind(textOrNull(post.url));
        }
        insert.exec();
        while (insert.next())
            ids.insert({insert.toInt64(1), insert.toString(2)}, insert.toInt64(0));
        insert.finish();
    }
    QHash<qsizetype, QHash<QString, qint64>> postIds;
    for (const Row &row : std::as_const(rows)) {
        const ImportPost &post = batch.discussions.at(row.discussion).posts.at(row.post);
        const qint64 authorId = plans.at(row.discussion).at(row.post).authorId;
        const qint64 postId = ids.value({row.discussionId, row.externalId});
        writePostExtras(sourceId, postId, post.text, summary);
        ++summary.postsCreated;
        postIds[row.discussion].insert(row.externalId, postId);
        if (authorId > 0)
            m_touchedMembers.insert(authorId);
        m_postAuthors.insert(postId, authorId);
    }
    return postIds;
}

void CommunityWriter::writePost(qint64 sourceId,
                                qint64 discussionId,
                                bool discussionIsNew,
                                const ImportPost &post,
                                const PostPlan &plan,
                                QHash<QString, qint64> &postIds,
                                WriteSummary &summary)
{
    const QString externalId = externalIdOf(post);
    bool isNew = discussionIsNew;
    if (isNew && postIds.contains(externalId)) {
        // The batch names this post twice: the later row changes the one written, as in a
        // known discussion, and the discussion's figures are counted again.
        flushPending();
        isNew = false;
        m_touchedDiscussions.insert(discussionId);
    }

    QVariant parentId(QMetaType::fromType<qint64>());
    bool parentLater = false; // a parent the discussion may name further on
    if (!post.parentExternalId.isEmpty()) {
        auto it = postIds.constFind(post.parentExternalId);
        if (it != postIds.constEnd()) {
            parentId = it.value();
        } else if (isNew) {
            parentLater = m_bulkInserts;
        } else {
            SqlQuery &findParent = statement(
                QStringLiteral("SELECT id FROM posts WHERE discussion_id = ? AND external_id = ?"));
            const QVariant found = findParent.bind(discussionId).bind(post.parentExternalId).scalar();
            if (found.isValid())
                parentId = found;
        }
    }

    const qint64 authorId = plan.authorId;
    const QVariant author = idOrNull(authorId);
    const qint64 created = plan.created;

    qint64 postId = 0;
    bool inserted = true; // false when the post is stored already
    qint64 storedAuthor = 0;
    if (isNew && m_bulkInserts) {
        postId = newPostId();
        m_postRows.add(postId).add(discussionId);
        if (parentId.isNull())
            m_postRows.addNull();
        else
            m_postRows.add(parentId.toLongLong());
        m_postRows.addIdOrNull(authorId)
            .add(externalId)
            .add(created)
            .add(post.text)
            .addTextOrNull(post.html)
            .addTextOrNull(post.url);
        m_lastPendingPostId = postId;
        writePostExtras(sourceId, postId, post.text, summary);
        ++summary.postsCreated;
        // Written a thousand at a time, beside the preparation of the next ones.
        if (m_postRows.rowCount() >= 1000)
            flushPending();
    } else if (!isNew) {
        SqlQuery &find = statement(QStringLiteral(
            "SELECT id, body_text, body_html, created_at, author_id FROM posts WHERE "
            "discussion_id = ? AND external_id = ?"));
        find.bind(discussionId).bind(externalId).exec();
        if (find.next()) {
            postId = find.toInt64(0);
            inserted = false;
            // A stored post keeps its author (and its parent): replies to it count for them.
            storedAuthor = find.toInt64(4);
            // Sources without HTML (CSV files, transcripts) keep the HTML of an unchanged text.
            const bool sameText = find.toString(1) == post.text;
            const QString html = post.html.isEmpty() && sameText ? find.toString(2) : post.html;
            const bool changed = !sameText || find.toString(2) != html
                                 || find.toInt64(3) != created;
            find.finish();
            if (changed) {
                // The update trigger takes the old text out of the index: it must be in it.
                if (postId > m_searchIndexedUpTo)
                    indexDeferredPosts();
                statement(
                    QStringLiteral("UPDATE posts SET body_text = ?, body_html = ?, created_at = ?, "
                                   "url = ?, row_version = row_version + 1 WHERE id = ?"))
                    .bind(textOrEmpty(post.text))
                    .bind(textOrNull(html))
                    .bind(created)
                    .bind(textOrNull(post.url))
                    .bind(postId)
                    .exec();
                // Members the old text mentioned need their figures recounted too.
                SqlQuery &mentioned = statement(QStringLiteral(
                    "SELECT member_id FROM mentions WHERE post_id = ? AND member_id IS NOT NULL"));
                mentioned.bind(postId).exec();
                while (mentioned.next()) {
                    m_touchedMembers.insert(mentioned.toInt64(0));
                    m_recountedMembers.insert(mentioned.toInt64(0));
                }
                // Its time may have changed: its author's first and last post too.
                if (storedAuthor > 0) {
                    m_touchedMembers.insert(storedAuthor);
                    m_recountedMembers.insert(storedAuthor);
                }
                statement(QStringLiteral("DELETE FROM mentions WHERE post_id = ?"))
                    .bind(postId)
                    .exec();
                statement(QStringLiteral("DELETE FROM post_hashtags WHERE post_id = ?"))
                    .bind(postId)
                    .exec();
                statement(QStringLiteral("DELETE FROM post_links WHERE post_id = ?"))
                    .bind(postId)
                    .exec();
                writePostExtras(sourceId, postId, post.text, summary);
                ++summary.postsUpdated;
            }
        }
    }
    if (postId == 0 && m_bulkInserts) {
        // With an id of the reserved ones, which an id SQLite chose could collide with.
        postId = newPostId();
        statement(QStringLiteral(
                      "INSERT INTO posts (id, discussion_id, parent_id, author_id, external_id, "
                      "created_at, body_text, body_html, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
            .bind(postId)
            .bind(discussionId)
            .bind(parentId)
            .bind(author)
            .bind(externalId)
            .bind(created)
            .bind(textOrEmpty(post.text))
            .bind(textOrNull(post.html))
            .bind(textOrNull(post.url))
            .exec();
        writePostExtras(sourceId, postId, post.text, summary);
        ++summary.postsCreated;
    } else if (postId == 0) {
        SqlQuery &insert = statement(QStringLiteral(
            "INSERT INTO posts (discussion_id, parent_id, author_id, external_id, created_at, "
            "body_text, body_html, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
        postId = insert.bind(discussionId)
                     .bind(parentId)
                     .bind(author)
                     .bind(externalId)
                     .bind(created)
                     .bind(textOrEmpty(post.text))
                     .bind(textOrNull(post.html))
                     .bind(textOrNull(post.url))
                     .scalar()
                     .toLongLong();
        writePostExtras(sourceId, postId, post.text, summary);
        ++summary.postsCreated;
    }
    postIds.insert(externalId, postId);
    if (authorId > 0)
        m_touchedMembers.insert(authorId);
    m_postAuthors.insert(postId, inserted ? authorId : storedAuthor);
    qint64 parentAuthor = 0;
    if (!parentId.isNull()) {
        const auto written = m_postAuthors.constFind(parentId.toLongLong());
        if (written != m_postAuthors.constEnd()) {
            parentAuthor = written.value();
        } else {
            SqlQuery &parentAuthorQuery = statement(
                QStringLiteral("SELECT author_id FROM posts WHERE id = ?"));
            parentAuthor = parentAuthorQuery.bind(parentId).scalar().toLongLong();
        }
        if (parentAuthor > 0)
            m_touchedMembers.insert(parentAuthor);
    }
    if (inserted)
        countPost(authorId, created, !parentId.isNull(), parentAuthor);
    if (inserted && parentLater)
        m_lateParents.append({postId, discussionId, post.parentExternalId, authorId});
}

void CommunityWriter::linkLateParents()
{
    // Replies written before the post they answer (a later row or batch): linked now that the
    // discussion's posts are known. Their figures are counted again.
    for (const LateParent &late : std::as_const(m_lateParents)) {
        const qint64 parentId = m_ownedDiscussions.value(late.discussionId).value(late.parent);
        if (parentId == 0 || parentId == late.postId)
            continue;
        statement(QStringLiteral("UPDATE posts SET parent_id = ? WHERE id = ?"))
            .bind(parentId)
            .bind(late.postId)
            .exec();
        const qint64 parentAuthor = statement(
                                        QStringLiteral("SELECT author_id FROM posts WHERE id = ?"))
                                        .bind(parentId)
                                        .scalar()
                                        .toLongLong();
        for (const qint64 member : {late.authorId, parentAuthor}) {
            if (member > 0) {
                m_touchedMembers.insert(member);
                m_recountedMembers.insert(member);
            }
        }
    }
    m_lateParents.clear();
}

void CommunityWriter::countPost(qint64 authorId, qint64 created, bool isReply, qint64 parentAuthor)
{
    // The same rules as refreshMemberFigures(): a reply to oneself is no reply.
    const auto author = m_countedMembers.find(authorId);
    if (author != m_countedMembers.end()) {
        ++author->posts;
        author->firstSeen = author->posts == 1 ? created : std::min(author->firstSeen, created);
        author->lastSeen = author->posts == 1 ? created : std::max(author->lastSeen, created);
        if (isReply && parentAuthor != authorId)
            ++author->repliesGiven;
    }
    if (isReply && parentAuthor != authorId) {
        const auto parent = m_countedMembers.find(parentAuthor);
        if (parent != m_countedMembers.end())
            ++parent->repliesReceived;
    }
}

void CommunityWriter::countMention(qint64 memberId)
{
    const auto member = m_countedMembers.find(memberId);
    if (member != m_countedMembers.end())
        ++member->mentionsReceived;
}

qint64 CommunityWriter::authorIdFor(qint64 sourceId,
                                    const ImportAuthor &author,
                                    WriteSummary &summary)
{
    const AuthorCacheKey authorKey{sourceId, author};
    auto known = m_authorCache.constFind(authorKey);
    if (known == m_authorCache.constEnd())
        known = m_authorCache.insert(authorKey, resolveMember(sourceId, author, summary));
    return known.value();
}

void CommunityWriter::writePostExtras(qint64 sourceId,
                                      qint64 postId,
                                      const QString &text,
                                      WriteSummary &summary)
{
    // Extras of a post still waiting to be written wait with it.
    const bool pending = m_lastPendingPostId == postId && m_postRows.rowCount() > 0;
    const TextExtractor::Result extracted = TextExtractor::extract(text);
    // Waiting rows are written without ON CONFLICT: each handle, hashtag and link once.
    QStringList handlesSeen;
    QList<qint64> hashtagsSeen;
    for (const QString &handle : extracted.mentions) {
        const QString normalized = TextExtractor::normalizeHandle(handle);
        if (handlesSeen.contains(normalized))
            continue;
        handlesSeen.append(normalized);
        const qint64 memberId = lookupIdentity(sourceId,
                                               {QStringLiteral("handle"), normalized, handle});
        const QVariant member = memberId > 0 ? QVariant(memberId)
                                             : QVariant(QMetaType::fromType<qint64>());
        if (pending) {
            // The member is looked up again when written: a member created meanwhile links
            // it, as addIdentity() links the mentions already stored.
            m_pendingMentions.append({postId, sourceId, normalized});
        } else {
            statement(
                QStringLiteral("INSERT INTO mentions (post_id, member_id, handle) VALUES (?, ?, ?) "
                               "ON CONFLICT DO NOTHING"))
                .bind(postId)
                .bind(member)
                .bind(normalized)
                .exec();
            countMention(memberId);
        }
        if (memberId > 0)
            m_touchedMembers.insert(memberId);
        ++summary.mentions;
    }
    for (const QString &tag : extracted.hashtags) {
        if (pending) {
            const qint64 id = hashtagId(tag);
            if (!hashtagsSeen.contains(id)) {
                hashtagsSeen.append(id);
                m_hashtagRows.add(postId).add(id);
            }
            continue;
        }
        statement(QStringLiteral("INSERT INTO post_hashtags (post_id, hashtag_id) VALUES (?, ?) "
                                 "ON CONFLICT DO NOTHING"))
            .bind(postId)
            .bind(hashtagId(tag))
            .exec();
    }
    for (const QString &link : extracted.links) {
        if (pending) {
            m_linkRows.add(postId).add(link); // TextExtractor lists each link once
            continue;
        }
        statement(QStringLiteral(
                      "INSERT INTO post_links (post_id, url) VALUES (?, ?) ON CONFLICT DO NOTHING"))
            .bind(postId)
            .bind(link)
            .exec();
    }
}

qint64 CommunityWriter::newPostId()
{
    if (m_freePostIds.isEmpty())
        reserveIds(QStringLiteral("posts"), m_freePostIds);
    return m_freePostIds.takeLast();
}

qint64 CommunityWriter::newMemberId()
{
    if (m_freeMemberIds.isEmpty())
        reserveIds(QStringLiteral("members"), m_freeMemberIds);
    return m_freeMemberIds.takeLast();
}

void CommunityWriter::reserveIds(const QString &table, QList<qint64> &free, qsizetype count)
{
    // SQLite hands out the ids after the largest stored: the waiting rows go first, and the ids
    // still free must follow the new ones' order (taken from the back).
    flushPending();
    QList<qint64> ids;
    SqlQuery &reserve = statement(
        SqlDialect::newIdsStatement(SqlDialect::backendOf(m_connectionName), table));
    reserve.bind(count).exec();
    while (reserve.next())
        ids.append(reserve.toInt64(0));
    reserve.finish();
    const qint64 largestFree = free.isEmpty() ? 0 : free.constFirst();
    std::reverse(ids.begin(), ids.end());
    ids.removeIf([largestFree](qint64 id) { return id <= largestFree; });
    free = ids + free;
}

void CommunityWriter::flushPending()
{
    // Parents before children: members, their identities, posts, then what posts refer to.
    m_memberRows.flush();
    m_identityRows.flush();
    linkMentionsOfNewHandles();
    m_postRows.flush();
    for (const PendingMention &mention : std::as_const(m_pendingMentions)) {
        const qint64 memberId = lookupIdentity(mention.sourceId,
                                               {QStringLiteral("handle"),
                                                mention.handle,
                                                mention.handle});
        if (memberId > 0)
            m_touchedMembers.insert(memberId);
        countMention(memberId);
        m_mentionRows.add(mention.postId).addIdOrNull(memberId).add(mention.handle);
    }
    m_pendingMentions.clear();
    m_mentionRows.flush();
    m_hashtagRows.flush();
    m_linkRows.flush();
    clearPending();
}

void CommunityWriter::linkMentionsOfNewHandles()
{
    // Mentions of these handles stored before (by earlier imports or syncs, or earlier rows of
    // this one) now point at the members, as addIdentity() does one by one; once at the end, a
    // few hundred handles a statement.
    constexpr qsizetype chunk = 400;
    for (auto it = m_pendingHandles.cbegin(); it != m_pendingHandles.cend(); ++it) {
        const QStringList &handles = it.value();
        for (qsizetype start = 0; start < handles.size(); start += chunk) {
            const qsizetype count = std::min(chunk, handles.size() - start);
            SqlQuery &link = statement(
                QStringLiteral(
                    "UPDATE mentions SET member_id = (SELECT i.member_id FROM identities i WHERE "
                    "i.source_id = ? AND i.kind = 'handle' AND i.normalized = mentions.handle) "
                    "WHERE member_id IS NULL AND EXISTS (SELECT 1 FROM posts p JOIN discussions d "
                    "ON d.id = p.discussion_id WHERE p.id = mentions.post_id AND d.source_id = ?) "
                    "AND handle IN (")
                + QStringList(chunk, QStringLiteral("?")).join(QLatin1Char(','))
                + QStringLiteral(") RETURNING member_id"));
            link.bind(it.key()).bind(it.key());
            // The last chunk repeats its last handle to fill the statement.
            for (qsizetype i = start; i < start + chunk; ++i)
                link.bind(handles.at(std::min(i, start + count - 1)));
            link.exec();
            while (link.next()) {
                m_touchedMembers.insert(link.toInt64(0));
                countMention(link.toInt64(0));
            }
            link.finish();
        }
    }
    m_pendingHandles.clear();
}

void CommunityWriter::clearPending()
{
    m_memberRows.clear();
    m_identityRows.clear();
    m_postRows.clear();
    m_mentionRows.clear();
    m_hashtagRows.clear();
    m_linkRows.clear();
    m_pendingMentions.clear();
    m_lastPendingPostId = 0;
}

void CommunityWriter::writeFeedItems(qint64 feedId,
                                     const QList<FeedItemRow> &items,
                                     WriteSummary &summary)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    qsizetype start = 0;
    while (start < items.size()) {
        // A statement names each dedup key once: an upsert changes a row once per statement.
        QSet<QString> keys;
        qsizetype end = start;
        while (end < items.size() && end - start < rowsPerInsert
               && !keys.contains(items.at(end).item->dedupKey)) {
            keys.insert(items.at(end).item->dedupKey);
            ++end;
        }
        SqlQuery &upsert
            = insertRows(QStringLiteral(
                             "feed_items (feed_id, dedup_key, discussion_id, title, link, "
                             "published_at, updated_at, fetched_at, comments_url)"),
                         9,
                         end - start,
                         QStringLiteral(
                             "ON CONFLICT (feed_id, dedup_key) DO UPDATE SET title = "
                             "excluded.title, link = excluded.link, updated_at = "
                             "excluded.updated_at, discussion_id = excluded.discussion_id, "
                             "comments_url = excluded.comments_url RETURNING id, dedup_key"));
        for (qsizetype r = start; r < end; ++r) {
            const ImportFeedItem &item = *items.at(r).item;
            upsert.bind(feedId)
                .bind(item.dedupKey)
                .bind(items.at(r).discussionId)
                .bind(textOrEmpty(item.title))
                .bind(textOrNull(item.link))
                .bind(item.published.isValid() ? QVariant(item.published.toSecsSinceEpoch())
                                               : QVariant(QMetaType::fromType<qint64>()))
                .bind(item.updated.isValid() ? QVariant(item.updated.toSecsSinceEpoch())
                                             : QVariant(QMetaType::fromType<qint64>()))
                .bind(now)
                .bind(textOrNull(item.commentsUrl));
        }
        upsert.exec();
        QHash<QString, qint64> ids;
        while (upsert.next())
            ids.insert(upsert.toString(1), upsert.toInt64(0));
        upsert.finish();
        for (qsizetype r = start; r < end; ++r) {
            const ImportFeedItem &item = *items.at(r).item;
            const qint64 itemId = ids.value(item.dedupKey);
            for (const ImportEnclosure &enclosure : item.enclosures) {
                statement(
                    QStringLiteral(
                        "INSERT INTO enclosures (feed_item_id, url, mime_type, length_bytes, "
                        "duration_s) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed_item_id, url) DO UPDATE SET "
                        "mime_type = excluded.mime_type, length_bytes = excluded.length_bytes, "
                        "duration_s = excluded.duration_s"))
                    .bind(itemId)
                    .bind(enclosure.url)
                    .bind(textOrNull(enclosure.mimeType))
                    .bind(enclosure.lengthBytes >= 0 ? QVariant(enclosure.lengthBytes)
                                                     : QVariant(QMetaType::fromType<qint64>()))
                    .bind(enclosure.durationSeconds >= 0 ? QVariant(enclosure.durationSeconds)
                                                         : QVariant(QMetaType::fromType<int>()))
                    .exec();
            }
            ++summary.feedItems;
        }
        start = end;
    }
}

qint64 CommunityWriter::tagId(const QString &name)
{
    const QString normalized = TextExtractor::normalizeTag(name);
    const auto it = m_tagCache.constFind(normalized);
    if (it != m_tagCache.constEnd())
        return it.value();
    statement(
        QStringLiteral("INSERT INTO tags (name, normalized) VALUES (?, ?) ON CONFLICT DO NOTHING"))
        .bind(name.trimmed())
        .bind(normalized)
        .exec();
    const qint64 id = statement(QStringLiteral("SELECT id FROM tags WHERE normalized = ?"))
                          .bind(normalized)
                          .scalar()
                          .toLongLong();
    m_tagCache.insert(normalized, id);
    return id;
}

qint64 CommunityWriter::hashtagId(const QString &name)
{
    const QString normalized = TextExtractor::normalizeTag(name);
    const auto it = m_hashtagCache.constFind(normalized);
    if (it != m_hashtagCache.constEnd())
        return it.value();
    statement(QStringLiteral(
                  "INSERT INTO hashtags (name, normalized) VALUES (?, ?) ON CONFLICT DO NOTHING"))
        .bind(name)
        .bind(normalized)
        .exec();
    const qint64 id = statement(QStringLiteral("SELECT id FROM hashtags WHERE normalized = ?"))
                          .bind(normalized)
                          .scalar()
                          .toLongLong();
    m_hashtagCache.insert(normalized, id);
    return id;
}

namespace {

// Runs an UPDATE for the given ids in chunks, or allSql (every row) when many rows are
// touched.
void updateForIds(const QString &connectionName,
                  const QString &updateSql,
                  const QSet<qint64> &ids,
                  const QString &allSql = {},
                  qsizetype allFrom = 8000)
{
    if (ids.isEmpty())
        return;
    constexpr int chunkSize = 400;
    if (ids.size() > allFrom) {
        SqlQuery::execDirect(connectionName, allSql.isEmpty() ? updateSql : allSql);
        return;
    }
    QList<qint64> list(ids.cbegin(), ids.cend());
    for (qsizetype start = 0; start < list.size(); start += chunkSize) {
        const qsizetype count = std::min<qsizetype>(chunkSize, list.size() - start);
        QStringList marks(count, QStringLiteral("?"));
        SqlQuery query(connectionName,
                       updateSql + QStringLiteral(" WHERE id IN (") + marks.join(QLatin1Char(','))
                           + QLatin1Char(')'));
        for (qsizetype i = 0; i < count; ++i)
            query.bind(list.at(start + i));
        query.exec();
    }
}

} // namespace

void CommunityWriter::refreshStatistics()
{
    flushPending();
    waitForWrites();
    linkMentionsOfNewHandles();
    linkLateParents();
    refreshMemberStats();
    refreshDiscussionStats();
    m_touchedMembers.clear();
    m_touchedDiscussions.clear();
}

void CommunityWriter::deferSearchIndex()
{
    waitForWrites();
    const SqlDialect::Backend backend = SqlDialect::backendOf(m_connectionName);
    const QString definition = SqlDialect::postSearchInsertTriggerStatement(backend);
    if (definition.isEmpty() || !m_searchTriggerSql.isEmpty())
        return;
    m_searchTriggerSql = SqlQuery(m_connectionName, definition).scalar().toString();
    if (m_searchTriggerSql.isEmpty())
        return;
    m_searchIndexedUpTo = SqlQuery(m_connectionName, QStringLiteral("SELECT MAX(id) FROM posts"))
                              .scalar()
                              .toLongLong();
    SqlQuery::execDirect(m_connectionName,
                         SqlDialect::dropPostSearchInsertTriggerStatement(backend));
}

void CommunityWriter::indexDeferredPosts()
{
    waitForWrites();
    if (m_searchTriggerSql.isEmpty())
        return;
    SqlQuery(m_connectionName,
             SqlDialect::postSearchCatchUpStatement(SqlDialect::backendOf(m_connectionName)))
        .bind(m_searchIndexedUpTo)
        .exec();
    m_searchIndexedUpTo = SqlQuery(m_connectionName, QStringLiteral("SELECT MAX(id) FROM posts"))
                              .scalar()
                              .toLongLong();
}

void CommunityWriter::catchUpSearchIndex()
{
    if (m_searchTriggerSql.isEmpty())
        return;
    indexDeferredPosts();
    SqlQuery::execDirect(m_connectionName, m_searchTriggerSql);
    m_searchTriggerSql.clear();
}

void CommunityWriter::refreshMemberStats()
{
    // Members counted while written get their figures as counted, a few hundred a statement;
    // the others are counted again from what is stored.
    QSet<qint64> recount = m_touchedMembers;
    QList<qint64> counted;
    for (auto it = m_countedMembers.cbegin(); it != m_countedMembers.cend(); ++it) {
        if (!m_recountedMembers.contains(it.key())) {
            counted.append(it.key());
            recount.remove(it.key());
        } else {
            recount.insert(it.key());
        }
    }
    if (!counted.isEmpty()) {
        // Through a temporary table and one UPDATE: binding them into statements costs more
        // than the update itself.
        SqlQuery::execDirect(m_connectionName,
                             QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS member_figures (id "
                                            "BIGINT PRIMARY KEY, posts BIGINT, given BIGINT, "
                                            "received BIGINT, mentioned BIGINT, first_seen "
                                            "BIGINT, last_seen BIGINT)"));
        BulkInserter rows(m_connectionName,
                          QStringLiteral("member_figures"),
                          {QStringLiteral("id"),
                           QStringLiteral("posts"),
                           QStringLiteral("given"),
                           QStringLiteral("received"),
                           QStringLiteral("mentioned"),
                           QStringLiteral("first_seen"),
                           QStringLiteral("last_seen")});
        for (const qint64 id : std::as_const(counted)) {
            const CountedFigures &figures = m_countedMembers.value(id);
            rows.add(id)
                .add(figures.posts)
                .add(figures.repliesGiven)
                .add(figures.repliesReceived)
                .add(figures.mentionsReceived);
            if (figures.posts > 0)
                rows.add(figures.firstSeen).add(figures.lastSeen);
            else
                rows.addNull().addNull();
        }
        rows.flush();
        SqlQuery::execDirect(m_connectionName,
                             QStringLiteral(
                                 "UPDATE members SET post_count = f.posts, replies_given = "
                                 "f.given, replies_received = f.received, mentions_received = "
                                 "f.mentioned, first_seen = f.first_seen, last_seen = f.last_seen "
                                 "FROM member_figures f WHERE members.id = f.id"));
        SqlQuery::execDirect(m_connectionName, QStringLiteral("DELETE FROM member_figures"));
    }
    m_countedMembers.clear();
    m_recountedMembers.clear();
    refreshMemberFigures(m_connectionName, recount);
}

void CommunityWriter::refreshMemberFigures(const QString &connectionName, const QSet<qint64> &ids)
{
    // Many members at once are counted set-based, one pass over posts and mentions: the
    // correlated counts below cost a lookup per member, and PostgreSQL, whose statistics do not
    // know the posts an import just wrote, plans the replies received as a scan of every post
    // per member (minutes for 100,000 posts). Same figures, to the row.
    const QString all = QStringLiteral(
        "UPDATE members SET post_count = f.posts, replies_given = f.given, replies_received = "
        "f.received, mentions_received = f.mentioned, first_seen = f.first_seen, last_seen = "
        "f.last_seen FROM (SELECT m.id, COALESCE(a.posts, 0) AS posts, COALESCE(g.n, 0) AS given, "
        "COALESCE(rr.n, 0) AS received, COALESCE(x.n, 0) AS mentioned, a.first_seen, a.last_seen "
        "FROM members m "
        "LEFT JOIN (SELECT author_id, COUNT(*) AS posts, MIN(created_at) AS first_seen, "
        "MAX(created_at) AS last_seen FROM posts WHERE author_id IS NOT NULL GROUP BY author_id) a "
        "ON a.author_id = m.id "
        "LEFT JOIN (SELECT r.author_id, COUNT(*) AS n FROM posts r JOIN posts p ON r.parent_id = "
        "p.id WHERE r.author_id IS NOT NULL AND (p.author_id IS NULL OR p.author_id <> "
        "r.author_id) GROUP BY r.author_id) g ON g.author_id = m.id "
        "LEFT JOIN (SELECT p.author_id, COUNT(*) AS n FROM posts r JOIN posts p ON r.parent_id = "
        "p.id WHERE p.author_id IS NOT NULL AND (r.author_id IS NULL OR r.author_id <> "
        "p.author_id) GROUP BY p.author_id) rr ON rr.author_id = m.id "
        "LEFT JOIN (SELECT member_id, COUNT(*) AS n FROM mentions WHERE member_id IS NOT NULL "
        "GROUP BY member_id) x ON x.member_id = m.id) f WHERE f.id = members.id");
    const bool postgreSql = SqlDialect::backendOf(connectionName)
                            == SqlDialect::Backend::PostgreSql;
    updateForIds(
        connectionName,
        QStringLiteral(
            "UPDATE members SET "
            "post_count = (SELECT COUNT(*) FROM posts p WHERE p.author_id = members.id), "
            "replies_given = (SELECT COUNT(*) FROM posts r JOIN posts p ON r.parent_id = p.id "
            "WHERE r.author_id = members.id AND (p.author_id IS NULL OR p.author_id <> "
            "members.id)), "
            "replies_received = (SELECT COUNT(*) FROM posts r JOIN posts p ON r.parent_id = p.id "
            "WHERE p.author_id = members.id AND (r.author_id IS NULL OR r.author_id <> "
            "members.id)), "
            "mentions_received = (SELECT COUNT(*) FROM mentions m WHERE m.member_id = members.id), "
            "first_seen = (SELECT MIN(p.created_at) FROM posts p WHERE p.author_id = members.id), "
            "last_seen = (SELECT MAX(p.created_at) FROM posts p WHERE p.author_id = members.id)"),
        ids,
        all,
        postgreSql ? 400 : 8000);
}

void CommunityWriter::refreshDiscussionStats()
{
    refreshDiscussionFigures(m_connectionName, m_touchedDiscussions);
}

void CommunityWriter::refreshDiscussionFigures(const QString &connectionName,
                                               const QSet<qint64> &ids)
{
    updateForIds(
        connectionName,
        QStringLiteral(
            "UPDATE discussions SET "
            "post_count = (SELECT COUNT(*) FROM posts p WHERE p.discussion_id = discussions.id), "
            "participant_count = (SELECT COUNT(DISTINCT p.author_id) FROM posts p "
            "WHERE p.discussion_id = discussions.id), "
            "last_post_at = (SELECT MAX(p.created_at) FROM posts p "
            "WHERE p.discussion_id = discussions.id)"),
        ids);
}
