// Tests CommunityWriter: idempotent imports, identities, mentions, statistics, rollback, feeds.
#include "communitywriter.h"
#include "discussionrepository.h"
#include "feedrepository.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"
#include "transaction.h"

#include <QTest>
#include <QTimeZone>

namespace {

// When the test thread starts; posts follow minutes later.
QDateTime t0()
{
    return QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());
}

ImportAuthor author(const QString &name, const QString &handle, const QString &email = {})
{
    return ImportAuthor{name, handle, email, {}};
}

ImportPost post(const QString &id,
                const QString &parent,
                const ImportAuthor &by,
                int minutes,
                const QString &text)
{
    ImportPost p;
    p.externalId = id;
    p.parentExternalId = parent;
    p.author = by;
    p.created = t0().addSecs(qint64(minutes) * 60);
    p.text = text;
    return p;
}

// One thread: Ada asks, Bob and Carol answer, Ada answers Bob and then adds to her own answer.
ImportBatch welcomeThread()
{
    const ImportAuthor ada = author(QStringLiteral("Ada Lovelace"),
                                    QStringLiteral("ada"),
                                    QStringLiteral("ada@example.org"));
    const ImportAuthor bob = author(QStringLiteral("Bob Babbage"), QStringLiteral("bob"));
    const ImportAuthor carol = author(QStringLiteral("Carol Shaw"), QStringLiteral("carol"));

    ImportDiscussion discussion;
    discussion.externalId = QStringLiteral("t1");
    discussion.title = QStringLiteral("Welcome thread");
    discussion.url = QStringLiteral("https://forum.example.org/t/1");
    discussion.created = t0();
    discussion.tags = {QStringLiteral("welcome")};
    discussion.posts = {
        post(QStringLiteral("p1"),
             {},
             ada,
             0,
             QStringLiteral("Welcome @bob and @carol! Rules: https://example.org/rules #hello")),
        post(QStringLiteral("p2"), QStringLiteral("p1"), bob, 10, QStringLiteral("Thanks @ada")),
        post(QStringLiteral("p3"), QStringLiteral("p1"), carol, 20, QStringLiteral("Hi all #Hello")),
        post(QStringLiteral("p4"),
             QStringLiteral("p2"),
             ada,
             30,
             QStringLiteral("@bob you are welcome")),
        post(QStringLiteral("p5"), QStringLiteral("p4"), ada, 40, QStringLiteral("One more thing.")),
    };

    ImportBatch batch;
    batch.sourceKind = QStringLiteral("forum");
    batch.sourceName = QStringLiteral("Test Forum");
    batch.discussions = {discussion};
    return batch;
}

struct Counts
{
    qint64 members = 0;
    qint64 identities = 0;
    qint64 discussions = 0;
    qint64 posts = 0;
    qint64 mentions = 0;
    qint64 hashtags = 0;
    qint64 links = 0;

    bool operator==(const Counts &) const = default;
};

Counts counts(const TestDatabase &db)
{
    return {db.count(QStringLiteral("SELECT COUNT(*) FROM members")),
            db.count(QStringLiteral("SELECT COUNT(*) FROM identities")),
            db.count(QStringLiteral("SELECT COUNT(*) FROM discussions")),
            db.count(QStringLiteral("SELECT COUNT(*) FROM posts")),
            db.count(QStringLiteral("SELECT COUNT(*) FROM mentions")),
            db.count(QStringLiteral("SELECT COUNT(*) FROM post_hashtags")),
            db.count(QStringLiteral("SELECT COUNT(*) FROM post_links"))};
}

qint64 memberIdByHandle(const TestDatabase &db, const QString &handle)
{
    return db.count(QStringLiteral("SELECT member_id FROM identities WHERE kind = 'handle' AND "
                                   "normalized = ?"),
                    {handle});
}

