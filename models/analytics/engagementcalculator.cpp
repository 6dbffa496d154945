// The engagement SQL: every post a member wrote in the window is classified by whether it starts
// its discussion and whether that discussion comes from a feed, and weighted accordingly.
#include "engagementcalculator.h"

#include "settingsrepository.h"
#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "transaction.h"

namespace {

const char asOfKey[] = "engagement/as_of";

// The discussions of feeds, found once per statement (few, compared with all posts).
const QString feedDiscussions = QStringLiteral(
    "(SELECT d.id FROM discussions d JOIN sources s ON s.id = d.source_id WHERE s.kind = 'feed')");

// An expression over posts p that yields one of the four SQL texts for what the
// post is: the first post of its discussion (no earlier one, ties broken by id) or an answer, in
// a feed's discussion or elsewhere.
QString activityCase(const QString &post,
                     const QString &reply,
                     const QString &feedItem,
                     const QString &comment)
{
    return QStringLiteral(
               "CASE WHEN EXISTS (SELECT 1 FROM posts e WHERE e.discussion_id = p.discussion_id "
               "AND e.created_at <= p.created_at AND e.id <> p.id "
               "AND (e.created_at < p.created_at OR e.id < p.id)) "
               "THEN (CASE WHEN p.discussion_id IN %5 THEN %4 ELSE %2 END) "
               "ELSE (CASE WHEN p.discussion_id IN %5 THEN %3 ELSE %1 END) END")
        .arg(post, reply, feedItem, comment, feedDiscussions);
}

const QString mentionsOfPost = QStringLiteral(
    "(SELECT COUNT(*) FROM mentions mn WHERE mn.post_id = p.id)");

// Read from posts_activity_idx alone (author, time, discussion), without the posts' rows.
const QString postsInWindow = QStringLiteral(
    " FROM posts p WHERE p.created_at > ? AND p.created_at <= ? ");

const QString number = QStringLiteral("CAST(? AS DOUBLE PRECISION)");

} // namespace

