// Tests TranscriptImporter on both backends: a transcript becomes one discussion with its
// members' posts, mentions and hashtags; retweets reply to the post they repeat.
#include "storageerror.h"
#include "testdatabase.h"
#include "transcriptimporter.h"

#include <QTest>
#include <QTimeZone>

namespace {

const QDateTime start(QDate(2024, 5, 1), QTime(9, 0), QTimeZone::utc());

WriteSummary importText(TestDatabase &db, const QString &text, const QString &title)
{
    const TranscriptParser::Result transcript
        = TranscriptParser::parse(text, TranscriptParser::Format::Unknown, start.date());
    return TranscriptImporter::import(db.connectionName(),
                                      TranscriptImporter::batch(transcript, {title, {}, start}));
}

} // namespace

class tst_TranscriptImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void issueExample();
    void retweetsReplyToTheirOriginal();
    void retweetOfAPostNotInTheList();
    void zoomChat();
    void reimportAddsNothing();
    void cancelStoresNothing();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void tst_TranscriptImporter::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_TranscriptImporter::cleanup()
{
    m_db.reset();
}

void tst_TranscriptImporter::issueExample()
{
    const WriteSummary summary
        = importText(*m_db,
                     QStringLiteral(
                         "12. Ada Lovelaceadal\n@charlesb thanks for the #notes RT @mary_s: great"),
                     QStringLiteral("Tweets about notes"));
    QCOMPARE(summary.postsCreated, 1);
    QCOMPARE(summary.membersCreated, 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT title FROM discussions")).toString(),
             QStringLiteral("Tweets about notes"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT s.name || '/' || s.kind FROM sources s")).toString(),
             QStringLiteral("twitter/transcript"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT m.display_name || '/' || i.value FROM members m "
                                         "JOIN identities i ON i.member_id = m.id"))
                 .toString(),
             QStringLiteral("Ada Lovelace/adal"));
    QCOMPARE(m_db->column(QStringLiteral("SELECT handle FROM mentions ORDER BY handle")),
             (QVariantList{QStringLiteral("charlesb"), QStringLiteral("mary_s")}));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT name FROM hashtags")).toString(),
             QStringLiteral("notes"));

    // When Charles turns up later, the earlier mention finds him.
    importText(*m_db,
               QStringLiteral("1. Charles Babbage charlesb\nreplying to @adal"),
               QStringLiteral("More tweets"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT mentions_received FROM members WHERE "
                                         "display_name = 'Charles Babbage'"))
                 .toInt(),
             1);
}

void tst_TranscriptImporter::retweetsReplyToTheirOriginal()
{
    // Newest first, as pages list them: the retweet comes before what it repeats.
    importText(*m_db,
               QStringLiteral("1. Bob Stone bobs\nRT @adal: original words\n"
                              "2. Ada Lovelace adal\noriginal words\n"),
               QStringLiteral("Thread"));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT p.body_text FROM posts c JOIN posts p ON p.id = "
                                         "c.parent_id"))
                 .toString(),
             QStringLiteral("original words"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT replies_received FROM members WHERE "
                                         "display_name = 'Ada Lovelace'"))
                 .toInt(),
             1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT mentions_received FROM members WHERE "
                                         "display_name = 'Ada Lovelace'"))
                 .toInt(),
             1);
}

void tst_TranscriptImporter::retweetOfAPostNotInTheList()
{
    importText(*m_db,
               QStringLiteral("1. Carol King carolk\nRT @a@b: like#tag\n"),
               QStringLiteral("RT"));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 2);
    // The repeated post is @a's; Carol's repost replies to it.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT i.value || ': ' || p.body_text FROM posts c JOIN "
                                         "posts p ON p.id = c.parent_id JOIN identities i ON "
                                         "i.member_id = p.author_id"))
                 .toString(),
             QStringLiteral("a: @b: like#tag"));
    QCOMPARE(m_db->column(QStringLiteral("SELECT DISTINCT handle FROM mentions ORDER BY handle")),
             (QVariantList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM post_hashtags")), 2);
}

void tst_TranscriptImporter::zoomChat()
{
    const WriteSummary summary
        = importText(*m_db,
                     QStringLiteral("10:00:01 From Ada Lovelace to Everyone: Hello all\n"
                                    "10:00:30 From Bob Stone to Everyone: hi Ada\n"
                                    "10:01:00 From Ada Lovelace to Everyone: welcome Bob\n"),
                     QStringLiteral("Community call"));
    QCOMPARE(summary.postsCreated, 3);
    QCOMPARE(summary.membersCreated, 2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT post_count FROM members WHERE display_name = "
                                         "'Ada Lovelace'"))
                 .toInt(),
             2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT MIN(created_at) FROM posts")).toLongLong(),
             QDateTime(start.date(), QTime(10, 0, 1), QTimeZone::utc()).toSecsSinceEpoch());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT participant_count FROM discussions")).toInt(), 2);
}

void tst_TranscriptImporter::reimportAddsNothing()
{
    const QString text = QStringLiteral("Ada: +1\nBob: hi\nAda: +1\n");
    QCOMPARE(importText(*m_db, text, QStringLiteral("Chat")).postsCreated, 3);
    const WriteSummary again = importText(*m_db, text, QStringLiteral("Chat"));
    QCOMPARE(again.postsCreated, 0);
    QCOMPARE(again.membersCreated, 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 3);
}

void tst_TranscriptImporter::cancelStoresNothing()
{
    const TranscriptParser::Result transcript = TranscriptParser::parse(
        QStringLiteral("Ada: one\nBob: two\n"));
    QVERIFY_THROWS_EXCEPTION(OperationCancelled,
                             TranscriptImporter::import(m_db->connectionName(),
                                                        TranscriptImporter::batch(transcript, {}),
                                                        [](qint64, qint64) { return false; }));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 0);
}

QTEST_GUILESS_MAIN(tst_TranscriptImporter)
#include "tst_transcriptimporter.moc"