// Everything a write stores, ids aside: posts with their discussion, parent and author, the
// mentions, hashtags and links, the figures, and what search finds.
QVariantList storedRows(const TestDatabase &db)
{
    QVariantList rows;
    rows << db.column(QStringLiteral(
        "SELECT d.external_id || '|' || p.external_id || '|' || COALESCE(pp.external_id, '-') || "
        "'|' || COALESCE(m.display_name, '-') || '|' || p.created_at || '|' || p.body_text || '|' "
        "|| COALESCE(p.body_html, '-') || '|' || COALESCE(p.url, '-') || '|' || p.row_version "
        "FROM posts p JOIN discussions d ON d.id = p.discussion_id LEFT JOIN posts pp ON pp.id = "
        "p.parent_id LEFT JOIN members m ON m.id = p.author_id ORDER BY 1"));
    rows << db.column(QStringLiteral(
        "SELECT p.external_id || '|' || x.handle || '|' || COALESCE(m.display_name, '-') FROM "
        "mentions x JOIN posts p ON p.id = x.post_id LEFT JOIN members m ON m.id = x.member_id "
        "ORDER BY 1"));
    rows << db.column(QStringLiteral(
        "SELECT p.external_id || '|' || h.normalized FROM post_hashtags x JOIN posts p ON p.id = "
        "x.post_id JOIN hashtags h ON h.id = x.hashtag_id ORDER BY 1"));
    rows << db.column(QStringLiteral("SELECT p.external_id || '|' || x.url FROM post_links x JOIN "
                                     "posts p ON p.id = x.post_id ORDER BY 1"));
    rows << db.column(QStringLiteral(
        "SELECT display_name || '|' || post_count || '|' || replies_given || '|' || "
        "replies_received || '|' || mentions_received || '|' || COALESCE(first_seen, 0) || '|' || "
        "COALESCE(last_seen, 0) FROM members ORDER BY 1"));
    rows << db.column(QStringLiteral(
        "SELECT external_id || '|' || title || '|' || post_count || '|' || participant_count || "
        "'|' || COALESCE(last_post_at, 0) FROM discussions ORDER BY 1"));
    const DiscussionRepository discussions(db.connectionName());
    for (const QString &word : {QStringLiteral("thanks"),
                                QStringLiteral("erin"),
                                QStringLiteral("welcome"),
                                QStringLiteral("edited")}) {
        QStringList found;
        for (const DiscussionRepository::Hit &hit : discussions.search(word, {}, 0, 100))
            found << db.scalar(QStringLiteral("SELECT external_id FROM posts WHERE id = ?"),
                               {hit.postId})
                         .toString();
        found.sort();
        rows << QVariant(word + QLatin1Char(':') + found.join(QLatin1Char(',')));
    }
    return rows;
}

// A second write after welcomeThread(): a known discussion (a changed post, a new reply) and
// new ones (posts without ids, HTML, a mention of a member who posts later, a missing parent).
ImportBatch followUp()
{
    ImportBatch batch = welcomeThread();
    ImportDiscussion &known = batch.discussions.first();
    known.posts[1].text = QStringLiteral("Thanks @ada, edited");
    known.posts.append(post(QStringLiteral("p6"),
                            QStringLiteral("p5"),
                            author(QStringLiteral("Dave"), QStringLiteral("dave")),
                            50,
                            QStringLiteral("Late reply #late")));
    const ImportAuthor erin = author(QStringLiteral("Erin"), QStringLiteral("erin"));
    ImportDiscussion second;
    second.externalId = QStringLiteral("t2");
    second.title = QStringLiteral("Second");
    second.posts = {post({},
                         {},
                         author(QStringLiteral("Bob Babbage"), QStringLiteral("bob")),
                         60,
                         QStringLiteral("Ask @erin about www.example.org/x #Q")),
                    post(QStringLiteral("q2"),
                         QStringLiteral("gone"),
                         erin,
                         70,
                         QStringLiteral("Thanks @bob")),
                    post(QStringLiteral("q3"),
                         QStringLiteral("q2"),
                         author({}, {}),
                         80,
                         QStringLiteral("anonymous thanks"))};
    second.posts[1].html = QStringLiteral("<p>Thanks <b>@bob</b></p>");
    second.posts[1].url = QStringLiteral("https://forum.example.org/t/2#q2");
    ImportDiscussion third;
    third.externalId = QStringLiteral("t3");
    third.title = QStringLiteral("Third");
    third.posts = {post(QStringLiteral("r1"), {}, erin, 90, QStringLiteral("Welcome, @carol")),
                   post(QStringLiteral("r2"),
                        QStringLiteral("r1"),
                        author(QStringLiteral("Carol Shaw"), QStringLiteral("carol")),
                        95,
                        QStringLiteral("Thanks @erin@dave"))};
    batch.discussions << second << third;
    return batch;
}

} // namespace

class tst_CommunityWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void writesMembersDiscussionsAndPosts();
    void writingTwiceCreatesNothing();
    void changedPostIsUpdatedInPlace();
    void sameEmailOnTwoSourcesIsOneMember();
    void earlierMentionsAreLinkedLater();
    void statistics();
    void cancelStoresNothing();
    void outerRollbackStoresNothing();
    void feedItemsAreUpserted();
    void largeBatchInSeveralStatements();
    void missingTextAndTitles();
    void bulkInsertsStoreTheSameRows();
    void manyMembersAreCountedSetBased();
    void postNamedTwiceInANewDiscussion();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void tst_CommunityWriter::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_CommunityWriter::cleanup()
{
    m_db.reset();
}

