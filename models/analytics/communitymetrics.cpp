// Dashboard figures: counts, response rate, weekly posts and active members, top contributors.
#include "communitymetrics.h"

#include "sqlquery.h"

#include <QTimeZone>

namespace {

constexpr qint64 secondsPerDay = 24 * 60 * 60;
constexpr qint64 secondsPerWeek = 7 * secondsPerDay;

int count(const QString &connectionName, const QString &sql, const QList<QVariant> &values = {})
{
    SqlQuery query(connectionName, sql);
    for (const QVariant &value : values)
        query.bind(value);
    return query.scalar().toInt();
}

} // namespace

CommunityMetrics CommunityMetrics::compute(const QString &connectionName,
                                           const QDateTime &now,
                                           int windowDays,
                                           int weekCount)
{
    CommunityMetrics m;
    m.computedAt = now;
    m.windowDays = windowDays;
    const qint64 end = now.toSecsSinceEpoch();
    const qint64 windowStart = end - windowDays * secondsPerDay;

    m.members = count(connectionName, QStringLiteral("SELECT COUNT(*) FROM members"));
    m.discussions = count(connectionName, QStringLiteral("SELECT COUNT(*) FROM discussions"));
    m.posts = count(connectionName, QStringLiteral("SELECT COUNT(*) FROM posts"));
    m.feeds = count(connectionName, QStringLiteral("SELECT COUNT(*) FROM feeds"));
    m.activeMembers = count(connectionName,
                            QStringLiteral("SELECT COUNT(*) FROM members WHERE last_seen >= ?"),
                            {windowStart});
    m.newMembers = count(connectionName,
                         QStringLiteral("SELECT COUNT(*) FROM members WHERE first_seen >= ?"),
                         {windowStart});
    m.postsInWindow
        = count(connectionName,
                QStringLiteral(
                    "SELECT COUNT(*) FROM posts WHERE created_at >= ? AND created_at <= ?"),
                {windowStart, end});
    const int started = count(connectionName,
                              QStringLiteral(
                                  "SELECT COUNT(*) FROM discussions WHERE created_at >= ?"),
                              {windowStart});
    m.unansweredDiscussions
        = count(connectionName,
                QStringLiteral("SELECT COUNT(*) FROM discussions d WHERE d.created_at >= ? "
                               "AND NOT EXISTS (SELECT 1 FROM posts p WHERE "
                               "p.discussion_id = d.id AND p.parent_id IS NOT NULL)"),
                {windowStart});
    m.responseRate = started > 0 ? double(started - m.unansweredDiscussions) / started : 0.0;

    // Weeks end at `now`, so the last bar is the last seven days, up to and including `now`.
    const qint64 origin = end - weekCount * secondsPerWeek;
    for (int i = 0; i < weekCount; ++i)
        m.weeks.append(
            {QDateTime::fromSecsSinceEpoch(origin + i * secondsPerWeek, QTimeZone::utc()).date(),
             0,
             0});
    SqlQuery
        weekly(connectionName,
               QStringLiteral(
                   "SELECT (created_at - ? - 1) / ? AS week, COUNT(*), COUNT(DISTINCT author_id) "
                   "FROM posts WHERE created_at > ? AND created_at <= ? "
                   "GROUP BY 1"));
    weekly.bind(origin).bind(secondsPerWeek).bind(origin).bind(end).exec();
    while (weekly.next()) {
        const qint64 week = weekly.toInt64(0);
        if (week >= 0 && week < weekCount) {
            m.weeks[week].posts = weekly.value(1).toInt();
            m.weeks[week].activeMembers = weekly.value(2).toInt();
        }
    }

    SqlQuery top(
        connectionName,
        QStringLiteral(
            "SELECT m.id, m.display_name, COUNT(*) AS n FROM posts p JOIN members m ON m.id = "
            "p.author_id "
            "WHERE p.created_at >= ? GROUP BY m.id, m.display_name ORDER BY n DESC, m.display_name "
            "LIMIT 10"));
    top.bind(end - 90 * secondsPerDay).exec();
    while (top.next())
        m.topContributors.append({top.toInt64(0), top.toString(1), top.value(2).toInt()});
    return m;
}
