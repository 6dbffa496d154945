// Tests EngagementCalculator against a community small enough to count by hand: each kind of
// activity, the window, the stored formula, the levels and the explanation agree.
#include "communitywriter.h"
#include "engagementcalculator.h"
#include "engagementformula.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QTest>

namespace {

const QDateTime asOf = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);

QDateTime daysBefore(int days)
{
    return asOf.addDays(-days);
}

// With an e-mail address, so the writer knows the same person on both sources.
ImportAuthor person(const QString &name, const QString &handle)
{
    return ImportAuthor{name, handle, handle + QStringLiteral("@example.org"), {}};
}

ImportPost post(const QString &id,
                const QString &parent,
                const ImportAuthor &author,
                int daysAgo,
                const QString &text)
{
    ImportPost p;
    p.externalId = id;
    p.parentExternalId = parent;
    p.author = author;
    p.created = daysBefore(daysAgo);
    p.text = text;
    return p;
}

} // namespace

class tst_EngagementCalculator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void formulaDefaultsAndValidation();
    void formulaIsStoredForTheTeam();
    void countsEachKindOfActivity();
    void levelsFollowTheThresholds();
    void windowLeavesOldActivityOut();
    void partialRecomputeMatchesFull();
    void cancelKeepsTheOldFigures();

private:
    void fill();
    [[nodiscard]] qint64 memberId(const QString &name) const;
    [[nodiscard]] double score(const QString &name) const;
    [[nodiscard]] int level(const QString &name) const;

    std::unique_ptr<TestDatabase> m_db;
};

void tst_EngagementCalculator::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    fill();
}

void tst_EngagementCalculator::cleanup()
{
    m_db.reset();
}

// Ada starts a forum thread mentioning two people (post, 2 mentions), Bob replies (reply), Ada
// answers mentioning Bob (reply, 1 mention). Bob's own thread is 200 days old. Cy posts a feed
// item, Ada comments on it. Dan is a member who never wrote anything.
void tst_EngagementCalculator::fill()
{
    const ImportAuthor ada = person(QStringLiteral("Ada Lovelace"), QStringLiteral("ada"));
    const ImportAuthor bob = person(QStringLiteral("Bob Byte"), QStringLiteral("bob"));
    const ImportAuthor cy = person(QStringLiteral("Cy Feed"), QStringLiteral("cy"));

    ImportBatch forum;
    forum.sourceKind = QStringLiteral("forum");
    forum.sourceName = QStringLiteral("Forum");
    forum.members << ImportMember{person(QStringLiteral("Dan Quiet"), QStringLiteral("dan")),
                                  {},
                                  {}};
    ImportDiscussion welcome;
    welcome.externalId = QStringLiteral("d1");
    welcome.title = QStringLiteral("Welcome");
    welcome.created = daysBefore(10);
    welcome.posts << post(QStringLiteral("a1"), {}, ada, 10, QStringLiteral("Hello @bob and @dan"))
                  << post(QStringLiteral("b1"), QStringLiteral("a1"), bob, 9, QStringLiteral("Hi"))
                  << post(QStringLiteral("a2"),
                          QStringLiteral("b1"),
                          ada,
                          8,
                          QStringLiteral("Thanks @bob"));
    ImportDiscussion old;
    old.externalId = QStringLiteral("d2");
    old.title = QStringLiteral("Old thread");
    old.created = daysBefore(200);
    old.posts << post(QStringLiteral("o1"), {}, bob, 200, QStringLiteral("Long ago"));
    forum.discussions << welcome << old;
    CommunityWriter(m_db->connectionName()).write(forum);

    ImportBatch feed;
    feed.sourceKind = QStringLiteral("feed");
    feed.sourceName = QStringLiteral("Blog");
    ImportDiscussion article;
    article.externalId = QStringLiteral("f1");
    article.title = QStringLiteral("An article");
    article.created = daysBefore(5);
    article.posts << post(QStringLiteral("c1"), {}, cy, 5, QStringLiteral("The article"))
                  << post(QStringLiteral("c2"),
                          QStringLiteral("c1"),
                          ada,
                          4,
                          QStringLiteral("Nice one"));
    feed.discussions << article;
    CommunityWriter(m_db->connectionName()).write(feed);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 4);
}