void tst_CommunityWriter::writesMembersDiscussionsAndPosts()
{
    CommunityWriter writer(m_db->connectionName());
    const WriteSummary summary = writer.write(welcomeThread());

    QCOMPARE(summary.membersCreated, 3);
    QCOMPARE(summary.discussionsCreated, 1);
    QCOMPARE(summary.postsCreated, 5);
    QCOMPARE(summary.postsUpdated, 0);
    // Ada has a handle and an e-mail address, the others only a handle.
    QCOMPARE(summary.identitiesCreated, 4);
    QCOMPARE(summary.mentions, 4);

    const Counts c = counts(*m_db);
    QCOMPARE(c.members, 3);
    QCOMPARE(c.identities, 4);
    QCOMPARE(c.discussions, 1);
    QCOMPARE(c.posts, 5);
    QCOMPARE(c.mentions, 4);
    QCOMPARE(c.links, 1);
    // "#hello" and "#Hello" are one hashtag.
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM hashtags")), 1);
    QCOMPARE(c.hashtags, 2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussion_tags")), 1);

    // Replies point at the post they answer.
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE parent_id IS NULL")), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT q.external_id FROM posts p JOIN posts q ON "
                                         "q.id = p.parent_id WHERE p.external_id = 'p4'"))
                 .toString(),
             QStringLiteral("p2"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT m.display_name FROM posts p JOIN members m ON "
                                         "m.id = p.author_id WHERE p.external_id = 'p3'"))
                 .toString(),
             QStringLiteral("Carol Shaw"));
}

void tst_CommunityWriter::writingTwiceCreatesNothing()
{
    CommunityWriter writer(m_db->connectionName());
    writer.write(welcomeThread());
    const Counts before = counts(*m_db);

    const WriteSummary again = writer.write(welcomeThread());
    QCOMPARE(again.membersCreated, 0);
    QCOMPARE(again.identitiesCreated, 0);
    QCOMPARE(again.discussionsCreated, 0);
    QCOMPARE(again.discussionsUpdated, 0);
    QCOMPARE(again.postsCreated, 0);
    QCOMPARE(again.postsUpdated, 0);
    QCOMPARE(again.mentions, 0);
    QVERIFY(counts(*m_db) == before);

    // A new writer (a later import run) matches the stored rows too.
    CommunityWriter later(m_db->connectionName());
    const WriteSummary third = later.write(welcomeThread());
    QCOMPARE(third.membersCreated, 0);
    QCOMPARE(third.postsCreated, 0);
    QVERIFY(counts(*m_db) == before);
}

void tst_CommunityWriter::changedPostIsUpdatedInPlace()
{
    CommunityWriter writer(m_db->connectionName());
    // Dave is known from a roster and never posts in the thread, he is only mentioned.
    ImportBatch roster;
    roster.sourceKind = welcomeThread().sourceKind;
    roster.sourceName = welcomeThread().sourceName;
    roster.members = {
        ImportMember{author(QStringLiteral("Dave King"), QStringLiteral("dave")), {}, {}}};
    writer.write(roster);
    ImportBatch original = welcomeThread();
    original.discussions[0].posts[3].text = QStringLiteral("@bob you are welcome, ask @dave");
    writer.write(original);

    const qint64 postsBefore = m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts"));
    const qint64 membersBefore = m_db->count(QStringLiteral("SELECT COUNT(*) FROM members"));
    const qint64 bobId = memberIdByHandle(*m_db, QStringLiteral("bob"));
    const qint64 daveId = memberIdByHandle(*m_db, QStringLiteral("dave"));
    const qint64 carolId = memberIdByHandle(*m_db, QStringLiteral("carol"));
    const qint64 postId = m_db->count(
        QStringLiteral("SELECT id FROM posts WHERE external_id = 'p4'"));
    const QString mentionsOf = QStringLiteral("SELECT mentions_received FROM members WHERE id = ?");
    QCOMPARE(m_db->count(mentionsOf, {bobId}), 2);
    QCOMPARE(m_db->count(mentionsOf, {daveId}), 1);
    QCOMPARE(m_db->count(mentionsOf, {carolId}), 1);

    // p4 is edited: it no longer mentions Bob and Dave but Carol.
    ImportBatch edited = welcomeThread();
    edited.discussions[0].posts[3].text = QStringLiteral("You are welcome, @carol");
    const WriteSummary summary = writer.write(edited);

    QCOMPARE(summary.postsUpdated, 1);
    QCOMPARE(summary.postsCreated, 0);
    QCOMPARE(summary.membersCreated, 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), postsBefore);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), membersBefore);
    QCOMPARE(m_db->count(QStringLiteral("SELECT id FROM posts WHERE external_id = 'p4'")), postId);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT body_text FROM posts WHERE id = ?"), {postId})
                 .toString(),
             QStringLiteral("You are welcome, @carol"));
    QCOMPARE(m_db->count(QStringLiteral("SELECT row_version FROM posts WHERE id = ?"), {postId}), 2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT row_version FROM posts WHERE external_id = 'p3'")),
             1);
    QCOMPARE(m_db->column(QStringLiteral("SELECT handle FROM mentions WHERE post_id = ?"), {postId}),
             QVariantList{QStringLiteral("carol")});
    // The figures of the members no longer mentioned and of the one now mentioned follow.
    QCOMPARE(m_db->count(mentionsOf, {bobId}), 1);
    QCOMPARE(m_db->count(mentionsOf, {daveId}), 0);
    QCOMPARE(m_db->count(mentionsOf, {carolId}), 2);
}

