// Tests DiscussionRepository on both backends: full-text search kept in sync by the database,
// highlighted snippets, hostile query text, every filter, tags and the "needs response" flag.
#include "communitywriter.h"
#include "discussionrepository.h"
#include "searchquery.h"
#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>

namespace {

QDateTime at(int month, int day, int hour = 10, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), QTimeZone::utc());
}

ImportPost post(const QString &id,
                const QString &handle,
                const QDateTime &created,
                const QString &text,
                const QString &parent = {})
{
    ImportPost p;
    p.externalId = id;
    p.parentExternalId = parent;
    QString name = handle;
    name[0] = name.at(0).toUpper();
    p.author = ImportAuthor{name, handle, {}, {}};
    p.created = created;
    p.text = text;
    return p;
}

ImportDiscussion discussion(const QString &id,
                            const QString &title,
                            const QList<ImportPost> &posts,
                            const QStringList &tags = {})
{
    ImportDiscussion d;
    d.externalId = id;
    d.title = title;
    d.created = posts.constFirst().created;
    d.posts = posts;
    d.tags = tags;
    return d;
}

} // namespace

class tst_DiscussionRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void queryTerms_data();
    void queryTerms();
    void searchIndexExists();
    void findsWordsLatestFirst();
    void keepsInSyncWithInsertUpdateDelete();
    void highlightsMatchedWords_data();
    void highlightsMatchedWords();
    void hostileQueryText_data();
    void hostileQueryText();
    void queryOperators_data();
    void queryOperators();
    void searchFilters();
    void discussionFilters();
    void pagesOfHits();
    void tagsOnDiscussionsAndPosts();
    void tagErrors();
    void needsResponse();
    void postDetails();

private:
    [[nodiscard]] qint64 postId(const QString &externalId) const;
    [[nodiscard]] qint64 discussionId(const QString &externalId) const;
    [[nodiscard]] qint64 memberId(const QString &handle) const;
    [[nodiscard]] QSet<qint64> hitIds(const QString &query,
                                      const DiscussionRepository::Filters &filters = {}) const;
    [[nodiscard]] QSet<qint64> postIds(const QStringList &externalIds) const;
    [[nodiscard]] QSet<qint64> discussionIds(const DiscussionRepository::Filters &filters) const;

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DiscussionRepository> m_repository;
};

void tst_DiscussionRepository::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_repository = std::make_unique<DiscussionRepository>(m_db->connectionName());

    ImportBatch forum;
    forum.sourceKind = QStringLiteral("forum");
    forum.sourceName = QStringLiteral("Forum A");
    forum.discussions
        = {discussion(QStringLiteral("d1"),
                      QStringLiteral("Welcome thread"),
                      {post(QStringLiteral("p1"),
                            QStringLiteral("ada"),
                            at(1, 1),
                            QStringLiteral(
                                "Welcome everyone! Please introduce yourselves. #intro")),
                       post(QStringLiteral("p2"),
                            QStringLiteral("bob"),
                            at(1, 2),
                            QStringLiteral("Hi @ada, glad to be here. Café au lait fan."),
                            QStringLiteral("p1"))},
                      {QStringLiteral("onboarding")}),
           discussion(QStringLiteral("d2"),
                      QStringLiteral("Release planning"),
                      {post(QStringLiteral("p3"),
                            QStringLiteral("ada"),
                            at(2, 1),
                            QStringLiteral("The release checklist needs reviewers (NEAR the end "
                                           "of the month)"))})};
    ImportBatch chat;
    chat.sourceKind = QStringLiteral("transcript");
    chat.sourceName = QStringLiteral("Chat B");
    chat.discussions = {discussion(QStringLiteral("d3"),
                                   QStringLiteral("Monday chat"),
                                   {post(QStringLiteral("p4"),
                                         QStringLiteral("carol"),
                                         at(3, 1),
                                         QStringLiteral(
                                             "Who owns the release notes? \"quoted\" text")),
                                    post(QStringLiteral("p5"),
                                         QStringLiteral("carol"),
                                         at(3, 1, 10, 5),
                                         QStringLiteral("Anyone? release release"))}),
                        discussion(QStringLiteral("d4"),
                                   QStringLiteral("Tuesday chat"),
                                   {post(QStringLiteral("p6"),
                                         QStringLiteral("bob"),
                                         at(3, 2),
                                         QStringLiteral("Our calendar is shared with everyone")),
                                    post(QStringLiteral("p7"),
                                         QStringLiteral("ada"),
                                         at(3, 3),
                                         QStringLiteral("Thanks for the Calendar link, @bob"),
                                         QStringLiteral("p6"))})};
    try {
        CommunityWriter writer(m_db->connectionName());
        writer.write(forum);
        writer.write(chat);
    } catch (const StorageError &error) {
        QFAIL(qPrintable(error.message()));
    }
}

