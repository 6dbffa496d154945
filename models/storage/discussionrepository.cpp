// SQL for the discussions pane.
#include "discussionrepository.h"

#include "searchquery.h"
#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "textextractor.h"
#include "transaction.h"

#include <QHash>

#include <functional>

namespace {

// The first characters of a post stand for its snippet when there are no words to match.
constexpr int plainSnippetLength = 240;
// A hashtag on more posts than this is common (see page()).
constexpr int commonHashtagPosts = 5000;
// How many of the newest posts a windowed search reads one by one (see search()).
constexpr qint64 newestSearchWindow = 10000;
// A source with at most this many discussions has few enough posts to read them all for a search.
constexpr int smallSourceDiscussions = 2000;

// Each source as (id, label): its feed's title or its name. MATERIALIZED: found once per
// source, not once per discussion, so sorting discussions by source compares ready values.
QString sourceLabels()
{
    return QStringLiteral("s AS MATERIALIZED (SELECT x.id, COALESCE((SELECT f.title FROM feeds f "
                          "WHERE f.source_id = x.id AND f.title <> ''), x.name) AS label FROM "
                          "sources x)");
}

QString orderBy(DiscussionRepository::SortKey key)
{
    switch (key) {
    case DiscussionRepository::SortKey::Title:
        return QStringLiteral("LOWER(d.title)");
    case DiscussionRepository::SortKey::Source:
        return QStringLiteral("s.label"); // see sourceLabels()
    case DiscussionRepository::SortKey::Started:
        return QStringLiteral("d.created_at");
    case DiscussionRepository::SortKey::LastPost:
        return QStringLiteral("COALESCE(d.last_post_at, 0)");
    case DiscussionRepository::SortKey::Posts:
        return QStringLiteral("d.post_count");
    case DiscussionRepository::SortKey::Participants:
        return QStringLiteral("d.participant_count");
    }
    return QStringLiteral("d.created_at");
}

// Conditions and their bound values, collected in the order they appear in the statement.
struct Conditions
{
    QStringList sql;
    QVariantList values;