void tst_CommunityWriter::sameEmailOnTwoSourcesIsOneMember()
{
    CommunityWriter writer(m_db->connectionName());
    writer.write(welcomeThread());
    const qint64 adaId = memberIdByHandle(*m_db, QStringLiteral("ada"));
    QVERIFY(adaId > 0);

    // The same person on a mailing list: another name, the address in another case.
    ImportDiscussion discussion;
    discussion.externalId = QStringLiteral("<msg-1@lists.example.org>");
    discussion.title = QStringLiteral("Meeting notes");
    discussion.posts = {
        post(QStringLiteral("m1"),
             {},
             author(QStringLiteral("A. Lovelace"), {}, QStringLiteral("ADA@Example.org")),
             60,
             QStringLiteral("Notes attached."))};
    ImportBatch list;
    list.sourceKind = QStringLiteral("mailinglist");
    list.sourceName = QStringLiteral("community@lists.example.org");
    list.discussions = {discussion};
    const WriteSummary summary = writer.write(list);

    QCOMPARE(summary.membersCreated, 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT author_id FROM posts WHERE external_id = 'm1'")),
             adaId);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(DISTINCT source_id) FROM identities WHERE "
                                        "member_id = ?"),
                         {adaId}),
             2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT post_count FROM members WHERE id = ?"), {adaId}), 4);
}

void tst_CommunityWriter::earlierMentionsAreLinkedLater()
{
    CommunityWriter writer(m_db->connectionName());
    ImportBatch first = welcomeThread();
    first.discussions[0].posts[2].text = QStringLiteral("Has anyone asked @Dave_K yet?");
    writer.write(first);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM mentions WHERE handle = 'dave_k' AND "
                                        "member_id IS NULL")),
             1);

    // Dave joins later: a roster import of the same source names his handle.
    ImportBatch roster;
    roster.sourceKind = first.sourceKind;
    roster.sourceName = first.sourceName;
    roster.members = {ImportMember{author(QStringLiteral("Dave King"), QStringLiteral("dave_k")),
                                   {QStringLiteral("Newcomer")},
                                   QStringLiteral("Joined in March")}};
    const WriteSummary summary = writer.write(roster);
    QCOMPARE(summary.membersCreated, 1);

    const qint64 daveId = memberIdByHandle(*m_db, QStringLiteral("dave_k"));
    QVERIFY(daveId > 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM mentions WHERE member_id IS NULL")),
             0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT member_id FROM mentions WHERE handle = 'dave_k'")),
             daveId);
    QCOMPARE(m_db->count(QStringLiteral("SELECT mentions_received FROM members WHERE id = ?"),
                         {daveId}),
             1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT notes FROM members WHERE id = ?"), {daveId})
                 .toString(),
             QStringLiteral("Joined in March"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT t.normalized FROM member_tags mt JOIN tags t ON "
                                         "t.id = mt.tag_id WHERE mt.member_id = ?"),
                          {daveId})
                 .toString(),
             QStringLiteral("newcomer"));

    // A handle on another source is another identity and stays unlinked.
    ImportBatch other = welcomeThread();
    other.sourceName = QStringLiteral("Other Forum");
    other.discussions[0].posts[2].text = QStringLiteral("Ask @erin");
    writer.write(other);
    ImportBatch erinElsewhere;
    erinElsewhere.sourceKind = QStringLiteral("chat");
    erinElsewhere.sourceName = QStringLiteral("Chat");
    erinElsewhere.members = {
        ImportMember{author(QStringLiteral("Erin"), QStringLiteral("erin")), {}, {}}};
    writer.write(erinElsewhere);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM mentions WHERE handle = 'erin' AND "
                                        "member_id IS NULL")),
             1);
}