void tst_DiscussionRepository::cleanup()
{
    m_repository.reset();
    m_db.reset();
}

qint64 tst_DiscussionRepository::postId(const QString &externalId) const
{
    return m_db->count(QStringLiteral("SELECT id FROM posts WHERE external_id = ?"), {externalId});
}

qint64 tst_DiscussionRepository::discussionId(const QString &externalId) const
{
    return m_db->count(QStringLiteral("SELECT id FROM discussions WHERE external_id = ?"),
                       {externalId});
}

qint64 tst_DiscussionRepository::memberId(const QString &handle) const
{
    return m_db->count(QStringLiteral("SELECT member_id FROM identities WHERE kind = 'handle' AND "
                                      "normalized = ? ORDER BY id LIMIT 1"),
                       {handle});
}

QSet<qint64> tst_DiscussionRepository::hitIds(const QString &query,
                                              const DiscussionRepository::Filters &filters) const
{
    QSet<qint64> ids;
    const auto hits = m_repository->search(query, filters, 0, 100);
    for (const DiscussionRepository::Hit &hit : hits)
        ids.insert(hit.postId);
    return ids;
}

QSet<qint64> tst_DiscussionRepository::postIds(const QStringList &externalIds) const
{
    QSet<qint64> ids;
    for (const QString &id : externalIds)
        ids.insert(postId(id));
    return ids;
}

QSet<qint64> tst_DiscussionRepository::discussionIds(
    const DiscussionRepository::Filters &filters) const
{
    QSet<qint64> ids;
    const auto rows = m_repository->page(QString(),
                                         filters,
                                         DiscussionRepository::SortKey::LastPost,
                                         Qt::DescendingOrder,
                                         0,
                                         100);
    for (const DiscussionRepository::Row &row : rows)
        ids.insert(row.id);
    return ids;
}

void tst_DiscussionRepository::queryTerms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("fts5");
    QTest::newRow("words") << "release notes"
                           << R"("release" AND "notes")";
    QTest::newRow("phrase") << R"("release notes" now)"
                            << R"("release notes" AND "now")";
    QTest::newRow("unclosed phrase") << R"(say "hello there)"
                                     << R"("say" AND "hello there")";
    QTest::newRow("exclusion") << "release -notes -draft"
                               << R"(("release") NOT ("notes" OR "draft"))";
    QTest::newRow("prefix") << "calend*"
                            << R"("calend"*)";
    QTest::newRow("no prefix on punctuation") << "a-b*"
                                              << R"("a-b")";
    QTest::newRow("operators are words") << "NEAR(a b) OR c"
                                         << R"x("NEAR(a" AND "b)" AND "OR" AND "c")x";
    QTest::newRow("quotes doubled") << R"(it"s)"
                                    << R"("it" AND "s")";
    QTest::newRow("punctuation only") << R"(* - ( ) "" ---)" << QString();
    QTest::newRow("duplicates once") << "a a"
                                     << R"("a")";
}

void tst_DiscussionRepository::queryTerms()
{
    QFETCH(QString, text);
    QFETCH(QString, fts5);
    const SearchQuery query(text);
    QCOMPARE(query.isEmpty(), fts5.isEmpty());
    QCOMPARE(SqlDialect::fts5Query(query), fts5);
}

void tst_DiscussionRepository::searchIndexExists()
{
    if (TestDatabase::usesPostgreSql()) {
        QCOMPARE(m_db->count(QStringLiteral(
                     "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'posts' "
                     "AND column_name = 'search_vector' AND is_generated = 'ALWAYS'")),
                 1);
        QCOMPARE(m_db->count(QStringLiteral(
                     "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'posts_search_idx'")),
                 1);
    } else {
        // The SQLite library Qt uses has FTS5, and the index holds every post.
        QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts_fts")),
                 m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT sqlite_compileoption_used('ENABLE_FTS5')"))
                     .toInt(),
                 1);
    }
}