EngagementCalculator::EngagementCalculator(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

void EngagementCalculator::update(const EngagementFormula &formula,
                                  qint64 asOf,
                                  const QString &where,
                                  const QVariantList &values) const
{
    const QString setup = SqlDialect::bulkStatementsSetup(SqlDialect::backendOf(m_connectionName));
    if (!setup.isEmpty())
        SqlQuery::execDirect(m_connectionName, setup);
    using Activity = EngagementFormula::Activity;
    using Level = EngagementFormula::Level;
    const qint64 from = asOf - qint64(formula.windowDays()) * 86400;

    // The placeholders of activityCase() come in the order comment, reply, feed item, post.
    SqlQuery score(m_connectionName,
                   QStringLiteral("UPDATE members SET engagement_score = (SELECT COALESCE(SUM(")
                       + activityCase(number, number, number, number) + QStringLiteral(" + ")
                       + number + QStringLiteral(" * ") + mentionsOfPost + QStringLiteral("), 0)")
                       + postsInWindow + QStringLiteral("AND p.author_id = members.id) WHERE ")
                       + where);
    score.bind(formula.weight(Activity::Comment))
        .bind(formula.weight(Activity::Reply))
        .bind(formula.weight(Activity::FeedItem))
        .bind(formula.weight(Activity::Post))
        .bind(formula.weight(Activity::Mention))
        .bind(from)
        .bind(asOf);
    for (const QVariant &value : values)
        score.bind(value);
    score.exec();

    SqlQuery level(m_connectionName,
                   QStringLiteral("UPDATE members SET engagement_level = CASE "
                                  "WHEN NOT EXISTS (SELECT 1 FROM posts p WHERE p.author_id = "
                                  "members.id AND p.created_at > ? AND p.created_at <= ?) THEN 0 "
                                  "WHEN engagement_score >= %1 THEN 4 "
                                  "WHEN engagement_score >= %1 THEN 3 "
                                  "WHEN engagement_score >= %1 THEN 2 ELSE 1 END WHERE ")
                           .arg(number)
                       + where);
    level.bind(from)
        .bind(asOf)
        .bind(formula.threshold(Level::Leading))
        .bind(formula.threshold(Level::Contributing))
        .bind(formula.threshold(Level::Participating));
    for (const QVariant &value : values)
        level.bind(value);
    level.exec();
}

void EngagementCalculator::recomputeAll(const QDateTime &asOf, const Progress &progress)
{
    const qint64 end = asOf.isValid() ? asOf.toSecsSinceEpoch()
                                      : QDateTime::currentSecsSinceEpoch();
    Transaction transaction(m_connectionName);
    const EngagementFormula formula = EngagementFormula::load(m_connectionName);
    SqlQuery bounds(m_connectionName,
                    QStringLiteral("SELECT MIN(id), MAX(id), COUNT(*) FROM members"));
    bounds.exec();
    qint64 first = 0;
    qint64 last = -1;
    qint64 total = 0;
    if (bounds.next() && !bounds.value(0).isNull()) {
        first = bounds.toInt64(0);
        last = bounds.toInt64(1);
        total = bounds.toInt64(2);
    }
    bounds.finish();
    // Ranges of ids, so progress can be shown and the work cancelled between them.
    constexpr int steps = 20;
    const qint64 span = std::max<qint64>(1, (last - first + steps) / steps);
    for (qint64 lower = first; lower <= last; lower += span) {
        update(formula, end, QStringLiteral("id >= ? AND id < ?"), {lower, lower + span});
        if (progress) {
            const qint64 done = std::min(total,
                                         total * (lower + span - first)
                                             / std::max<qint64>(1, last - first + 1));
            if (!progress(done, total))
                throw OperationCancelled();
        }
    }
    SettingsRepository(m_connectionName).setValues({{QLatin1String(asOfKey), QString::number(end)}});
    transaction.commit();
}

void EngagementCalculator::recomputeMembers(const QList<qint64> &memberIds)
{
    if (memberIds.isEmpty())
        return;
    Transaction transaction(m_connectionName);
    const EngagementFormula formula = EngagementFormula::load(m_connectionName);
    const qint64 end = lastAsOf().toSecsSinceEpoch();
    constexpr qsizetype chunk = 400;
    for (qsizetype start = 0; start < memberIds.size(); start += chunk) {
        const QList<qint64> part = memberIds.mid(start, chunk);
        QVariantList values;
        for (qint64 id : part)
            values << id;
        update(formula,
               end,
               QStringLiteral("id IN (")
                   + QStringList(part.size(), QStringLiteral("?")).join(QLatin1Char(','))
                   + QLatin1Char(')'),
               values);
    }
    transaction.commit();
}

QDateTime EngagementCalculator::lastAsOf() const
{
    bool ok = false;
    const qint64 stored
        = SettingsRepository(m_connectionName).value(QLatin1String(asOfKey)).toLongLong(&ok);
    return ok ? QDateTime::fromSecsSinceEpoch(stored, Qt::UTC) : QDateTime::currentDateTimeUtc();
}

bool EngagementCalculator::isStale(qint64 maxAge) const
{
    bool ok = false;
    const qint64 stored
        = SettingsRepository(m_connectionName).value(QLatin1String(asOfKey)).toLongLong(&ok);
    return !ok || QDateTime::currentSecsSinceEpoch() - stored > maxAge;
}

EngagementCalculator::Explanation EngagementCalculator::explain(qint64 memberId) const
{
    Explanation explanation;
    explanation.formula = EngagementFormula::load(m_connectionName);
    explanation.asOf = lastAsOf();
    const qint64 end = explanation.asOf.toSecsSinceEpoch();
    const qint64 from = end - qint64(explanation.formula.windowDays()) * 86400;
    const QString one = QStringLiteral("1");
    const QString zero = QStringLiteral("0");
    auto sum = [](const QString &expression) -> QString {
        return QStringLiteral("COALESCE(SUM(") + expression + QStringLiteral("), 0)");
    };
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT ") + sum(activityCase(one, zero, zero, zero))
                       + QStringLiteral(", ") + sum(activityCase(zero, one, zero, zero))
                       + QStringLiteral(", ") + sum(mentionsOfPost) + QStringLiteral(", ")
                       + sum(activityCase(zero, zero, one, zero)) + QStringLiteral(", ")
                       + sum(activityCase(zero, zero, zero, one)) + QStringLiteral(", COUNT(*)")
                       + postsInWindow + QStringLiteral("AND p.author_id = ?"));
    query.bind(from).bind(end).bind(memberId).exec();
    int posts = 0;
    if (query.next()) {
        for (int i = 0; i < EngagementFormula::ActivityCount; ++i)
            explanation.counts.at(std::size_t(i)) = query.value(i).toInt();
        posts = query.value(EngagementFormula::ActivityCount).toInt();
    }
    for (int i = 0; i < EngagementFormula::ActivityCount; ++i)
        explanation.score += explanation.counts.at(std::size_t(i))
                             * explanation.formula.weight(EngagementFormula::Activity(i));
    explanation.level = explanation.formula.levelFor(explanation.score, posts > 0);
    return explanation;
}