qint64 tst_EngagementCalculator::memberId(const QString &name) const
{
    return m_db->scalar(QStringLiteral("SELECT id FROM members WHERE display_name = ?"), {name})
        .toLongLong();
}

double tst_EngagementCalculator::score(const QString &name) const
{
    return m_db
        ->scalar(QStringLiteral("SELECT engagement_score FROM members WHERE display_name = ?"),
                 {name})
        .toDouble();
}

int tst_EngagementCalculator::level(const QString &name) const
{
    return m_db
        ->scalar(QStringLiteral("SELECT engagement_level FROM members WHERE display_name = ?"),
                 {name})
        .toInt();
}

void tst_EngagementCalculator::formulaDefaultsAndValidation()
{
    EngagementFormula formula;
    QVERIFY(formula.problem().isEmpty());
    QCOMPARE(formula.windowDays(), 90);
    using Level = EngagementFormula::Level;
    QCOMPARE(formula.levelFor(0, false), Level::Inactive);
    QCOMPARE(formula.levelFor(0, true), Level::Exploring);
    QCOMPARE(formula.levelFor(formula.threshold(Level::Participating), true), Level::Participating);
    QCOMPARE(formula.levelFor(formula.threshold(Level::Leading) + 1, true), Level::Leading);

    formula.setWeight(EngagementFormula::Activity::Reply, -1);
    QVERIFY(!formula.problem().isEmpty());
    formula = EngagementFormula();
    formula.setThreshold(Level::Contributing, formula.threshold(Level::Leading));
    QVERIFY(!formula.problem().isEmpty());
    QVERIFY_THROWS_EXCEPTION(StorageError, formula.save(m_db->connectionName()));
    formula = EngagementFormula();
    formula.setWindowDays(0);
    QVERIFY(!formula.problem().isEmpty());
}

void tst_EngagementCalculator::formulaIsStoredForTheTeam()
{
    QCOMPARE(EngagementFormula::load(m_db->connectionName()), EngagementFormula());
    EngagementFormula formula;
    formula.setWeight(EngagementFormula::Activity::Comment, 2.5);
    formula.setWindowDays(30);
    formula.setThreshold(EngagementFormula::Level::Leading, 100);
    formula.save(m_db->connectionName());
    // Another connection (a teammate) reads the same formula.
    Database other(m_db->database().location());
    other.open();
    QCOMPARE(EngagementFormula::load(other.connectionName()), formula);
}

void tst_EngagementCalculator::countsEachKindOfActivity()
{
    EngagementCalculator calculator(m_db->connectionName());
    calculator.recomputeAll(asOf);
    QCOMPARE(calculator.lastAsOf(), asOf);

    // Default weights: post 3, reply 2, mention 1, feed item 3, comment 1.
    // Ada: 1 post, 1 reply, 3 mentions, 1 comment = 3 + 2 + 3 + 1.
    QCOMPARE(score(QStringLiteral("Ada Lovelace")), 9.0);
    // Bob: 1 reply in the window (his own thread is too old).
    QCOMPARE(score(QStringLiteral("Bob Byte")), 2.0);
    // Cy: 1 feed item.
    QCOMPARE(score(QStringLiteral("Cy Feed")), 3.0);
    QCOMPARE(score(QStringLiteral("Dan Quiet")), 0.0);

    const EngagementCalculator::Explanation ada = calculator.explain(
        memberId(QStringLiteral("Ada Lovelace")));
    QCOMPARE(ada.counts, (std::array<int, 5>{1, 1, 3, 0, 1}));
    QCOMPARE(ada.score, 9.0);
    QCOMPARE(ada.asOf, asOf);
    QCOMPARE(ada.level, EngagementFormula::Level::Participating);
    const EngagementCalculator::Explanation cy = calculator.explain(
        memberId(QStringLiteral("Cy Feed")));
    QCOMPARE(cy.counts, (std::array<int, 5>{0, 0, 0, 1, 0}));
}