void tst_DiscussionRepository::findsWordsLatestFirst()
{
    const auto hits = m_repository->search(QStringLiteral("Release"), {}, 0, 50);
    QCOMPARE(hits.size(), 3);
    QCOMPARE(hits.at(0).postId, postId(QStringLiteral("p5")));
    QCOMPARE(hits.at(1).postId, postId(QStringLiteral("p4")));
    QCOMPARE(hits.at(2).postId, postId(QStringLiteral("p3")));
    QCOMPARE(hits.at(2).title, QStringLiteral("Release planning"));
    QCOMPARE(hits.at(2).author, QStringLiteral("Ada"));
    QCOMPARE(hits.at(2).authorId, memberId(QStringLiteral("ada")));
    QCOMPARE(hits.at(2).discussionId, discussionId(QStringLiteral("d2")));
    QCOMPARE(hits.at(2).created, at(2, 1));
    // Words match whole: "releases" is not "release", accents count.
    QVERIFY(hitIds(QStringLiteral("releases")).isEmpty());
    QCOMPARE(hitIds(QStringLiteral("café")), postIds({QStringLiteral("p2")}));
    QVERIFY(hitIds(QStringLiteral("cafe")).isEmpty());
}

void tst_DiscussionRepository::keepsInSyncWithInsertUpdateDelete()
{
    QVERIFY(hitIds(QStringLiteral("zebra")).isEmpty());
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("forum");
    batch.sourceName = QStringLiteral("Forum A");
    batch.discussions = {discussion(QStringLiteral("d9"),
                                    QStringLiteral("Animals"),
                                    {post(QStringLiteral("p9"),
                                          QStringLiteral("dan"),
                                          at(4, 1),
                                          QStringLiteral("A zebra crossed the road"))})};
    CommunityWriter(m_db->connectionName()).write(batch);
    const qint64 id = postId(QStringLiteral("p9"));
    QCOMPARE(hitIds(QStringLiteral("zebra")), QSet<qint64>{id});

    SqlQuery update(m_db->connectionName(),
                    QStringLiteral("UPDATE posts SET body_text = ? WHERE id = ?"));
    update.bind(QStringLiteral("A giraffe crossed the road")).bind(id).exec();
    QVERIFY(hitIds(QStringLiteral("zebra")).isEmpty());
    QCOMPARE(hitIds(QStringLiteral("giraffe")), QSet<qint64>{id});
    // Changing other columns leaves the text findable.
    SqlQuery flag(m_db->connectionName(),
                  QStringLiteral("UPDATE posts SET needs_response = 1 WHERE id = ?"));
    flag.bind(id).exec();
    QCOMPARE(hitIds(QStringLiteral("giraffe road")), QSet<qint64>{id});

    SqlQuery remove(m_db->connectionName(), QStringLiteral("DELETE FROM posts WHERE id = ?"));
    remove.bind(id).exec();
    QVERIFY(hitIds(QStringLiteral("giraffe")).isEmpty());
    QVERIFY(hitIds(QStringLiteral("road")).isEmpty());

    // Posts deleted with their discussion leave the index too.
    SqlQuery removeDiscussion(m_db->connectionName(),
                              QStringLiteral("DELETE FROM discussions WHERE id = ?"));
    removeDiscussion.bind(discussionId(QStringLiteral("d4"))).exec();
    QVERIFY(hitIds(QStringLiteral("calendar")).isEmpty());
    QCOMPARE(hitIds(QStringLiteral("release")).size(), 3);
    if (!TestDatabase::usesPostgreSql()) {
        // FTS5's own check: the index matches the posts exactly.
        SqlQuery::execDirect(
            m_db->connectionName(),
            QStringLiteral(
                "INSERT INTO posts_fts (posts_fts, rank) VALUES ('integrity-check', 1)"));
    }
}

void tst_DiscussionRepository::highlightsMatchedWords_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("externalId");
    QTest::addColumn<QStringList>("highlighted");
    QTest::newRow("word, any case") << "calendar"
                                    << "p7" << QStringList{QStringLiteral("Calendar")};
    QTest::newRow("prefix") << "calend*"
                            << "p6" << QStringList{QStringLiteral("calendar")};
    QTest::newRow("every occurrence")
        << "release"
        << "p5" << QStringList{QStringLiteral("release"), QStringLiteral("release")};
    QTest::newRow("phrase") << "\"release notes\""
                            << "p4"
                            << QStringList{QStringLiteral("release"), QStringLiteral("notes")};
    QTest::newRow("two words") << "checklist reviewers"
                               << "p3"
                               << QStringList{QStringLiteral("checklist"),
                                              QStringLiteral("reviewers")};
}

