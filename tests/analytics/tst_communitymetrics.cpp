// Tests CommunityMetrics: the dashboard figures agree with what the tables hold.
#include "communitymetrics.h"
#include "communitywriter.h"
#include "testdatabase.h"

#include <QTest>
#include <QTimeZone>

namespace {

constexpr qint64 secondsPerDay = 24 * 60 * 60;
constexpr qint64 secondsPerWeek = 7 * secondsPerDay;

} // namespace

class tst_CommunityMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void countsMatchTables();
    void windowFigures();
    void weeklyActivity_data();
    void weeklyActivity();
    void topContributors();
    void emptyDatabase();

private:
    std::unique_ptr<TestDatabase> m_db;
    QDateTime m_now;
};

void tst_CommunityMetrics::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    QVERIFY2(m_db->fillDemo(TestDatabase::demoOptions()), qPrintable(m_db->errorString()));
    m_now = TestDatabase::demoEnd();

    // A post at exactly `now` and one at the very start of the 26 weeks: the edges of the chart.
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("forum");
    batch.sourceName = QStringLiteral("Community Forum");
    ImportDiscussion discussion;
    discussion.externalId = QStringLiteral("edges");
    discussion.title = QStringLiteral("Edge cases");
    for (const qint64 secs : {m_now.toSecsSinceEpoch() - 26 * secondsPerWeek,
                              m_now.toSecsSinceEpoch() - 26 * secondsPerWeek + 1,
                              m_now.toSecsSinceEpoch()}) {
        ImportPost post;
        post.externalId = QString::number(secs);
        post.author = ImportAuthor{QStringLiteral("Edge Walker"), QStringLiteral("edge"), {}, {}};
        post.created = QDateTime::fromSecsSinceEpoch(secs);
        post.text = QStringLiteral("At the edge");
        discussion.posts.append(post);
    }
    batch.discussions = {discussion};
    CommunityWriter(m_db->connectionName()).write(batch);
}

void tst_CommunityMetrics::cleanupTestCase()
{
    m_db.reset();
}

void tst_CommunityMetrics::countsMatchTables()
{
    const CommunityMetrics metrics = CommunityMetrics::compute(m_db->connectionName(), m_now);
    QCOMPARE(metrics.computedAt, m_now);
    QCOMPARE(metrics.members, m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")));
    QCOMPARE(metrics.discussions, m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")));
    QCOMPARE(metrics.posts, m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")));
    QCOMPARE(metrics.feeds, m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds")));
    QVERIFY(metrics.members > 0);
    QVERIFY(metrics.posts > 0);
}

void tst_CommunityMetrics::windowFigures()
{
    const int windowDays = 30;
    const CommunityMetrics metrics = CommunityMetrics::compute(m_db->connectionName(),
                                                               m_now,
                                                               windowDays);
    const qint64 end = m_now.toSecsSinceEpoch();
    const qint64 start = end - windowDays * secondsPerDay;
    QCOMPARE(metrics.windowDays, windowDays);

    // Counted from the posts themselves rather than from the stored member figures.
    QCOMPARE(metrics.postsInWindow,
             m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE created_at >= ? AND "
                                        "created_at <= ?"),
                         {start, end}));
    QVERIFY(metrics.postsInWindow > 0);
    QCOMPARE(metrics.activeMembers,
             m_db->count(QStringLiteral("SELECT COUNT(DISTINCT author_id) FROM posts WHERE "
                                        "created_at >= ?"),
                         {start}));
    QCOMPARE(metrics.newMembers,
             m_db->count(QStringLiteral("SELECT COUNT(*) FROM (SELECT author_id FROM posts WHERE "
                                        "author_id IS NOT NULL GROUP BY author_id HAVING "
                                        "MIN(created_at) >= ?) AS firsts"),
                         {start}));

    const qint64 started
        = m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions WHERE created_at >= ?"),
                      {start});
    const qint64 answered = m_db->count(
        QStringLiteral(
            "SELECT COUNT(DISTINCT d.id) FROM discussions d JOIN posts p ON "
            "p.discussion_id = d.id WHERE d.created_at >= ? AND p.parent_id IS NOT NULL"),
        {start});
    QCOMPARE(metrics.unansweredDiscussions, started - answered);
    QVERIFY(started > 0);
    QCOMPARE(metrics.responseRate, double(answered) / double(started));
}

void tst_CommunityMetrics::weeklyActivity_data()
{
    QTest::addColumn<int>("weekCount");
    QTest::newRow("26 weeks") << 26;
    QTest::newRow("4 weeks") << 4;
    QTest::newRow("1 week") << 1;
}

void tst_CommunityMetrics::weeklyActivity()
{
    QFETCH(int, weekCount);
    const CommunityMetrics metrics = CommunityMetrics::compute(m_db->connectionName(),
                                                               m_now,
                                                               30,
                                                               weekCount);
    QCOMPARE(metrics.weeks.size(), weekCount);

    // The weeks cover (now - weekCount weeks, now], oldest first, each post in exactly one week.
    const qint64 end = m_now.toSecsSinceEpoch();
    const qint64 origin = end - weekCount * secondsPerWeek;
    qint64 sum = 0;
    for (int i = 0; i < weekCount; ++i) {
        const CommunityMetrics::Week &week = metrics.weeks.at(i);
        const qint64 from = origin + i * secondsPerWeek;
        const qint64 to = from + secondsPerWeek;
        QCOMPARE(week.start, QDateTime::fromSecsSinceEpoch(from, QTimeZone::utc()).date());
        QCOMPARE(week.posts,
                 m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE created_at > ? AND "
                                            "created_at <= ?"),
                             {from, to}));
        QCOMPARE(week.activeMembers,
                 m_db->count(QStringLiteral("SELECT COUNT(DISTINCT author_id) FROM posts WHERE "
                                            "created_at > ? AND created_at <= ?"),
                             {from, to}));
        sum += week.posts;
    }
    const qint64 inRange
        = m_db->count(QStringLiteral(
                          "SELECT COUNT(*) FROM posts WHERE created_at > ? AND created_at <= ?"),
                      {origin, end});
    QCOMPARE(sum, inRange);
    QVERIFY(sum > 0);
    // The post made at `now` is in the last bar.
    QVERIFY(metrics.weeks.constLast().posts > 0);
    QVERIFY(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE created_at = ?"), {end})
            > 0);
}

