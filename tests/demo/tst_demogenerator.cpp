// Tests DemoGenerator: size and time span of the sample community, seeds, cancellation.
#include "demogenerator.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

namespace {

// Columns that hold the wall-clock time of the write rather than generated data.
const QHash<QString, QStringList> &wallClockColumns()
{
    static const QHash<QString, QStringList> columns{
        {QStringLiteral("members"), {QStringLiteral("created_at"), QStringLiteral("updated_at")}},
        {QStringLiteral("identities"), {QStringLiteral("created_at")}},
        {QStringLiteral("feed_items"), {QStringLiteral("fetched_at")}},
        {QStringLiteral("scores"), {QStringLiteral("scored_at")}},
    };
    return columns;
}

const QStringList &comparedTables()
{
    static const QStringList tables{QStringLiteral("members"),
                                    QStringLiteral("identities"),
                                    QStringLiteral("discussions"),
                                    QStringLiteral("posts"),
                                    QStringLiteral("mentions"),
                                    QStringLiteral("feed_items"),
                                    QStringLiteral("scores")};
    return tables;
}

// Every row of a table as text, in id order, without the wall-clock columns.
QStringList dump(const TestDatabase &db, const QString &table)
{
    QSqlQuery query(QSqlDatabase::database(db.connectionName(), false));
    if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table)))
        return {QStringLiteral("error")};
    const QSqlRecord record = query.record();
    const QStringList skipped = wallClockColumns().value(table);
    QStringList rows;
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < record.count(); ++i) {
            if (!skipped.contains(record.fieldName(i)))
                fields << record.fieldName(i) + QLatin1Char('=') + query.value(i).toString();
        }
        rows << fields.join(QLatin1Char('|'));
    }
    return rows;
}

} // namespace

class tst_DemoGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultCommunity();
    void postsLieWithinTheSpan();
    void sameSeedSameCommunity();
    void otherSeedOtherCommunity();
    void wallClockColumnsAreTheOnlyDifference();
    void cancelLeavesNothing();
    void defaultDiscussions_data();
    void defaultDiscussions();
};

void tst_DemoGenerator::defaultCommunity()
{
    TestDatabase db;
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    DemoGenerator::Result result;
    QVERIFY2(db.fillDemo(TestDatabase::demoOptions(), &result), qPrintable(db.errorString()));

    QCOMPARE(result.members, 60);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM members")), 60);

    const QString forumDiscussions = QStringLiteral(
        "SELECT COUNT(*) FROM discussions d JOIN sources s ON s.id = d.source_id WHERE s.kind = "
        "'forum'");
    const QString forumPosts = QStringLiteral(
        "SELECT COUNT(*) FROM posts p JOIN discussions d ON d.id = p.discussion_id JOIN sources s "
        "ON s.id = d.source_id WHERE s.kind = 'forum'");
    QCOMPARE(result.discussions, 40);
    QCOMPARE(db.count(forumDiscussions), 40);
    QCOMPARE(result.posts, 400);
    QCOMPARE(db.count(forumPosts), 400);
    // Every forum discussion has its first post.
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM discussions d WHERE d.post_count = 0")),
             0);
    QCOMPARE(result.mentions, int(db.count(QStringLiteral("SELECT COUNT(*) FROM mentions"))));
    QVERIFY(result.mentions > 0);

    QCOMPARE(result.feeds, 3);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM feeds")), 3);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM feeds f WHERE NOT EXISTS (SELECT 1 FROM "
                                     "feed_items i WHERE i.feed_id = f.id)")),
             0);
    QCOMPARE(result.feedItems, int(db.count(QStringLiteral("SELECT COUNT(*) FROM feed_items"))));
    // Feed authors are matched to forum members by e-mail, never added as new people.
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM members m WHERE NOT EXISTS (SELECT 1 "
                                     "FROM identities i JOIN sources s ON s.id = i.source_id WHERE "
                                     "i.member_id = m.id AND s.kind = 'forum')")),
             0);

    QCOMPARE(result.assessments, 1);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM assessments")), 1);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(DISTINCT competency_id) FROM scores")), 8);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(DISTINCT assessor_id) FROM scores")), 3);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM scores")), 8 * 3);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM scores WHERE stage < 1 OR stage > 4")),
             0);

    // The stored figures agree with the rows they summarise.
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM members m WHERE post_count <> (SELECT "
                                     "COUNT(*) FROM posts p WHERE p.author_id = m.id)")),
             0);
    QCOMPARE(db.count(
                 QStringLiteral("SELECT COUNT(*) FROM discussions d WHERE post_count <> (SELECT "
                                "COUNT(*) FROM posts p WHERE p.discussion_id = d.id)")),
             0);
}

void tst_DemoGenerator::postsLieWithinTheSpan()
{
    TestDatabase db;
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    const DemoGenerator::Options options = TestDatabase::demoOptions();
    QVERIFY2(db.fillDemo(options), qPrintable(db.errorString()));

    const qint64 end = options.end.toSecsSinceEpoch();
    const qint64 start = options.end.addMonths(-options.months).toSecsSinceEpoch();
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM posts")), 400 + 20);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE created_at < ? OR "
                                     "created_at > ?"),
                      {start, end}),
             0);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM discussions WHERE created_at < ? OR "
                                     "created_at > ?"),
                      {start, end}),
             0);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE published_at < ? OR "
                                     "published_at > ?"),
                      {start, end}),
             0);
    // Replies never come before the post they answer.
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM posts r JOIN posts p ON p.id = "
                                     "r.parent_id WHERE r.created_at < p.created_at")),
             0);
    // Activity is spread over the months, not bunched at one end.
    const qint64 middle = start + (end - start) / 2;
    QVERIFY(db.count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE created_at < ?"), {middle})
            > 0);
    QVERIFY(db.count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE created_at >= ?"), {middle})
            > 0);
}

