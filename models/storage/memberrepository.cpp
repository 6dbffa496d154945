// SQL for the members pane.
#include "memberrepository.h"

#include "sqlquery.h"
#include "storageerror.h"

#include <QHash>

namespace {

QDateTime timeOrNull(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong());
}

QString likePattern(const QString &filter)
{
    QString escaped = filter.trimmed().toCaseFolded();
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString orderBy(MemberRepository::SortKey key)
{
    switch (key) {
    case MemberRepository::SortKey::Name:
        return QStringLiteral("m.sort_name");
    case MemberRepository::SortKey::Posts:
        return QStringLiteral("m.post_count");
    case MemberRepository::SortKey::RepliesGiven:
        return QStringLiteral("m.replies_given");
    case MemberRepository::SortKey::RepliesReceived:
        return QStringLiteral("m.replies_received");
    case MemberRepository::SortKey::Mentions:
        return QStringLiteral("m.mentions_received");
    case MemberRepository::SortKey::FirstSeen:
        return QStringLiteral("COALESCE(m.first_seen, 0)");
    case MemberRepository::SortKey::LastSeen:
        return QStringLiteral("COALESCE(m.last_seen, 0)");
    case MemberRepository::SortKey::Level:
        return QStringLiteral("m.engagement_level");
    }
    return QStringLiteral("m.sort_name");
}

} // namespace