void tst_CommunityMetrics::topContributors()
{
    const CommunityMetrics metrics = CommunityMetrics::compute(m_db->connectionName(), m_now);
    QVERIFY(!metrics.topContributors.isEmpty());
    QVERIFY(metrics.topContributors.size() <= 10);
    const qint64 since = m_now.toSecsSinceEpoch() - 90 * secondsPerDay;
    for (qsizetype i = 0; i < metrics.topContributors.size(); ++i) {
        const CommunityMetrics::Contributor &contributor = metrics.topContributors.at(i);
        QCOMPARE(contributor.posts,
                 m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE author_id = ? AND "
                                            "created_at >= ?"),
                             {contributor.memberId, since}));
        QCOMPARE(contributor.name,
                 m_db->scalar(QStringLiteral("SELECT display_name FROM members WHERE id = ?"),
                              {contributor.memberId})
                     .toString());
        if (i > 0)
            QVERIFY(contributor.posts <= metrics.topContributors.at(i - 1).posts);
    }
    // Nobody left out posted more than the last one listed.
    const qint64 best = m_db->count(QStringLiteral("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM "
                                                   "posts WHERE created_at >= ? AND author_id IS "
                                                   "NOT NULL GROUP BY author_id) AS per_author"),
                                    {since});
    QCOMPARE(metrics.topContributors.constFirst().posts, best);
}

void tst_CommunityMetrics::emptyDatabase()
{
    TestDatabase empty;
    QVERIFY2(empty.open(), qPrintable(empty.errorString()));
    const CommunityMetrics metrics = CommunityMetrics::compute(empty.connectionName(), m_now);
    QCOMPARE(metrics.members, 0);
    QCOMPARE(metrics.posts, 0);
    QCOMPARE(metrics.responseRate, 0.0);
    QCOMPARE(metrics.weeks.size(), 26);
    for (const CommunityMetrics::Week &week : metrics.weeks)
        QCOMPARE(week.posts, 0);
    QVERIFY(metrics.topContributors.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CommunityMetrics)
#include "tst_communitymetrics.moc"