void tst_DiscussionRepository::highlightsMatchedWords()
{
    QFETCH(QString, query);
    QFETCH(QString, externalId);
    QFETCH(QStringList, highlighted);
    const auto hits = m_repository->search(query, {}, 0, 50);
    const qint64 id = postId(externalId);
    const auto it = std::find_if(hits.cbegin(), hits.cend(), [id](const auto &hit) {
        return hit.postId == id;
    });
    QVERIFY(it != hits.cend());
    QStringList words;
    // A phrase may be marked as one piece (SQLite) or word by word (PostgreSQL).
    for (const auto &[start, length] : it->highlights)
        words << it->snippet.mid(start, length).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QCOMPARE(words, highlighted);
    const QString text
        = m_db->scalar(QStringLiteral("SELECT body_text FROM posts WHERE id = ?"), {id}).toString();
    QCOMPARE(it->snippet, text);
    QVERIFY(!it->snippet.contains(QChar(SqlDialect::highlightStart)));
}

void tst_DiscussionRepository::hostileQueryText_data()
{
    QTest::addColumn<QString>("query");
    const char *const texts[] = {"\"",
                                 "\"\"",
                                 "\"unclosed release",
                                 "NEAR(release checklist, 2)",
                                 "NEAR",
                                 "*",
                                 "release*",
                                 "*release",
                                 "-",
                                 "-release",
                                 "--release",
                                 "(",
                                 ")",
                                 "(release OR notes) AND NOT x",
                                 "release AND",
                                 "OR",
                                 "^release",
                                 "body_text:release",
                                 "{body_text}: release",
                                 "'; DROP TABLE posts; --",
                                 "\" OR 1=1 --",
                                 "\\",
                                 "%_%",
                                 "release & | ! <-> :*",
                                 "!!release",
                                 "release:*A",
                                 "a'b",
                                 "$$ $1 ?",
                                 "\xe2\x80\x9crelease\xe2\x80\x9d",
                                 "\xf0\x9f\x98\x80 release"};
    for (const char *text : texts)
        QTest::newRow(text) << QString::fromUtf8(text);
}

void tst_DiscussionRepository::hostileQueryText()
{
    QFETCH(QString, query);
    const qint64 posts = m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts"));
    try {
        const auto hits = m_repository->search(query, {}, 0, 50);
        for (const DiscussionRepository::Hit &hit : hits)
            QVERIFY(hit.postId > 0);
        // Filters and paging combine with any text.
        DiscussionRepository::Filters filters;
        filters.sourceId = m_db->count(QStringLiteral("SELECT MIN(id) FROM sources"));
        Q_UNUSED(m_repository->search(query, filters, 1, 2));
    } catch (const StorageError &error) {
        QFAIL(qPrintable(error.message()));
    }
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), posts);
}

void tst_DiscussionRepository::queryOperators_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("and") << "release notes" << QStringList{QStringLiteral("p4")};
    QTest::newRow("exclusion") << "release -notes"
                               << QStringList{QStringLiteral("p3"), QStringLiteral("p5")};
    QTest::newRow("phrase in order") << "\"notes release\"" << QStringList{};
    QTest::newRow("NEAR is a word") << "NEAR" << QStringList{QStringLiteral("p3")};
    QTest::newRow("quoted word") << "\"quoted\"" << QStringList{QStringLiteral("p4")};
    QTest::newRow("sql is text") << "'; DROP TABLE posts; --" << QStringList{};
    QTest::newRow("parentheses") << "(NEAR" << QStringList{QStringLiteral("p3")};
    QTest::newRow("prefix") << "rel*"
                            << QStringList{QStringLiteral("p3"),
                                           QStringLiteral("p4"),
                                           QStringLiteral("p5")};
    QTest::newRow("nothing to look for: every post") << "-release"
                                                     << QStringList{QStringLiteral("p1"),
                                                                    QStringLiteral("p2"),
                                                                    QStringLiteral("p3"),
                                                                    QStringLiteral("p4"),
                                                                    QStringLiteral("p5"),
                                                                    QStringLiteral("p6"),
                                                                    QStringLiteral("p7")};
}

