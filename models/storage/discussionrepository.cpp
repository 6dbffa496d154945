// SQL for the discussions pane.
#include "discussionrepository.h"

#include "sqlquery.h"

#include <QHash>

namespace {

QString orderBy(DiscussionRepository::SortKey key)
{
    switch (key) {
    case DiscussionRepository::SortKey::Title:
        return QStringLiteral("LOWER(d.title)");
    case DiscussionRepository::SortKey::Source:
        return QStringLiteral("COALESCE((SELECT f.title FROM feeds f WHERE f.source_id = s.id "
                              "AND f.title <> ''), s.name)");
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

} // namespace

DiscussionRepository::DiscussionRepository(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

QList<DiscussionRepository::Row> DiscussionRepository::page(
    const QString &filter, SortKey sortKey, Qt::SortOrder order, int offset, int limit) const
{
    const bool filtered = !filter.trimmed().isEmpty();
    const QString direction = order == Qt::AscendingOrder ? QStringLiteral(" ASC")
                                                          : QStringLiteral(" DESC");
    QString sql = QStringLiteral(
        "SELECT d.id, d.title, COALESCE((SELECT f.title FROM feeds f WHERE f.source_id = s.id "
        "AND f.title <> ''), s.name), d.created_at, d.last_post_at, d.post_count, "
        "d.participant_count FROM discussions d JOIN sources s ON s.id = d.source_id ");
    if (filtered)
        sql += QStringLiteral("WHERE LOWER(d.title) LIKE ? ESCAPE '\\' ");
    sql += QStringLiteral("ORDER BY ") + orderBy(sortKey) + direction + QStringLiteral(", d.id")
           + direction + QStringLiteral(" LIMIT ? OFFSET ?");
    SqlQuery query(m_connectionName, sql);
    if (filtered) {
        QString pattern = filter.trimmed().toLower();
        pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        pattern.replace(QLatin1Char('%'), QLatin1String("\\%"));
        pattern.replace(QLatin1Char('_'), QLatin1String("\\_"));
        query.bind(QString(QLatin1Char('%') + pattern + QLatin1Char('%')));
    }
    query.bind(limit).bind(offset).exec();
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

QList<DiscussionRepository::Post> DiscussionRepository::posts(qint64 discussionId) const
{
    SqlQuery query(
        m_connectionName,
        QStringLiteral(
            "SELECT p.id, COALESCE(p.parent_id, 0), COALESCE(p.author_id, 0), m.display_name, "
            "p.created_at, p.body_text, p.body_html, p.url FROM posts p "
            "LEFT JOIN members m ON m.id = p.author_id WHERE p.discussion_id = ? "
            "ORDER BY p.created_at, p.id"));
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
        index.insert(post.id, posts.size());
        posts.append(post);
    }
    SqlQuery hashtags(m_connectionName,
                      QStringLiteral(
                          "SELECT ph.post_id, h.name FROM post_hashtags ph JOIN hashtags h ON h.id "
                          "= ph.hashtag_id "
                          "JOIN posts p ON p.id = ph.post_id WHERE p.discussion_id = ?"));
    hashtags.bind(discussionId).exec();
    while (hashtags.next()) {
        const auto it = index.constFind(hashtags.toInt64(0));
        if (it != index.constEnd())
            posts[it.value()].hashtags << hashtags.toString(1);
    }
    SqlQuery
        links(m_connectionName,
              QStringLiteral(
                  "SELECT pl.post_id, pl.url FROM post_links pl JOIN posts p ON p.id = pl.post_id "
                  "WHERE p.discussion_id = ?"));
    links.bind(discussionId).exec();
    while (links.next()) {
        const auto it = index.constFind(links.toInt64(0));
        if (it != index.constEnd())
            posts[it.value()].links << links.toString(1);
    }
    return posts;
}

int DiscussionRepository::count() const
{
    SqlQuery query(m_connectionName, QStringLiteral("SELECT COUNT(*) FROM discussions"));
    return query.scalar().toInt();
}