void tst_CommunityWriter::statistics()
{
    CommunityWriter writer(m_db->connectionName());
    writer.write(welcomeThread());

    struct Expected
    {
        QString handle;
        int posts;
        int repliesGiven;
        int repliesReceived;
        int mentionsReceived;
        int firstMinute;
        int lastMinute;
    };
    // p1 Ada, p2 Bob -> p1, p3 Carol -> p1, p4 Ada -> p2, p5 Ada -> p4 (her own post).
    // Mentions: p1 -> bob, carol; p2 -> ada; p4 -> bob. Answering yourself is no reply.
    const QList<Expected> expected{{QStringLiteral("ada"), 3, 1, 2, 1, 0, 40},
                                   {QStringLiteral("bob"), 1, 1, 1, 2, 10, 10},
                                   {QStringLiteral("carol"), 1, 1, 0, 1, 20, 20}};
    for (const Expected &e : expected) {
        const qint64 id = memberIdByHandle(*m_db, e.handle);
        QVERIFY2(id > 0, qPrintable(e.handle));
        SqlQuery query(m_db->connectionName(),
                       QStringLiteral("SELECT post_count, replies_given, replies_received, "
                                      "mentions_received, first_seen, last_seen FROM members "
                                      "WHERE id = ?"));
        query.bind(id).exec();
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), e.posts);
        QCOMPARE(query.value(1).toInt(), e.repliesGiven);
        QCOMPARE(query.value(2).toInt(), e.repliesReceived);
        QCOMPARE(query.value(3).toInt(), e.mentionsReceived);
        QCOMPARE(query.toInt64(4), t0().addSecs(e.firstMinute * 60).toSecsSinceEpoch());
        QCOMPARE(query.toInt64(5), t0().addSecs(e.lastMinute * 60).toSecsSinceEpoch());
    }
    // Every reply given to someone else is a reply received by someone.
    QCOMPARE(m_db->count(QStringLiteral("SELECT SUM(replies_given) FROM members")),
             m_db->count(QStringLiteral("SELECT SUM(replies_received) FROM members")));

    SqlQuery discussion(m_db->connectionName(),
                        QStringLiteral("SELECT post_count, participant_count, last_post_at, "
                                       "created_at FROM discussions"));
    discussion.exec();
    QVERIFY(discussion.next());
    QCOMPARE(discussion.value(0).toInt(), 5);
    QCOMPARE(discussion.value(1).toInt(), 3);
    QCOMPARE(discussion.toInt64(2), t0().addSecs(40 * 60).toSecsSinceEpoch());
    QCOMPARE(discussion.toInt64(3), t0().toSecsSinceEpoch());

    // A later reply in another batch moves the figures on.
    ImportBatch more = welcomeThread();
    more.discussions[0].posts = {post(QStringLiteral("p6"),
                                      QStringLiteral("p3"),
                                      author(QStringLiteral("Dave King"), QStringLiteral("dave")),
                                      90,
                                      QStringLiteral("Hello @carol"))};
    writer.write(more);
    const qint64 carolId = memberIdByHandle(*m_db, QStringLiteral("carol"));
    QCOMPARE(m_db->count(QStringLiteral("SELECT replies_received FROM members WHERE id = ?"),
                         {carolId}),
             1);
    QCOMPARE(m_db->count(QStringLiteral("SELECT mentions_received FROM members WHERE id = ?"),
                         {carolId}),
             2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT post_count FROM discussions")), 6);
    QCOMPARE(m_db->count(QStringLiteral("SELECT participant_count FROM discussions")), 4);
    QCOMPARE(m_db->count(QStringLiteral("SELECT last_post_at FROM discussions")),
             t0().addSecs(90 * 60).toSecsSinceEpoch());
}

void tst_CommunityWriter::cancelStoresNothing()
{
    ImportBatch batch = welcomeThread();
    ImportDiscussion second = batch.discussions.constFirst();
    second.externalId = QStringLiteral("t2");
    second.title = QStringLiteral("Second thread");
    batch.discussions.append(second);

    CommunityWriter writer(m_db->connectionName());
    QList<qint64> calls;
    const CommunityWriter::Progress cancelAfterFirst = [&calls](qint64 done, qint64 total) {
        calls << done;
        return done < total;
    };
    QVERIFY_THROWS_EXCEPTION(OperationCancelled, writer.write(batch, cancelAfterFirst));
    QCOMPARE(calls, QList<qint64>({5, 10}));
    QVERIFY(counts(*m_db) == Counts{});
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM sources")), 0);

    // The writer and the connection are fine afterwards.
    const WriteSummary summary = writer.write(batch, [](qint64, qint64) { return true; });
    QCOMPARE(summary.membersCreated, 3);
    QCOMPARE(summary.postsCreated, 10);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 10);
}

void tst_CommunityWriter::outerRollbackStoresNothing()
{
    CommunityWriter writer(m_db->connectionName());
    {
        Transaction outer(m_db->connectionName());
        const WriteSummary summary = writer.write(welcomeThread());
        QCOMPARE(summary.postsCreated, 5);
        QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 5);
        // Left without commit().
    }
    QVERIFY(counts(*m_db) == Counts{});

    // Nothing the writer remembered from the rolled-back write leaks into the next one.
    const WriteSummary summary = writer.write(welcomeThread());
    QCOMPARE(summary.membersCreated, 3);
    QCOMPARE(summary.identitiesCreated, 4);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts p JOIN members m ON "
                                        "m.id = p.author_id")),
             5);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM mentions WHERE member_id IS NULL")),
             0);

    // Committed outer transactions keep the inner write.
    ImportBatch another = welcomeThread();
    another.discussions[0].externalId = QStringLiteral("t9");
    {
        Transaction outer(m_db->connectionName());
        writer.write(another);
        outer.commit();
    }
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 2);
}