void tst_DemoGenerator::sameSeedSameCommunity()
{
    TestDatabase first;
    TestDatabase second;
    QVERIFY2(first.open(), qPrintable(first.errorString()));
    QVERIFY2(second.open(), qPrintable(second.errorString()));
    DemoGenerator::Options options = TestDatabase::demoOptions();
    options.seed = 42;
    QVERIFY2(first.fillDemo(options), qPrintable(first.errorString()));
    QVERIFY2(second.fillDemo(options), qPrintable(second.errorString()));

    for (const QString &table : comparedTables()) {
        const QStringList rows = dump(first, table);
        QVERIFY2(!rows.isEmpty(), qPrintable(table));
        QCOMPARE(dump(second, table), rows);
    }
}

void tst_DemoGenerator::otherSeedOtherCommunity()
{
    TestDatabase first;
    TestDatabase second;
    QVERIFY2(first.open(), qPrintable(first.errorString()));
    QVERIFY2(second.open(), qPrintable(second.errorString()));
    DemoGenerator::Options options = TestDatabase::demoOptions();
    options.seed = 1;
    QVERIFY2(first.fillDemo(options), qPrintable(first.errorString()));
    options.seed = 2;
    QVERIFY2(second.fillDemo(options), qPrintable(second.errorString()));

    // Same sizes, other people and other conversations.
    QCOMPARE(second.count(QStringLiteral("SELECT COUNT(*) FROM members")),
             first.count(QStringLiteral("SELECT COUNT(*) FROM members")));
    QVERIFY(dump(second, QStringLiteral("members")) != dump(first, QStringLiteral("members")));
    QVERIFY(dump(second, QStringLiteral("posts")) != dump(first, QStringLiteral("posts")));
    QVERIFY(dump(second, QStringLiteral("scores")) != dump(first, QStringLiteral("scores")));
}

void tst_DemoGenerator::wallClockColumnsAreTheOnlyDifference()
{
    // The skipped columns must really be wall-clock times: generated a second apart, they all
    // move, while every generated time stays the same.
    TestDatabase first;
    TestDatabase second;
    QVERIFY2(first.open(), qPrintable(first.errorString()));
    QVERIFY2(second.open(), qPrintable(second.errorString()));
    const DemoGenerator::Options options = TestDatabase::demoOptions();
    QVERIFY2(first.fillDemo(options), qPrintable(first.errorString()));
    qint64 firstWrite = 0;
    for (auto it = wallClockColumns().cbegin(); it != wallClockColumns().cend(); ++it) {
        for (const QString &column : it.value()) {
            const QString sql = QStringLiteral("SELECT MAX(%1) FROM %2").arg(column, it.key());
            firstWrite = std::max(firstWrite, first.count(sql));
        }
    }
    QTRY_VERIFY(QDateTime::currentSecsSinceEpoch() > firstWrite);
    QVERIFY2(second.fillDemo(options), qPrintable(second.errorString()));

    for (auto it = wallClockColumns().cbegin(); it != wallClockColumns().cend(); ++it) {
        for (const QString &column : it.value()) {
            const QString sql = QStringLiteral("SELECT MIN(%1) FROM %2").arg(column, it.key());
            QVERIFY2(second.count(sql) > first.count(sql), qPrintable(sql));
        }
    }
    QCOMPARE(second.count(QStringLiteral("SELECT SUM(created_at) FROM posts")),
             first.count(QStringLiteral("SELECT SUM(created_at) FROM posts")));
}

void tst_DemoGenerator::cancelLeavesNothing()
{
    TestDatabase db;
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    qint64 lastDone = 0;
    qint64 lastTotal = 0;
    int calls = 0;
    const DemoGenerator::Progress cancelHalfway = [&](qint64 done, qint64 total) {
        ++calls;
        lastDone = done;
        lastTotal = total;
        return done * 2 < total;
    };
    QVERIFY_THROWS_EXCEPTION(OperationCancelled,
                             DemoGenerator(TestDatabase::demoOptions())
                                 .generate(db.connectionName(), cancelHalfway));
    QVERIFY(calls >= 2);
    QVERIFY(lastDone * 2 >= lastTotal);

    for (const QString &table : {QStringLiteral("members"),
                                 QStringLiteral("identities"),
                                 QStringLiteral("discussions"),
                                 QStringLiteral("posts"),
                                 QStringLiteral("feeds"),
                                 QStringLiteral("assessments"),
                                 QStringLiteral("sources")}) {
        QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)), 0);
    }

    // The connection is usable afterwards: a full run on the same database works.
    DemoGenerator::Result result;
    QVERIFY2(db.fillDemo(TestDatabase::demoOptions(), &result), qPrintable(db.errorString()));
    QCOMPARE(result.members, 60);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM members")), 60);
}

void tst_DemoGenerator::defaultDiscussions_data()
{
    QTest::addColumn<int>("posts");
    QTest::addColumn<int>("discussions");

    QTest::newRow("none") << 0 << 1;
    QTest::newRow("few") << 12 << 12;
    QTest::newRow("default") << 400 << 40;
    QTest::newRow("large") << 100000 << 10000;
}

void tst_DemoGenerator::defaultDiscussions()
{
    QFETCH(int, posts);
    QFETCH(int, discussions);
    QCOMPARE(DemoGenerator::defaultDiscussions(posts), discussions);
}

QTEST_GUILESS_MAIN(tst_DemoGenerator)
#include "tst_demogenerator.moc"