void tst_EngagementCalculator::levelsFollowTheThresholds()
{
    EngagementCalculator calculator(m_db->connectionName());
    calculator.recomputeAll(asOf);
    using Level = EngagementFormula::Level;
    QCOMPARE(level(QStringLiteral("Ada Lovelace")), int(Level::Participating));
    QCOMPARE(level(QStringLiteral("Bob Byte")), int(Level::Exploring));
    QCOMPARE(level(QStringLiteral("Cy Feed")), int(Level::Exploring));
    QCOMPARE(level(QStringLiteral("Dan Quiet")), int(Level::Inactive));

    EngagementFormula formula;
    formula.setWeight(EngagementFormula::Activity::Mention, 0);
    formula.setThreshold(Level::Participating, 2);
    formula.setThreshold(Level::Contributing, 3);
    formula.setThreshold(Level::Leading, 6);
    formula.save(m_db->connectionName());
    calculator.recomputeAll(asOf);
    QCOMPARE(score(QStringLiteral("Ada Lovelace")), 6.0);
    QCOMPARE(level(QStringLiteral("Ada Lovelace")), int(Level::Leading));
    QCOMPARE(level(QStringLiteral("Bob Byte")), int(Level::Participating));
    QCOMPARE(level(QStringLiteral("Cy Feed")), int(Level::Contributing));
    QCOMPARE(level(QStringLiteral("Dan Quiet")), int(Level::Inactive));
    QCOMPARE(calculator.explain(memberId(QStringLiteral("Bob Byte"))).level, Level::Participating);
}

void tst_EngagementCalculator::windowLeavesOldActivityOut()
{
    EngagementFormula formula;
    formula.setWindowDays(365);
    formula.save(m_db->connectionName());
    EngagementCalculator calculator(m_db->connectionName());
    calculator.recomputeAll(asOf);
    // Bob's 200-day-old thread counts now: a post (3) and the reply (2).
    QCOMPARE(score(QStringLiteral("Bob Byte")), 5.0);

    formula.setWindowDays(7);
    formula.save(m_db->connectionName());
    calculator.recomputeAll(asOf);
    // Only the feed discussion (5 and 4 days ago) is in the window.
    QCOMPARE(score(QStringLiteral("Ada Lovelace")), 1.0);
    QCOMPARE(level(QStringLiteral("Bob Byte")), int(EngagementFormula::Level::Inactive));
    // Activity after the end of the window does not count either.
    calculator.recomputeAll(daysBefore(100));
    QCOMPARE(score(QStringLiteral("Ada Lovelace")), 0.0);
    QCOMPARE(level(QStringLiteral("Ada Lovelace")), int(EngagementFormula::Level::Inactive));
}

void tst_EngagementCalculator::partialRecomputeMatchesFull()
{
    EngagementCalculator calculator(m_db->connectionName());
    calculator.recomputeAll(asOf);
    const QVariantList full = m_db->column(
        QStringLiteral("SELECT engagement_score * 10 + engagement_level FROM members ORDER BY id"));
    SqlQuery::execDirect(m_db->connectionName(),
                         QStringLiteral("UPDATE members SET engagement_score = 0, "
                                        "engagement_level = 0"));
    const QVariantList ids = m_db->column(QStringLiteral("SELECT id FROM members ORDER BY id"));
    QList<qint64> list;
    for (const QVariant &id : ids)
        list << id.toLongLong();
    calculator.recomputeMembers(list);
    QCOMPARE(m_db->column(QStringLiteral(
                 "SELECT engagement_score * 10 + engagement_level FROM members ORDER BY id")),
             full);
}

void tst_EngagementCalculator::cancelKeepsTheOldFigures()
{
    EngagementCalculator calculator(m_db->connectionName());
    calculator.recomputeAll(asOf);
    EngagementFormula formula;
    formula.setWeight(EngagementFormula::Activity::Post, 50);
    formula.save(m_db->connectionName());
    int calls = 0;
    QVERIFY_THROWS_EXCEPTION(OperationCancelled,
                             calculator.recomputeAll(asOf, [&](qint64 done, qint64 total) {
                                 ++calls;
                                 return done < total && false;
                             }));
    QCOMPARE(calls, 1);
    QCOMPARE(score(QStringLiteral("Ada Lovelace")), 9.0);
    QCOMPARE(calculator.lastAsOf(), asOf);
}

QTEST_GUILESS_MAIN(tst_EngagementCalculator)
#include "tst_engagementcalculator.moc"