    void add(const QString &condition, const QVariantList &bound = {})
    {
        sql << condition;
        values << bound;
    }
    [[nodiscard]] QString where() const
    {
        return sql.isEmpty() ? QString()
                             : QStringLiteral(" WHERE ") + sql.join(QLatin1String(" AND "));
    }
};

// Conditions on the discussion d that posts and discussions share.
void addDiscussionConditions(const DiscussionRepository::Filters &filters, Conditions *conditions)
{
    if (filters.sourceId > 0)
        conditions->add(QStringLiteral("d.source_id = ?"), {filters.sourceId});
    if (filters.noReplyYet) {
        // The participant count (and its index) rules out almost every discussion without
        // reading it or its posts; the posts then decide for the few left.
        conditions->add(QStringLiteral(
            "d.id IN (SELECT x.id FROM discussions x WHERE x.participant_count <= 1) AND "
            "NOT EXISTS (SELECT 1 FROM posts r WHERE r.discussion_id = d.id AND "
            "COALESCE(r.author_id, 0) <> COALESCE((SELECT f.author_id FROM posts f WHERE "
            "f.discussion_id = d.id ORDER BY f.created_at, f.id LIMIT 1), 0))"));
    }
}

// Search hits: the post p in its discussion d.
Conditions postConditions(const DiscussionRepository::Filters &filters)
{
    Conditions conditions;
    if (filters.memberId > 0)
        conditions.add(QStringLiteral("p.author_id = ?"), {filters.memberId});
    if (filters.tagId > 0) {
        conditions.add(QStringLiteral("(p.id IN (SELECT pt.post_id FROM post_tags pt WHERE "
                                      "pt.tag_id = ?) OR p.discussion_id IN (SELECT "
                                      "dt.discussion_id FROM discussion_tags dt WHERE dt.tag_id "
                                      "= ?))"),
                       {filters.tagId, filters.tagId});
    }
    if (!filters.hashtag.trimmed().isEmpty()) {
        // The hashtag's id is looked up first, so the planner knows it is one value and can
        // walk post_hashtags_hashtag_idx in post order.
        conditions.add(QStringLiteral("p.id IN (SELECT ph.post_id FROM post_hashtags ph WHERE "
                                      "ph.hashtag_id = (SELECT h.id FROM hashtags h WHERE "
                                      "h.normalized = ?))"),
                       {TextExtractor::normalizeTag(filters.hashtag)});
    }
    if (filters.from.isValid())
        conditions.add(QStringLiteral("p.created_at >= ?"), {filters.from.toSecsSinceEpoch()});
    if (filters.to.isValid())
        conditions.add(QStringLiteral("p.created_at < ?"), {filters.to.toSecsSinceEpoch()});
    // Read through the partial index of flagged posts: a scan in the order of the hits would
    // check every post.
    if (filters.needsResponse) {
        conditions.add(
            QStringLiteral("p.id IN (SELECT n.id FROM posts n WHERE n.needs_response = 1)"));
    }
    // Lets the database start from the few posts of such discussions.
    if (filters.noReplyYet) {
        conditions.add(QStringLiteral("p.discussion_id IN (SELECT x.id FROM discussions x WHERE "
                                      "x.participant_count <= 1)"));
    }
    addDiscussionConditions(filters, &conditions);
    return conditions;
}

// The discussions list: a discussion d passes when one of its posts does. walkDiscussions: the
// hashtag is on many posts (see DiscussionRepository::page()).
Conditions discussionConditions(const DiscussionRepository::Filters &filters, bool walkDiscussions)
{
    Conditions conditions;
    if (filters.memberId > 0) {
        conditions.add(QStringLiteral("d.id IN (SELECT a.discussion_id FROM posts a WHERE "
                                      "a.author_id = ?)"),
                       {filters.memberId});
    }
    if (filters.tagId > 0) {
        conditions.add(QStringLiteral("(d.id IN (SELECT dt.discussion_id FROM discussion_tags dt "
                                      "WHERE dt.tag_id = ?) OR d.id IN (SELECT t.discussion_id "
                                      "FROM post_tags pt JOIN posts t ON t.id = pt.post_id WHERE "
                                      "pt.tag_id = ?))"),
                       {filters.tagId, filters.tagId});
    }
    if (!filters.hashtag.trimmed().isEmpty() && walkDiscussions) {
        // A common hashtag: the discussions in list order each look at their few posts, and the
        // page is full long before the list ends.
        conditions.add(QStringLiteral("EXISTS (SELECT 1 FROM posts t JOIN post_hashtags ph ON "
                                      "ph.post_id = t.id WHERE t.discussion_id = d.id AND "
                                      "ph.hashtag_id = (SELECT h.id FROM hashtags h WHERE "
                                      "h.normalized = ?))"),
                       {TextExtractor::normalizeTag(filters.hashtag)});
    } else if (!filters.hashtag.trimmed().isEmpty()) {
        conditions.add(QStringLiteral("d.id IN (SELECT t.discussion_id FROM post_hashtags ph "
                                      "JOIN hashtags h ON h.id = ph.hashtag_id JOIN posts t ON "
                                      "t.id = ph.post_id WHERE h.normalized = ?)"),
                       {TextExtractor::normalizeTag(filters.hashtag)});
    }
    // Active in the range: started before its end and written in after its start.
    if (filters.from.isValid()) {
        conditions.add(QStringLiteral("COALESCE(d.last_post_at, d.created_at) >= ?"),
                       {filters.from.toSecsSinceEpoch()});
    }
    if (filters.to.isValid())
        conditions.add(QStringLiteral("d.created_at < ?"), {filters.to.toSecsSinceEpoch()});
    if (filters.needsResponse) {
        conditions.add(QStringLiteral("d.id IN (SELECT n.discussion_id FROM posts n WHERE "
                                      "n.needs_response = 1)"));
    }
    addDiscussionConditions(filters, &conditions);
    return conditions;
}

// Splits a snippet with highlight marks into its text and the marked ranges.
void readSnippet(const QString &marked, DiscussionRepository::Hit *hit)
{
    hit->snippet.clear();
    hit->highlights.clear();
    qsizetype start = -1;
    for (const QChar c : marked) {
        if (c == QChar(SqlDialect::highlightStart)) {
            start = hit->snippet.size();
        } else if (c == QChar(SqlDialect::highlightEnd)) {
            if (start >= 0 && hit->snippet.size() > start)
                hit->highlights.append({start, hit->snippet.size() - start});
            start = -1;
        } else {
            hit->snippet += c == QLatin1Char('\n') ? QLatin1Char(' ') : c;
        }
    }
}

QString plainSnippet(const QString &text)
{
    QString snippet = text.simplified();
    if (snippet.size() > plainSnippetLength)
        snippet = snippet.left(plainSnippetLength - 1) + QChar(0x2026);
    return snippet;
}

const char *tagTable(DiscussionRepository::TagTarget target)
{
    return target == DiscussionRepository::TagTarget::Discussion ? "discussion_tags" : "post_tags";
}

const char *tagOwnerColumn(DiscussionRepository::TagTarget target)
{
    return target == DiscussionRepository::TagTarget::Discussion ? "discussion_id" : "post_id";
}

} // namespace