void tst_DiscussionRepository::queryOperators()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QCOMPARE(hitIds(query), postIds(expected));
}

void tst_DiscussionRepository::searchFilters()
{
    using Filters = DiscussionRepository::Filters;
    Filters byAda;
    byAda.memberId = memberId(QStringLiteral("ada"));
    QVERIFY(byAda.memberId > 0);
    // Members are matched per source: the Ada of the chat is someone else.
    QCOMPARE(hitIds(QString(), byAda), postIds({QStringLiteral("p1"), QStringLiteral("p3")}));
    QCOMPARE(hitIds(QStringLiteral("release"), byAda), postIds({QStringLiteral("p3")}));

    Filters byTag;
    byTag.tagId = m_db->count(
        QStringLiteral("SELECT id FROM tags WHERE normalized = 'onboarding'"));
    QVERIFY(byTag.tagId > 0);
    QCOMPARE(hitIds(QString(), byTag), postIds({QStringLiteral("p1"), QStringLiteral("p2")}));
    m_repository->addTag(DiscussionRepository::TagTarget::Post,
                         postId(QStringLiteral("p6")),
                         QStringLiteral("Onboarding"));
    QCOMPARE(hitIds(QString(), byTag),
             postIds({QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p6")}));
    QCOMPARE(hitIds(QStringLiteral("calendar"), byTag), postIds({QStringLiteral("p6")}));

    Filters byHashtag;
    byHashtag.hashtag = QStringLiteral("#INTRO");
    QCOMPARE(hitIds(QString(), byHashtag), postIds({QStringLiteral("p1")}));
    byHashtag.hashtag = QStringLiteral("nothing");
    QVERIFY(hitIds(QString(), byHashtag).isEmpty());

    Filters bySource;
    bySource.sourceId = m_db->count(QStringLiteral("SELECT id FROM sources WHERE name = 'Chat B'"));
    QCOMPARE(hitIds(QStringLiteral("release"), bySource),
             postIds({QStringLiteral("p4"), QStringLiteral("p5")}));

    Filters byDate;
    byDate.from = at(2, 1);
    byDate.to = at(3, 2);
    QCOMPARE(hitIds(QString(), byDate),
             postIds({QStringLiteral("p3"), QStringLiteral("p4"), QStringLiteral("p5")}));
    byDate.to = QDateTime();
    QCOMPARE(hitIds(QStringLiteral("calendar"), byDate),
             postIds({QStringLiteral("p6"), QStringLiteral("p7")}));

    // d2 has one post; d3 only its starter's own follow-up: neither has a reply.
    Filters noReply;
    noReply.noReplyYet = true;
    QCOMPARE(hitIds(QString(), noReply),
             postIds({QStringLiteral("p3"), QStringLiteral("p4"), QStringLiteral("p5")}));

    Filters flagged;
    flagged.needsResponse = true;
    QVERIFY(hitIds(QString(), flagged).isEmpty());
    m_repository->setNeedsResponse(postId(QStringLiteral("p4")), true);
    QCOMPARE(hitIds(QString(), flagged), postIds({QStringLiteral("p4")}));
    QCOMPARE(hitIds(QStringLiteral("release"), flagged), postIds({QStringLiteral("p4")}));
    QVERIFY(hitIds(QStringLiteral("calendar"), flagged).isEmpty());

    // Filters combine.
    Filters all = noReply;
    all.needsResponse = true;
    all.sourceId = bySource.sourceId;
    all.memberId = memberId(QStringLiteral("carol"));
    QCOMPARE(hitIds(QStringLiteral("notes"), all), postIds({QStringLiteral("p4")}));
    all.memberId = byAda.memberId;
    QVERIFY(hitIds(QStringLiteral("notes"), all).isEmpty());
    QVERIFY(Filters().isEmpty());
    QVERIFY(!all.isEmpty());
}

void tst_DiscussionRepository::discussionFilters()
{
    using Filters = DiscussionRepository::Filters;
    const qint64 d1 = discussionId(QStringLiteral("d1"));
    const qint64 d2 = discussionId(QStringLiteral("d2"));
    const qint64 d3 = discussionId(QStringLiteral("d3"));
    const qint64 d4 = discussionId(QStringLiteral("d4"));
    QCOMPARE(discussionIds({}), (QSet<qint64>{d1, d2, d3, d4}));

    Filters filters;
    filters.memberId = memberId(QStringLiteral("ada"));
    QCOMPARE(discussionIds(filters), (QSet<qint64>{d1, d2}));

    filters = {};
    filters.tagId = m_db->count(
        QStringLiteral("SELECT id FROM tags WHERE normalized = 'onboarding'"));
    QCOMPARE(discussionIds(filters), (QSet<qint64>{d1}));
    m_repository->addTag(DiscussionRepository::TagTarget::Post,
                         postId(QStringLiteral("p5")),
                         QStringLiteral("onboarding"));
    QCOMPARE(discussionIds(filters), (QSet<qint64>{d1, d3}));

    filters = {};
    filters.hashtag = QStringLiteral("intro");
    QCOMPARE(discussionIds(filters), (QSet<qint64>{d1}));

    filters = {};
    filters.sourceId = m_db->count(QStringLiteral("SELECT id FROM sources WHERE name = 'Forum A'"));
    QCOMPARE(discussionIds(filters), (QSet<qint64>{d1, d2}));

    filters = {};
    filters.from = at(1, 2);
    filters.to = at(3, 1);
    QCOMPARE(discussionIds(filters), (QSet<qint64>{d1, d2}));

    filters = {};
    filters.noReplyYet = true;
    QCOMPARE(discussionIds(filters), (QSet<qint64>{d2, d3}));

    filters = {};
    filters.needsResponse = true;
    QVERIFY(discussionIds(filters).isEmpty());
    m_repository->setNeedsResponse(postId(QStringLiteral("p7")), true);
    QCOMPARE(discussionIds(filters), (QSet<qint64>{d4}));
    filters.noReplyYet = true;
    QVERIFY(discussionIds(filters).isEmpty());

    // The title filter still narrows too.
    const auto rows = m_repository->page(QStringLiteral("chat"),
                                         {},
                                         DiscussionRepository::SortKey::Title,
                                         Qt::AscendingOrder,
                                         0,
                                         10);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).id, d3);
}

void tst_DiscussionRepository::pagesOfHits()
{
    QList<qint64> all;
    for (int offset = 0;; offset += 2) {
        const auto hits = m_repository->search(QString(), {}, offset, 2);
        for (const auto &hit : hits)
            all << hit.postId;
        if (hits.size() < 2)
            break;
    }
    QCOMPARE(all.size(), 7);
    QCOMPARE(QSet<qint64>(all.cbegin(), all.cend()).size(), 7);
    QCOMPARE(all.constFirst(), postId(QStringLiteral("p7")));
    QCOMPARE(all.constLast(), postId(QStringLiteral("p1")));
}

void tst_DiscussionRepository::tagsOnDiscussionsAndPosts()
{
    using Target = DiscussionRepository::TagTarget;
    const qint64 d2 = discussionId(QStringLiteral("d2"));
    const qint64 p3 = postId(QStringLiteral("p3"));
    QVERIFY(m_repository->tagsOf(Target::Discussion, d2).isEmpty());
    m_repository->addTag(Target::Discussion, d2, QStringLiteral("Planning"));
    m_repository->addTag(Target::Discussion, d2, QStringLiteral("planning")); // the same tag
    m_repository->addTag(Target::Discussion, d2, QStringLiteral("  Roadmap "));
    QCOMPARE(m_repository->tagsOf(Target::Discussion, d2),
             (QStringList{QStringLiteral("Planning"), QStringLiteral("Roadmap")}));
    m_repository->removeTag(Target::Discussion, d2, QStringLiteral("PLANNING"));
    QCOMPARE(m_repository->tagsOf(Target::Discussion, d2), QStringList{QStringLiteral("Roadmap")});

    m_repository->setTags(Target::Post,
                          p3,
                          {QStringLiteral("question"),
                           QStringLiteral(" "),
                           QStringLiteral("urgent")});
    QCOMPARE(m_repository->tagsOf(Target::Post, p3),
             (QStringList{QStringLiteral("question"), QStringLiteral("urgent")}));
    m_repository->setTags(Target::Post, p3, {QStringLiteral("urgent")});
    QCOMPARE(m_repository->tagsOf(Target::Post, p3), QStringList{QStringLiteral("urgent")});
    // The discussion's tags are its own.
    QCOMPARE(m_repository->tagsOf(Target::Discussion, d2), QStringList{QStringLiteral("Roadmap")});

    QStringList names;
    const auto tags = m_repository->tags();
    for (const auto &tag : tags)
        names << tag.name;
    QVERIFY(names.contains(QStringLiteral("onboarding")));
    QVERIFY(names.contains(QStringLiteral("question")));
    QVERIFY(names.contains(QStringLiteral("Roadmap")));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM tags WHERE normalized = 'planning'")),
             1);
}