void tst_CommunityWriter::feedItemsAreUpserted()
{
    FeedRepository feeds(m_db->connectionName());
    FeedRepository::NewFeed newFeed;
    newFeed.url = QStringLiteral("https://podcast.example.org/feed.rss");
    newFeed.title = QStringLiteral("Podcast");
    newFeed.format = QStringLiteral("podcast");
    const qint64 feedId = feeds.addFeed(newFeed);
    QVERIFY(feedId > 0);

    auto episode = [&](const QString &title, const QString &mimeType) {
        ImportDiscussion discussion;
        discussion.externalId = QStringLiteral("episode-1");
        discussion.title = title;
        discussion.created = t0();
        discussion.posts = {
            post(QStringLiteral("episode-1"),
                 {},
                 author(QStringLiteral("Host"), {}, QStringLiteral("host@example.org")),
                 0,
                 QStringLiteral("Show notes"))};
        discussion.hasFeedItem = true;
        discussion.feedItem.dedupKey = QStringLiteral("guid-episode-1");
        discussion.feedItem.title = title;
        discussion.feedItem.link = QStringLiteral("https://podcast.example.org/1");
        discussion.feedItem.published = t0();
        discussion.feedItem.enclosures = {
            {QStringLiteral("https://podcast.example.org/1.mp3"), mimeType, 1000, 60}};
        ImportBatch batch;
        batch.sourceKind = QStringLiteral("feed");
        batch.sourceName = newFeed.url;
        batch.feedId = feedId;
        batch.discussions = {discussion};
        return batch;
    };

    CommunityWriter writer(m_db->connectionName());
    QCOMPARE(writer.write(episode(QStringLiteral("Episode 1"), QStringLiteral("audio/mp4")))
                 .feedItems,
             1);
    writer.write(episode(QStringLiteral("Episode 1: Communities"), QStringLiteral("audio/mpeg")));

    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items")), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT title FROM feed_items")).toString(),
             QStringLiteral("Episode 1: Communities"));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 1);
    QCOMPARE(m_db->count(QStringLiteral("SELECT discussion_id FROM feed_items")),
             m_db->count(QStringLiteral("SELECT id FROM discussions")));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM enclosures")), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT mime_type FROM enclosures")).toString(),
             QStringLiteral("audio/mpeg"));
    QCOMPARE(m_db->count(QStringLiteral("SELECT duration_s FROM enclosures")), 60);

    const QList<FeedRepository::Item> items = feeds.items(feedId, 0, 10);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.constFirst().enclosureCount, 1);
    QCOMPARE(items.constFirst().published, t0());
}

void tst_CommunityWriter::largeBatchInSeveralStatements()
{
    FeedRepository feeds(m_db->connectionName());
    FeedRepository::NewFeed newFeed;
    newFeed.url = QStringLiteral("https://blog.example.org/feed.rss");
    const qint64 feedId = feeds.addFeed(newFeed);

    // More discussions, first posts and feed items than one statement writes, each discussion
    // with a reply, and at the end one discussion and one feed item named a second time.
    constexpr int count = 130;
    const ImportAuthor ada = author(QStringLiteral("Ada Lovelace"), QStringLiteral("ada"));
    const ImportAuthor bob = author(QStringLiteral("Bob Babbage"), QStringLiteral("bob"));
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("feed");
    batch.sourceName = newFeed.url;
    batch.feedId = feedId;
    for (int i = 0; i < count + 1; ++i) {
        const int n = i < count ? i : 7;
        const QString key = QStringLiteral("item-%1").arg(n);
        ImportDiscussion discussion;
        discussion.externalId = key;
        discussion.title = i < count ? QStringLiteral("Item %1").arg(n)
                                     : QStringLiteral("Item 7, renamed");
        discussion.posts = {post(key + QStringLiteral("-post"),
                                 {},
                                 n % 2 ? ada : bob,
                                 n,
                                 QStringLiteral("Text %1 #tag%2").arg(n).arg(n % 3)),
                            post(key + QStringLiteral("-reply"),
                                 key + QStringLiteral("-post"),
                                 n % 2 ? bob : ada,
                                 n + 1000,
                                 QStringLiteral("Reply %1").arg(n))};
        discussion.hasFeedItem = true;
        discussion.feedItem.dedupKey = key;
        discussion.feedItem.title = discussion.title;
        discussion.feedItem.published = t0().addSecs(qint64(n) * 60);
        batch.discussions.append(discussion);
    }
    CommunityWriter writer(m_db->connectionName());
    const WriteSummary summary = writer.write(batch);
    QCOMPARE(summary.discussionsCreated, count);
    QCOMPARE(summary.discussionsUpdated, 1);
    QCOMPARE(summary.postsCreated, 2 * count);
    QCOMPARE(summary.feedItems, count + 1);

    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), count);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 2 * count);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items")), count);
    // Every post, reply and feed item is in its own item's discussion.
    QCOMPARE(m_db->count(QStringLiteral(
                 "SELECT COUNT(*) FROM posts p JOIN discussions d ON d.id = p.discussion_id "
                 "WHERE p.external_id NOT IN (d.external_id || '-post', d.external_id || "
                 "'-reply')")),
             0);
    QCOMPARE(m_db->count(QStringLiteral(
                 "SELECT COUNT(*) FROM posts r JOIN posts p ON p.id = r.parent_id WHERE "
                 "r.external_id LIKE '%-reply' AND p.discussion_id = r.discussion_id AND "
                 "p.external_id LIKE '%-post'")),
             count);
    QCOMPARE(m_db->count(QStringLiteral(
                 "SELECT COUNT(*) FROM feed_items i JOIN discussions d ON d.id = i.discussion_id "
                 "WHERE d.external_id = i.dedup_key")),
             count);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE title = ?"),
                         {QStringLiteral("Item 7, renamed")}),
             1);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions WHERE title = ?"),
                         {QStringLiteral("Item 7, renamed")}),
             1);
    // The figures of each discussion are those a recount gives.
    QCOMPARE(m_db->count(QStringLiteral(
                 "SELECT COUNT(*) FROM discussions WHERE post_count = 2 AND participant_count = 2 "
                 "AND last_post_at = (SELECT MAX(created_at) FROM posts p WHERE p.discussion_id "
                 "= discussions.id)")),
             count);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM post_hashtags")), count);
    QCOMPARE(m_db->count(QStringLiteral("SELECT SUM(post_count) FROM members")), 2 * count);
}