bool DiscussionRepository::Filters::isEmpty() const
{
    return *this == Filters();
}

DiscussionRepository::DiscussionRepository(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

QList<DiscussionRepository::Row> DiscussionRepository::page(const QString &titleFilter,
                                                            const Filters &filters,
                                                            SortKey sortKey,
                                                            Qt::SortOrder order,
                                                            int offset,
                                                            int limit) const
{
    // SQLite: a hashtag on many posts is checked discussion by discussion in list order; one on
    // few posts has them read first (PostgreSQL's planner chooses between the two itself).
    const QString hashtag = TextExtractor::normalizeTag(filters.hashtag);
    const bool walkDiscussions
        = !hashtag.isEmpty()
          && SqlDialect::backendOf(m_connectionName) == SqlDialect::Backend::Sqlite
          && hasMoreThan(QStringLiteral("SELECT 1 FROM post_hashtags WHERE hashtag_id = (SELECT "
                                        "h.id FROM hashtags h WHERE h.normalized = ?)"),
                         hashtag,
                         commonHashtagPosts);
    Conditions conditions = discussionConditions(filters, walkDiscussions);
    if (!titleFilter.trimmed().isEmpty()) {
        QString pattern = titleFilter.trimmed().toLower();
        pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        pattern.replace(QLatin1Char('%'), QLatin1String("\\%"));
        pattern.replace(QLatin1Char('_'), QLatin1String("\\_"));
        conditions.add(QStringLiteral("LOWER(d.title) LIKE ? ESCAPE '\\'"),
                       {QString(QLatin1Char('%') + pattern + QLatin1Char('%'))});
    }
    const QString direction = order == Qt::AscendingOrder ? QStringLiteral(" ASC")
                                                          : QStringLiteral(" DESC");
    // The page's ids (and source labels) are sorted first, then only its rows are read: the
    // sort carries a few values per discussion, not whole rows. The page is named s as well, so
    // the order's s.label means the same outside.
    const QString orderClause = QStringLiteral(" ORDER BY ") + orderBy(sortKey) + direction
                                + QStringLiteral(", d.id") + direction;
    const QString sql = QStringLiteral("WITH ") + sourceLabels()
                        + QStringLiteral(", page AS (SELECT d.id, s.label FROM discussions d "
                                         "JOIN s ON s.id = d.source_id")
                        + conditions.where()
                        + orderClause
                        // Written out, not bound: SQLite plans a subquery's bound LIMIT as
                        // unknown and then sorts every discussion to find the first page.
                        + QStringLiteral(" LIMIT %1 OFFSET %2) SELECT d.id, d.title, s.label, ")
                              .arg(limit)
                              .arg(offset)
                        + QStringLiteral("d.created_at, d.last_post_at, d.post_count, "
                                         "d.participant_count FROM page s JOIN discussions d ON "
                                         "d.id = s.id")
                        + orderClause;
    SqlQuery query(m_connectionName, sql);
    for (const QVariant &value : std::as_const(conditions.values))
        query.bind(value);
    query.exec();
    QList<Row> rows;
    while (query.next()) {
        Row row;
        row.id = query.toInt64(0);
        row.title = query.toString(1);
        row.source = query.toString(2);
        row.started = QDateTime::fromSecsSinceEpoch(query.toInt64(3));
        if (!query.value(4).isNull())
            row.lastPost = QDateTime::fromSecsSinceEpoch(query.toInt64(4));
        row.posts = query.value(5).toInt();
        row.participants = query.value(6).toInt();
        rows.append(row);
    }
    return rows;
}

QList<DiscussionRepository::Hit> DiscussionRepository::search(const QString &text,
                                                              const Filters &filters,
                                                              int offset,
                                                              int limit) const
{
    const SearchQuery words(text);
    const SqlDialect::Backend backend = SqlDialect::backendOf(m_connectionName);
    Conditions conditions;
    QString source = QStringLiteral("posts p JOIN discussions d ON d.id = p.discussion_id");
    QString order = QStringLiteral("p.id DESC");
    if (filters.noReplyYet && filters.memberId == 0) {
        // The few unanswered discussions lead to their posts; SQLite would otherwise start
        // from every match of the words (CROSS JOIN keeps its join order, PostgreSQL plans
        // freely).
        source = QStringLiteral("discussions d CROSS JOIN posts p");
        conditions.add(QStringLiteral("p.discussion_id = d.id"));
    }
    // A source with few discussions leads to its posts, as one member does (SQLite keeps the
    // order it is given; PostgreSQL's planner finds this itself from its statistics).
    const bool smallSource = filters.sourceId > 0 && backend == SqlDialect::Backend::Sqlite
                             && !hasMoreThan(QStringLiteral("SELECT 1 FROM discussions WHERE "
                                                            "source_id = ?"),
                                             filters.sourceId,
                                             smallSourceDiscussions);
    if (smallSource) {
        conditions.add(QStringLiteral("p.discussion_id IN (SELECT x.id FROM discussions x WHERE "
                                      "x.source_id = ?)"),
                       {filters.sourceId});
    }
    // PostgreSQL: the posts of a hashtag lead, newest first from post_hashtags_hashtag_idx, and
    // the page stops when it is full. Its planner would rather read every post newest first
    // (costing the hashtag's posts as scattered reads), which for a word and a hashtag that
    // rarely meet reads a large part of all posts.
    Filters rest = filters;
    const bool byHashtag = backend == SqlDialect::Backend::PostgreSql && !words.isEmpty()
                           && !filters.hashtag.trimmed().isEmpty() && !filters.noReplyYet;
    if (byHashtag) {
        source = QStringLiteral("post_hashtags ph JOIN posts p ON p.id = ph.post_id JOIN "
                                "discussions d ON d.id = p.discussion_id");
        order = QStringLiteral("ph.post_id DESC");
        conditions.add(QStringLiteral("ph.hashtag_id = (SELECT h.id FROM hashtags h WHERE "
                                      "h.normalized = ?)"),
                       {TextExtractor::normalizeTag(filters.hashtag)});
        rest.hashtag.clear();
    }
    bool windowed = false;
    if (!words.isEmpty()) {
        QVariantList values;
        // One member's posts, flagged posts and those of unanswered discussions are few: reading
        // them and checking each against the index beats going through every match of a
        // common word.
        if (filters.memberId > 0 || filters.needsResponse || filters.noReplyYet || smallSource
            || byHashtag) {
            conditions.add(SqlDialect::postInSearchCondition(backend, words, &values), values);
        } else {
            source = SqlDialect::postSearchSource(backend)
                     + QStringLiteral(" JOIN discussions d ON d.id = p.discussion_id");
            order = SqlDialect::postSearchOrder(backend);
            conditions.add(SqlDialect::postSearchCondition(backend, words, &values), values);
            windowed = SqlDialect::searchesNewestWindowFirst(backend, words);
        }
    }
    const Conditions filtering = postConditions(rest);
    conditions.sql << filtering.sql;
    conditions.values << filtering.values;

    if (windowed) {
        // The newest posts are read one by one while matches are dense there; the older ones
        // through the index, which is quick exactly when matches are sparse. Neither read can
        // take long, whatever the planner guesses about how the words combine.
        const auto readIds = [&](const QString &range, qint64 bound, const QString &by, int count) {
            SqlQuery ids(m_connectionName,
                         QStringLiteral("SELECT p.id FROM ") + source + conditions.where()
                             + QStringLiteral(" AND ") + range + QStringLiteral(" ORDER BY ") + by
                             + QStringLiteral(" LIMIT ?"));
            for (const QVariant &value : std::as_const(conditions.values))
                ids.bind(value);
            ids.bind(bound).bind(count).exec();
            QList<qint64> list;
            while (ids.next())
                list << ids.toInt64(0);
            return list;
        };
        const qint64 bound = SqlQuery(m_connectionName,
                                      QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM posts"))
                                 .scalar()
                                 .toLongLong()
                             - newestSearchWindow;
        const int wanted = offset + limit;
        QList<qint64> ids = readIds(QStringLiteral("p.id > ?"), bound, order, wanted);
        if (ids.size() < wanted) {
            ids << readIds(QStringLiteral("p.id <= ?"),
                           bound,
                           SqlDialect::postSearchIndexOrder(backend),
                           wanted - int(ids.size()));
        }
        ids = ids.mid(offset, limit);
        if (ids.isEmpty())
            return {};
        // The page itself: these posts, found by their ids.
        source = QStringLiteral("posts p JOIN discussions d ON d.id = p.discussion_id");
        order = QStringLiteral("p.id DESC");
        conditions = Conditions();
        QStringList marks;
        QVariantList values;
        for (const qint64 id : std::as_const(ids)) {
            marks << QStringLiteral("?");
            values << id;
        }
        conditions.add(QStringLiteral("p.id IN (") + marks.join(QLatin1String(", "))
                           + QLatin1Char(')'),
                       values);
        offset = 0;
    }

    // The page is found first, the snippets of its few posts made after: highlighting reads
    // the whole text of a post, which no backend should do for posts outside the page.
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT p.id, p.discussion_id, d.title, COALESCE(p.author_id, "
                                  "0), m.display_name, p.created_at, p.needs_response, "
                                  "SUBSTR(p.body_text, 1, %1) FROM ")
                           .arg(plainSnippetLength * 2)
                       + source + QStringLiteral(" LEFT JOIN members m ON m.id = p.author_id")
                       + conditions.where() + QStringLiteral(" ORDER BY ") + order
                       + QStringLiteral(" LIMIT ? OFFSET ?"));
    for (const QVariant &value : std::as_const(conditions.values))
        query.bind(value);
    query.bind(limit).bind(offset).exec();
    QList<Hit> hits;
    QHash<qint64, qsizetype> index;
    while (query.next()) {
        Hit hit;
        hit.postId = query.toInt64(0);
        hit.discussionId = query.toInt64(1);
        hit.title = query.toString(2);
        hit.authorId = query.toInt64(3);
        hit.author = query.toString(4);
        hit.created = QDateTime::fromSecsSinceEpoch(query.toInt64(5));
        hit.needsResponse = query.value(6).toInt() != 0;
        hit.snippet = plainSnippet(query.toString(7));
        index.insert(hit.postId, hits.size());
        hits.append(hit);
    }
    if (words.isEmpty() || hits.isEmpty())
        return hits;

    QVariantList values;
    SqlQuery snippets(m_connectionName,
                      SqlDialect::postSnippetStatement(backend, words, int(hits.size()), &values));
    QList<qint64> ids;
    for (const Hit &hit : std::as_const(hits))
        ids << hit.postId;
    values << SqlDialect::postSnippetIdValues(backend, ids);
    for (const QVariant &value : std::as_const(values))
        snippets.bind(value);
    snippets.exec();
    while (snippets.next()) {
        const auto it = index.constFind(snippets.toInt64(0));
        if (it != index.constEnd())
            readSnippet(snippets.toString(1), &hits[it.value()]);
    }
    return hits;
}

bool DiscussionRepository::hasMoreThan(const QString &select, const QVariant &value, int limit) const
{
    // Counts no further than it needs to: a large set answers as quickly as a small one.
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT COUNT(*) FROM (") + select
                       + QStringLiteral(" LIMIT %1) x").arg(limit + 1));
    return query.bind(value).scalar().toInt() > limit;
}

QList<DiscussionRepository::Post> DiscussionRepository::posts(qint64 discussionId) const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT p.id, COALESCE(p.parent_id, 0), COALESCE(p.author_id, "
                                  "0), m.display_name, p.created_at, p.body_text, p.body_html, "
                                  "p.url, p.needs_response FROM posts p "
                                  "LEFT JOIN members m ON m.id = p.author_id WHERE "
                                  "p.discussion_id = ? ORDER BY p.created_at, p.id"));
    query.bind(discussionId).exec();
    QList<Post> posts;
    QHash<qint64, qsizetype> index;
    while (query.next()) {
        Post post;
        post.id = query.toInt64(0);
        post.parentId = query.toInt64(1);
        post.authorId = query.toInt64(2);
        post.author = query.toString(3);
        post.created = QDateTime::fromSecsSinceEpoch(query.toInt64(4));
        post.text = query.toString(5);
        post.html = query.toString(6);
        post.url = query.toString(7);
        post.needsResponse = query.value(8).toInt() != 0;
        index.insert(post.id, posts.size());
        posts.append(post);
    }
    // The details of every post, one statement each: (post id, value[, value]) rows.
    auto each = [&](const QString &sql, const std::function<void(Post &, const SqlQuery &)> &add) {
        SqlQuery details(m_connectionName, sql);
        details.bind(discussionId).exec();
        while (details.next()) {
            const auto it = index.constFind(details.toInt64(0));
            if (it != index.constEnd())
                add(posts[it.value()], details);
        }
    };
    each(QStringLiteral("SELECT ph.post_id, h.name FROM post_hashtags ph JOIN hashtags h ON h.id "
                        "= ph.hashtag_id JOIN posts p ON p.id = ph.post_id WHERE "
                        "p.discussion_id = ? ORDER BY h.name"),
         [](Post &post, const SqlQuery &row) { post.hashtags << row.toString(1); });
    each(QStringLiteral("SELECT pl.post_id, pl.url FROM post_links pl JOIN posts p ON p.id = "
                        "pl.post_id WHERE p.discussion_id = ?"),
         [](Post &post, const SqlQuery &row) { post.links << row.toString(1); });
    each(QStringLiteral("SELECT mn.post_id, mn.handle, COALESCE(mn.member_id, 0) FROM mentions "
                        "mn JOIN posts p ON p.id = mn.post_id WHERE p.discussion_id = ? ORDER BY "
                        "mn.id"),
         [](Post &post, const SqlQuery &row) {
             post.mentions << Mention{row.toString(1), row.toInt64(2)};
         });
    each(QStringLiteral("SELECT pt.post_id, t.name FROM post_tags pt JOIN tags t ON t.id = "
                        "pt.tag_id JOIN posts p ON p.id = pt.post_id WHERE p.discussion_id = ? "
                        "ORDER BY t.normalized"),
         [](Post &post, const SqlQuery &row) { post.tags << row.toString(1); });
    return posts;
}