void tst_DiscussionRepository::tagErrors()
{
    using Target = DiscussionRepository::TagTarget;
    const qint64 p1 = postId(QStringLiteral("p1"));
    const qint64 tagCount = m_db->count(QStringLiteral("SELECT COUNT(*) FROM tags"));
    QVERIFY_THROWS_EXCEPTION(StorageError,
                             m_repository->addTag(Target::Post, p1, QStringLiteral(" # ")));
    QVERIFY_THROWS_EXCEPTION(StorageError,
                             m_repository->addTag(Target::Post, 987654, QStringLiteral("x")));
    QVERIFY_THROWS_EXCEPTION(StorageError,
                             m_repository->setTags(Target::Discussion,
                                                   987654,
                                                   {QStringLiteral("y")}));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM tags")), tagCount);
    QVERIFY(m_repository->tagsOf(Target::Post, p1).isEmpty());
}

void tst_DiscussionRepository::needsResponse()
{
    const qint64 p2 = postId(QStringLiteral("p2"));
    QCOMPARE(m_db->count(QStringLiteral("SELECT needs_response FROM posts WHERE id = ?"), {p2}), 0);
    m_repository->setNeedsResponse(p2, true);
    QCOMPARE(m_db->count(QStringLiteral("SELECT needs_response FROM posts WHERE id = ?"), {p2}), 1);
    const auto hits = m_repository->search(QStringLiteral("glad"), {}, 0, 10);
    QCOMPARE(hits.size(), 1);
    QVERIFY(hits.constFirst().needsResponse);
    m_repository->setNeedsResponse(p2, false);
    QCOMPARE(m_db->count(QStringLiteral("SELECT needs_response FROM posts WHERE id = ?"), {p2}), 0);
    QVERIFY_THROWS_EXCEPTION(StorageError, m_repository->setNeedsResponse(987654, true));
}