void tst_CommunityWriter::missingTextAndTitles()
{
    // RSS items need no title, and a post may be an image with nothing but HTML.
    FeedRepository feeds(m_db->connectionName());
    FeedRepository::NewFeed newFeed;
    newFeed.url = QStringLiteral("https://photos.example.org/rss");
    const qint64 feedId = feeds.addFeed(newFeed);

    ImportDiscussion discussion;
    discussion.externalId = QStringLiteral("photo-1");
    discussion.title = QStringLiteral("photo-1");
    discussion.created = t0();
    ImportPost photo = post(QStringLiteral("photo-1"),
                            {},
                            author(QStringLiteral("Photographer"), QStringLiteral("pics")),
                            0,
                            QString());
    photo.html = QStringLiteral("<img src=\"https://photos.example.org/1.jpg\">");
    discussion.posts = {photo};
    discussion.hasFeedItem = true;
    discussion.feedItem.dedupKey = QStringLiteral("photo-1");
    discussion.feedItem.link = QStringLiteral("https://photos.example.org/1");
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("feed");
    batch.sourceName = newFeed.url;
    batch.feedId = feedId;
    batch.discussions = {discussion};

    CommunityWriter writer(m_db->connectionName());
    const WriteSummary summary = writer.write(batch);
    QCOMPARE(summary.postsCreated, 1);
    QCOMPARE(summary.feedItems, 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT body_text FROM posts")).toString(), QString());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT title FROM feed_items")).toString(), QString());

    // An edit that removes the caption keeps the post, now without text.
    batch.discussions[0].posts[0].text = QStringLiteral("Sunset #photo");
    QCOMPARE(writer.write(batch).postsUpdated, 1);
    batch.discussions[0].posts[0].text = QString();
    QCOMPARE(writer.write(batch).postsUpdated, 1);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 1);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM post_hashtags")), 0);
}

void tst_CommunityWriter::bulkInsertsStoreTheSameRows()
{
    TestDatabase bulk;
    QVERIFY2(bulk.open(), qPrintable(bulk.errorString()));
    QList<WriteSummary> summaries;
    for (TestDatabase *db : {m_db.get(), &bulk}) {
        CommunityWriter(db->connectionName()).write(welcomeThread());
        Transaction transaction(db->connectionName());
        CommunityWriter writer(db->connectionName());
        if (db == &bulk) {
            writer.setBulkInserts(true);
            writer.deferSearchIndex();
        }
        summaries << writer.write(followUp());
        writer.catchUpSearchIndex();
        transaction.commit();
    }
    QCOMPARE(summaries.at(1).postsCreated, summaries.at(0).postsCreated);
    QCOMPARE(summaries.at(1).postsUpdated, summaries.at(0).postsUpdated);
    QCOMPARE(summaries.at(1).mentions, summaries.at(0).mentions);
    QCOMPARE(summaries.at(1).membersCreated, summaries.at(0).membersCreated);
    QCOMPARE(summaries.at(0).postsCreated, 6);
    QCOMPARE(summaries.at(0).postsUpdated, 1);
    const QVariantList expected = storedRows(*m_db);
    const QVariantList stored = storedRows(bulk);
    QCOMPARE(stored.size(), expected.size());
    for (qsizetype i = 0; i < stored.size(); ++i)
        QCOMPARE(stored.at(i), expected.at(i));
    // Erin was mentioned before she first posted: the mention names her either way.
    QCOMPARE(bulk.count(QStringLiteral("SELECT COUNT(*) FROM mentions WHERE handle = 'erin' AND "
                                       "member_id IS NULL")),
             0);
}