int DiscussionRepository::count() const
{
    SqlQuery query(m_connectionName, QStringLiteral("SELECT COUNT(*) FROM discussions"));
    return query.scalar().toInt();
}

QList<DiscussionRepository::Named> DiscussionRepository::tags() const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT id, name FROM tags ORDER BY normalized, id"));
    query.exec();
    QList<Named> list;
    while (query.next())
        list << Named{query.toInt64(0), query.toString(1)};
    return list;
}

QList<DiscussionRepository::Named> DiscussionRepository::sources() const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("WITH ") + sourceLabels()
                       + QStringLiteral(" SELECT s.id, s.label FROM s WHERE EXISTS (SELECT 1 FROM "
                                        "discussions d WHERE d.source_id = s.id) ORDER BY "
                                        "LOWER(s.label), s.id"));
    query.exec();
    QList<Named> list;
    while (query.next())
        list << Named{query.toInt64(0), query.toString(1)};
    return list;
}

QStringList DiscussionRepository::hashtags(int limit) const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT name FROM hashtags ORDER BY normalized LIMIT ?"));
    query.bind(limit).exec();
    QStringList list;
    while (query.next())
        list << query.toString(0);
    return list;
}

QList<DiscussionRepository::Named> DiscussionRepository::members(const QString &prefix,
                                                                 int limit) const
{
    QString pattern = prefix.trimmed().toCaseFolded();
    pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    pattern.replace(QLatin1Char('%'), QLatin1String("\\%"));
    pattern.replace(QLatin1Char('_'), QLatin1String("\\_"));
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT id, display_name FROM members WHERE sort_name LIKE ? "
                                  "ESCAPE '\\' ORDER BY post_count DESC, sort_name, id LIMIT ?"));
    query.bind(QString(pattern + QLatin1Char('%'))).bind(limit).exec();
    QList<Named> list;
    while (query.next())
        list << Named{query.toInt64(0), query.toString(1)};
    return list;
}