MemberRepository::MemberRepository(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

QList<MemberRepository::Row> MemberRepository::page(const QString &filter,
                                                    SortKey sortKey,
                                                    Qt::SortOrder order,
                                                    int offset,
                                                    int limit,
                                                    int level) const
{
    const bool filtered = !filter.trimmed().isEmpty();
    const QString direction = order == Qt::AscendingOrder ? QStringLiteral(" ASC")
                                                          : QStringLiteral(" DESC");
    QString sql = QStringLiteral(
        "SELECT m.id, m.display_name, m.post_count, m.replies_given, m.replies_received, "
        "m.mentions_received, m.first_seen, m.last_seen, m.engagement_score, m.engagement_level "
        "FROM members m ");
    QStringList conditions;
    // The handle and tag matches are found once each (IN over an uncorrelated subquery), not
    // probed member by member: a filter that matches nobody still answers quickly.
    if (filtered) {
        conditions << QStringLiteral(
            "(m.sort_name LIKE ? ESCAPE '\\' "
            "OR m.id IN (SELECT i.member_id FROM identities i WHERE i.normalized LIKE ? "
            "ESCAPE '\\') "
            "OR m.id IN (SELECT mt.member_id FROM member_tags mt JOIN tags t ON t.id = mt.tag_id "
            "WHERE t.normalized LIKE ? ESCAPE '\\'))");
    }
    if (level >= 0)
        conditions << QStringLiteral("m.engagement_level = ?");
    if (!conditions.isEmpty())
        sql += QStringLiteral("WHERE ") + conditions.join(QLatin1String(" AND "))
               + QLatin1Char(' ');
    sql += QStringLiteral("ORDER BY ") + orderBy(sortKey) + direction;
    // Within a level, the higher score first (the order of members_engagement_idx).
    if (sortKey == SortKey::Level)
        sql += QStringLiteral(", m.engagement_score") + direction;
    sql += QStringLiteral(", m.id") + direction + QStringLiteral(" LIMIT ? OFFSET ?");
    SqlQuery query(m_connectionName, sql);
    if (filtered) {
        const QString pattern = likePattern(filter);
        query.bind(pattern).bind(pattern).bind(pattern);
    }
    if (level >= 0)
        query.bind(level);
    query.bind(limit).bind(offset).exec();
    QList<Row> rows;
    while (query.next()) {
        Row row;
        row.id = query.toInt64(0);
        row.name = query.toString(1);
        row.posts = query.value(2).toInt();
        row.repliesGiven = query.value(3).toInt();
        row.repliesReceived = query.value(4).toInt();
        row.mentionsReceived = query.value(5).toInt();
        row.firstSeen = timeOrNull(query.value(6));
        row.lastSeen = timeOrNull(query.value(7));
        row.engagementScore = query.value(8).toDouble();
        row.engagementLevel = query.value(9).toInt();
        rows.append(row);
    }
    fillHandlesAndTags(rows);
    return rows;
}

void MemberRepository::fillHandlesAndTags(QList<Row> &rows) const
{
    if (rows.isEmpty())
        return;
    QHash<qint64, qsizetype> index;
    QStringList marks;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        index.insert(rows.at(i).id, i);
        marks << QStringLiteral("?");
    }
    const QString in = QStringLiteral(" IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');

    SqlQuery identities(m_connectionName,
                        QStringLiteral(
                            "SELECT member_id, value FROM identities WHERE kind = 'handle' "
                            "AND member_id")
                            + in + QStringLiteral(" ORDER BY id"));
    for (const Row &row : std::as_const(rows))
        identities.bind(row.id);
    identities.exec();
    while (identities.next()) {
        QStringList &handles = rows[index.value(identities.toInt64(0))].handles;
        const QString handle = QLatin1Char('@') + identities.toString(1);
        if (!handles.contains(handle))
            handles << handle;
    }

    SqlQuery
        tags(m_connectionName,
             QStringLiteral(
                 "SELECT mt.member_id, t.name FROM member_tags mt JOIN tags t ON t.id = mt.tag_id "
                 "WHERE mt.member_id")
                 + in + QStringLiteral(" ORDER BY t.normalized"));
    for (const Row &row : std::as_const(rows))
        tags.bind(row.id);
    tags.exec();
    while (tags.next())
        rows[index.value(tags.toInt64(0))].tags << tags.toString(1);
}

MemberRepository::Detail MemberRepository::detail(qint64 memberId) const
{
    Detail detail;
    SqlQuery head(m_connectionName,
                  QStringLiteral(
                      "SELECT id, display_name, post_count, replies_given, replies_received, "
                      "mentions_received, first_seen, last_seen, email, notes, row_version, "
                      "engagement_score, engagement_level FROM members "
                      "WHERE id = ?"));
    head.bind(memberId).exec();
    if (!head.next())
        return detail;
    Row &row = detail.row;
    row.id = head.toInt64(0);
    row.name = head.toString(1);
    row.posts = head.value(2).toInt();
    row.repliesGiven = head.value(3).toInt();
    row.repliesReceived = head.value(4).toInt();
    row.mentionsReceived = head.value(5).toInt();
    row.firstSeen = timeOrNull(head.value(6));
    row.lastSeen = timeOrNull(head.value(7));
    detail.email = head.toString(8);
    detail.notes = head.toString(9);
    detail.rowVersion = head.toInt64(10);
    row.engagementScore = head.value(11).toDouble();
    row.engagementLevel = head.value(12).toInt();
    head.finish();
    QList<Row> one{row};
    fillHandlesAndTags(one);
    row = one.constFirst();

    SqlQuery identities(
        m_connectionName,
        QStringLiteral(
            "SELECT s.name, i.kind, i.value FROM identities i "
            "JOIN sources s ON s.id = i.source_id WHERE i.member_id = ? ORDER BY s.name, i.kind"));
    identities.bind(memberId).exec();
    while (identities.next())
        detail.identities.append(
            {identities.toString(0), identities.toString(1), identities.toString(2)});

    SqlQuery posts(m_connectionName,
                   QStringLiteral(
                       "SELECT p.id, d.id, d.title, p.created_at, p.body_text FROM posts p "
                       "JOIN discussions d ON d.id = p.discussion_id WHERE p.author_id = ? "
                       "ORDER BY p.created_at DESC LIMIT 10"));
    posts.bind(memberId).exec();
    while (posts.next())
        detail.recentPosts.append({posts.toInt64(0),
                                   posts.toInt64(1),
                                   posts.toString(2),
                                   QDateTime::fromSecsSinceEpoch(posts.toInt64(3)),
                                   posts.toString(4)});

    // Replies and mentions in both directions, summed per other member.
    SqlQuery interactions(
        m_connectionName,
        QStringLiteral(
            "SELECT t.other, m.display_name, SUM(t.n) AS total FROM ("
            " SELECT p.author_id AS other, COUNT(*) AS n FROM posts r JOIN posts p ON r.parent_id "
            "= p.id"
            "  WHERE r.author_id = ? AND p.author_id <> ? GROUP BY p.author_id"
            " UNION ALL"
            " SELECT r.author_id, COUNT(*) FROM posts r JOIN posts p ON r.parent_id = p.id"
            "  WHERE p.author_id = ? AND r.author_id <> ? GROUP BY r.author_id"
            " UNION ALL"
            " SELECT mn.member_id, COUNT(*) FROM mentions mn JOIN posts p ON p.id = mn.post_id"
            "  WHERE p.author_id = ? AND mn.member_id <> ? GROUP BY mn.member_id"
            " UNION ALL"
            " SELECT p.author_id, COUNT(*) FROM mentions mn JOIN posts p ON p.id = mn.post_id"
            "  WHERE mn.member_id = ? AND p.author_id <> ? GROUP BY p.author_id"
            ") t JOIN members m ON m.id = t.other GROUP BY t.other, m.display_name "
            "ORDER BY total DESC, m.display_name LIMIT 8"));
    for (int i = 0; i < 8; ++i)
        interactions.bind(memberId);
    interactions.exec();
    while (interactions.next())
        detail.interactions.append(
            {interactions.toInt64(0), interactions.toString(1), interactions.value(2).toInt()});
    return detail;
}

qint64 MemberRepository::updateNotes(qint64 memberId, const QString &notes, qint64 expectedVersion)
{
    // Saved only over the version the editor started from; someone else's newer save wins
    // until the user has seen it.
    SqlQuery update(m_connectionName,
                    QStringLiteral(
                        "UPDATE members SET notes = ?, updated_at = ?, "
                        "row_version = row_version + 1 WHERE id = ? AND row_version = ?"));
    update.bind(notes)
        .bind(QDateTime::currentSecsSinceEpoch())
        .bind(memberId)
        .bind(expectedVersion)
        .exec();
    if (update.numRowsAffected() != 1) {
        SqlQuery exists(m_connectionName,
                        QStringLiteral("SELECT COUNT(*) FROM members WHERE id = ?"));
        const bool gone = exists.bind(memberId).scalar().toInt() == 0;
        throw ConcurrentChangeError(
            gone ? ConcurrentChangeError::tr(
                "Someone else deleted this member while you were editing.")
                 : ConcurrentChangeError::tr(
                     "Someone else changed this member while you were editing. "
                     "Reload to see their changes; your text stays here."));
    }
    return expectedVersion + 1;
}

int MemberRepository::count() const
{
    SqlQuery query(m_connectionName, QStringLiteral("SELECT COUNT(*) FROM members"));
    return query.scalar().toInt();
}