void tst_DiscussionRepository::postDetails()
{
    m_repository->setNeedsResponse(postId(QStringLiteral("p2")), true);
    m_repository->addTag(DiscussionRepository::TagTarget::Post,
                         postId(QStringLiteral("p2")),
                         QStringLiteral("friendly"));
    const auto posts = m_repository->posts(discussionId(QStringLiteral("d1")));
    QCOMPARE(posts.size(), 2);
    QCOMPARE(posts.at(0).hashtags, QStringList{QStringLiteral("intro")});
    QVERIFY(!posts.at(0).needsResponse);
    const DiscussionRepository::Post &reply = posts.at(1);
    QCOMPARE(reply.parentId, posts.at(0).id);
    QVERIFY(reply.needsResponse);
    QCOMPARE(reply.tags, QStringList{QStringLiteral("friendly")});
    QCOMPARE(reply.mentions.size(), 1);
    QCOMPARE(reply.mentions.constFirst().handle.toLower(), QStringLiteral("ada"));
    QCOMPARE(reply.mentions.constFirst().memberId, memberId(QStringLiteral("ada")));

    QStringList sources;
    const auto named = m_repository->sources();
    for (const auto &source : named)
        sources << source.name;
    QCOMPARE(sources, (QStringList{QStringLiteral("Chat B"), QStringLiteral("Forum A")}));
    const auto members = m_repository->members(QStringLiteral("CA"), 10);
    QCOMPARE(members.size(), 1);
    QCOMPARE(members.constFirst().id, memberId(QStringLiteral("carol")));
    QCOMPARE(m_repository->members(QStringLiteral("a"), 10).size(), 2); // one Ada per source
    QVERIFY(m_repository->members(QStringLiteral("%"), 10).isEmpty());
    QCOMPARE(m_repository->hashtags(10), QStringList{QStringLiteral("intro")});
}

QTEST_MAIN(tst_DiscussionRepository)
#include "tst_discussionrepository.moc"