QStringList DiscussionRepository::tagsOf(TagTarget target, qint64 id) const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT t.name FROM %1 x JOIN tags t ON t.id = x.tag_id WHERE "
                                  "x.%2 = ? ORDER BY t.normalized")
                       .arg(QLatin1String(tagTable(target)), QLatin1String(tagOwnerColumn(target))));
    query.bind(id).exec();
    QStringList names;
    while (query.next())
        names << query.toString(0);
    return names;
}

void DiscussionRepository::checkExists(TagTarget target, qint64 id) const
{
    const bool discussion = target == TagTarget::Discussion;
    SqlQuery query(m_connectionName,
                   discussion ? QStringLiteral("SELECT 1 FROM discussions WHERE id = ?")
                              : QStringLiteral("SELECT 1 FROM posts WHERE id = ?"));
    if (!query.bind(id).scalar().isValid()) {
        throw StorageError(discussion ? tr("The discussion no longer exists.")
                                      : tr("The post no longer exists."));
    }
}

void DiscussionRepository::insertTag(TagTarget target, qint64 id, const QString &name) const
{
    const QString trimmed = name.trimmed();
    const QString normalized = TextExtractor::normalizeTag(trimmed);
    if (normalized.isEmpty())
        throw StorageError(tr("A tag needs a name."));
    SqlQuery(m_connectionName,
             QStringLiteral(
                 "INSERT INTO tags (name, normalized) VALUES (?, ?) ON CONFLICT DO NOTHING"))
        .bind(trimmed)
        .bind(normalized)
        .exec();
    SqlQuery link(m_connectionName,
                  QStringLiteral(
                      "INSERT INTO %1 (%2, tag_id) SELECT CAST(? AS BIGINT), id FROM tags WHERE "
                      "normalized = ? ON CONFLICT DO NOTHING")
                      .arg(QLatin1String(tagTable(target)), QLatin1String(tagOwnerColumn(target))));
    link.bind(id).bind(normalized).exec();
}

