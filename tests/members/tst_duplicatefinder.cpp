// Tests DuplicateFinder: shared e-mail addresses and handles found by grouping, similar names by
// edit distance, each with its reason, and nothing suggested for people who only look alike.
#include "communitywriter.h"
#include "duplicatefinder.h"
#include "membereditor.h"
#include "testdatabase.h"

#include <QTest>

namespace {

void addMember(const QString &connectionName,
               const QString &source,
               const QString &name,
               const QString &handle,
               const QString &email = {})
{
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("forum");
    batch.sourceName = source;
    batch.members << ImportMember{ImportAuthor{name, handle, email, {}}, {}, {}};
    CommunityWriter(connectionName).write(batch);
}

} // namespace

class tst_DuplicateFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void similarity_data();
    void similarity();
    void findsEachKindWithItsReason();
    void limitIsRespected();
    void boundedOnALargeCommunity();

private:
    [[nodiscard]] qint64 idOf(const QString &name) const;

    std::unique_ptr<TestDatabase> m_db;
};

void tst_DuplicateFinder::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_DuplicateFinder::cleanup()
{
    m_db.reset();
}

qint64 tst_DuplicateFinder::idOf(const QString &name) const
{
    return m_db->scalar(QStringLiteral("SELECT id FROM members WHERE display_name = ?"), {name})
        .toLongLong();
}

void tst_DuplicateFinder::similarity_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("similar");

    QTest::newRow("accents and case")
        << QStringLiteral("José García") << QStringLiteral("jose garcia") << true;
    QTest::newRow("one typo") << QStringLiteral("Margaret Hamilton")
                              << QStringLiteral("Margaret Hamiltn") << true;
    QTest::newRow("punctuation") << QStringLiteral("Mary-Ann O'Neil")
                                 << QStringLiteral("Mary Ann ONeil") << true;
    QTest::newRow("other person") << QStringLiteral("Ada Lovelace") << QStringLiteral("Alan Turing")
                                  << false;
    QTest::newRow("same first name")
        << QStringLiteral("Ada Becker") << QStringLiteral("Ada Costa") << false;
}

void tst_DuplicateFinder::similarity()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, similar);
    const double value = DuplicateFinder::nameSimilarity(DuplicateFinder::normalizeName(a),
                                                         DuplicateFinder::normalizeName(b));
    QCOMPARE(value >= DuplicateFinder::similarNames, similar);
    QCOMPARE(DuplicateFinder::nameSimilarity(a, a), 1.0);
    QCOMPARE(DuplicateFinder::nameSimilarity(QStringLiteral("abcd"), QStringLiteral("abcf")), 0.75);
}

void tst_DuplicateFinder::findsEachKindWithItsReason()
{
    const QString db = m_db->connectionName();
    // The same address, once as an identity and once typed in by hand in another case.
    addMember(db,
              QStringLiteral("Forum"),
              QStringLiteral("Grace H"),
              QStringLiteral("grace"),
              QStringLiteral("grace@example.org"));
    MemberEditor(db).addMember({QStringLiteral("G. Hopper"), QStringLiteral("Grace@Example.org")});
    // The same handle on two sources.
    addMember(db, QStringLiteral("Forum"), QStringLiteral("Linus"), QStringLiteral("torvalds"));
    addMember(db, QStringLiteral("Chat"), QStringLiteral("L. T."), QStringLiteral("torvalds"));
    // Very similar names.
    addMember(db,
              QStringLiteral("Forum"),
              QStringLiteral("Margaret Hamilton"),
              QStringLiteral("mh"));
    addMember(db,
              QStringLiteral("Chat"),
              QStringLiteral("Margaret Hamiltn"),
              QStringLiteral("mham"));
    // Different people.
    addMember(db, QStringLiteral("Forum"), QStringLiteral("Ada Lovelace"), QStringLiteral("ada"));
    addMember(db, QStringLiteral("Forum"), QStringLiteral("Alan Turing"), QStringLiteral("alan"));

    const QList<DuplicateFinder::Suggestion> suggestions = DuplicateFinder(db).find();
    QCOMPARE(suggestions.size(), 3);

    const DuplicateFinder::Suggestion &email = suggestions.at(0);
    QCOMPARE(email.reason, DuplicateFinder::Reason::SameEmail);
    QCOMPARE(email.evidence, QStringLiteral("grace@example.org"));
    QCOMPARE(email.memberIds,
             (QList<qint64>{idOf(QStringLiteral("Grace H")), idOf(QStringLiteral("G. Hopper"))}));
    QVERIFY(email.explanation().contains(QLatin1String("grace@example.org")));

    const DuplicateFinder::Suggestion &handle = suggestions.at(1);
    QCOMPARE(handle.reason, DuplicateFinder::Reason::SameHandle);
    QCOMPARE(handle.evidence, QStringLiteral("torvalds"));
    QCOMPARE(handle.names, (QStringList{QStringLiteral("Linus"), QStringLiteral("L. T.")}));
    QVERIFY(handle.explanation().contains(QLatin1String("@torvalds")));

    const DuplicateFinder::Suggestion &name = suggestions.at(2);
    QCOMPARE(name.reason, DuplicateFinder::Reason::SimilarName);
    QVERIFY(name.similarity >= DuplicateFinder::similarNames && name.similarity < 1.0);
    QCOMPARE(name.memberIds,
             (QList<qint64>{idOf(QStringLiteral("Margaret Hamilton")),
                            idOf(QStringLiteral("Margaret Hamiltn"))}));
    QVERIFY(name.explanation().contains(QLatin1String("%")));
}

void tst_DuplicateFinder::limitIsRespected()
{
    for (int i = 0; i < 5; ++i)
        addMember(m_db->connectionName(),
                  QStringLiteral("S%1").arg(i),
                  QStringLiteral("Person %1").arg(i),
                  QStringLiteral("same"));
    MemberEditor(m_db->connectionName())
        .addMember({QStringLiteral("Twin One"), QStringLiteral("twin@example.org")});
    MemberEditor(m_db->connectionName())
        .addMember({QStringLiteral("Twin Two"), QStringLiteral("twin@example.org")});
    const auto all = DuplicateFinder(m_db->connectionName()).find();
    QCOMPARE(all.size(), 2);
    // Five members with one handle are one suggestion, not ten pairs; their names differ only in
    // numbers, which tell people apart rather than make them alike.
    QCOMPARE(all.at(1).memberIds.size(), 5);
    QCOMPARE(DuplicateFinder(m_db->connectionName()).find(1).size(), 1);
}

void tst_DuplicateFinder::boundedOnALargeCommunity()
{
    DemoGenerator::Options options = TestDatabase::demoOptions();
    options.members = 3000;
    options.posts = 3000;
    options.feeds = false;
    options.assessment = false;
    QVERIFY2(m_db->fillDemo(options), qPrintable(m_db->errorString()));
    const auto suggestions = DuplicateFinder(m_db->connectionName()).find(50);
    QVERIFY(suggestions.size() <= 50);
    for (const auto &suggestion : suggestions) {
        QVERIFY(suggestion.memberIds.size() >= 2);
        QCOMPARE(suggestion.names.size(), suggestion.memberIds.size());
    }
}

QTEST_GUILESS_MAIN(tst_DuplicateFinder)
#include "tst_duplicatefinder.moc"