void tst_CommunityWriter::manyMembersAreCountedSetBased()
{
    CommunityWriter writer(m_db->connectionName());
    writer.write(welcomeThread());
    writer.write(followUp());
    ImportBatch roster;
    roster.sourceKind = QStringLiteral("forum");
    roster.sourceName = QStringLiteral("Test Forum");
    roster.members = {ImportMember{author(QStringLiteral("Zed"), QStringLiteral("zed")), {}, {}}};
    writer.write(roster);
    const QString figures = QStringLiteral(
        "SELECT display_name || '|' || post_count || '|' || replies_given || '|' || "
        "replies_received || '|' || mentions_received || '|' || COALESCE(first_seen, -1) || '|' "
        "|| COALESCE(last_seen, -1) FROM members ORDER BY 1");
    const QVariantList counted = m_db->column(figures);
    QCOMPARE(counted.size(), 6); // Ada, Bob, Carol, Dave, Erin, Zed
    QVERIFY(counted.contains(QStringLiteral("Zed|0|0|0|0|-1|-1")));

    SqlQuery::execDirect(m_db->connectionName(),
                         QStringLiteral("UPDATE members SET post_count = 9, replies_given = 9, "
                                        "replies_received = 9, mentions_received = 9, "
                                        "first_seen = 9, last_seen = 9"));
    // More members than either backend counts one by one.
    QSet<qint64> many;
    for (qint64 id = 1; id <= 9000; ++id)
        many.insert(id);
    CommunityWriter::refreshMemberFigures(m_db->connectionName(), many);
    QCOMPARE(m_db->column(figures), counted);
}

void tst_CommunityWriter::postNamedTwiceInANewDiscussion()
{
    // A new discussion names its first post and a reply twice: the later rows change them, on
    // the row-by-row path (feeds) and the bulk one (files) alike.
    const ImportAuthor ada = author(QStringLiteral("Ada"), QStringLiteral("ada"));
    const ImportAuthor bob = author(QStringLiteral("Bob"), QStringLiteral("bob"));
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("forum");
    batch.sourceName = QStringLiteral("Test Forum");
    ImportDiscussion discussion;
    discussion.externalId = QStringLiteral("t9");
    discussion.title = QStringLiteral("Twice");
    discussion.posts
        = {post(QStringLiteral("q1"), {}, ada, 0, QStringLiteral("Hello #one")),
           post(QStringLiteral("q2"), QStringLiteral("q1"), bob, 1, QStringLiteral("Hi @ada")),
           post(QStringLiteral("q1"), {}, ada, 0, QStringLiteral("Hello again")),
           post(QStringLiteral("q2"), QStringLiteral("q1"), bob, 1, QStringLiteral("Hi")),
           post(QStringLiteral("q3"), QStringLiteral("q2"), ada, 2, QStringLiteral("Yes"))};
    batch.discussions = {discussion};

    TestDatabase bulk;
    QVERIFY2(bulk.open(), qPrintable(bulk.errorString()));
    for (TestDatabase *db : {m_db.get(), &bulk}) {
        Transaction transaction(db->connectionName());
        CommunityWriter writer(db->connectionName());
        if (db == &bulk) {
            writer.setBulkInserts(true);
            writer.deferSearchIndex();
        }
        const WriteSummary summary = writer.write(batch);
        writer.catchUpSearchIndex();
        transaction.commit();
        QCOMPARE(summary.postsCreated, 3);
        QCOMPARE(summary.postsUpdated, 2);
        QCOMPARE(db->column(QStringLiteral("SELECT external_id || ':' || body_text FROM posts "
                                           "ORDER BY external_id")),
                 (QVariantList{QStringLiteral("q1:Hello again"),
                               QStringLiteral("q2:Hi"),
                               QStringLiteral("q3:Yes")}));
        QCOMPARE(db->count(QStringLiteral("SELECT post_count FROM discussions")), 3);
        QCOMPARE(db->count(QStringLiteral("SELECT COUNT(*) FROM mentions")), 0);
        QCOMPARE(db->count(QStringLiteral("SELECT COUNT(*) FROM post_hashtags")), 0);
    }
    QCOMPARE(storedRows(bulk), storedRows(*m_db));
}

QTEST_GUILESS_MAIN(tst_CommunityWriter)
#include "tst_communitywriter.moc"