void DiscussionRepository::addTag(TagTarget target, qint64 id, const QString &name) const
{
    Transaction transaction(m_connectionName);
    checkExists(target, id);
    insertTag(target, id, name);
    transaction.commit();
}

void DiscussionRepository::removeTag(TagTarget target, qint64 id, const QString &name) const
{
    Transaction transaction(m_connectionName);
    checkExists(target, id);
    SqlQuery query(m_connectionName,
                   QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND tag_id IN (SELECT id FROM tags "
                                  "WHERE normalized = ?)")
                       .arg(QLatin1String(tagTable(target)), QLatin1String(tagOwnerColumn(target))));
    query.bind(id).bind(TextExtractor::normalizeTag(name)).exec();
    transaction.commit();
}

void DiscussionRepository::setTags(TagTarget target, qint64 id, const QStringList &names) const
{
    Transaction transaction(m_connectionName);
    checkExists(target, id);
    SqlQuery clear(m_connectionName,
                   QStringLiteral("DELETE FROM %1 WHERE %2 = ?")
                       .arg(QLatin1String(tagTable(target)), QLatin1String(tagOwnerColumn(target))));
    clear.bind(id).exec();
    for (const QString &name : names) {
        if (!TextExtractor::normalizeTag(name).isEmpty())
            insertTag(target, id, name);
    }
    transaction.commit();
}

void DiscussionRepository::setNeedsResponse(qint64 postId, bool needsResponse) const
{
    Transaction transaction(m_connectionName);
    SqlQuery query(m_connectionName,
                   QStringLiteral("UPDATE posts SET needs_response = ?, row_version = row_version "
                                  "+ 1 WHERE id = ?"));
    query.bind(needsResponse ? 1 : 0).bind(postId).exec();
    if (query.numRowsAffected() == 0)
        throw StorageError(tr("The post no longer exists."));
    transaction.commit();
}
