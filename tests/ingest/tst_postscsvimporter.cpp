// Tests PostsCsvImporter on both backends: discussions, authors, replies and mentions from a
// CSV file, skipped rows with line numbers, nothing stored for unusable files or a cancel, and
// the round trip export -> import -> export.
#include "communityexporter.h"
#include "communitywriter.h"
#include "csvreader.h"
#include "discussionrepository.h"
#include "memberscsvimporter.h"
#include "postscsvimporter.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

namespace {

CsvImport::Result importPosts(TestDatabase &db, const QByteArray &csv)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    return PostsCsvImporter().import(&buffer, db.connectionName());
}

QByteArray exportPosts(TestDatabase &db)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CommunityExporter(db.connectionName()).writePostsCsv(&buffer);
    return buffer.data();
}

QByteArray exportMembers(TestDatabase &db)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CommunityExporter(db.connectionName()).writeMembersCsv(&buffer);
    return buffer.data();
}

// The records of a CSV file, sorted: the order of sources may differ after an import.
QList<QStringList> sortedRecords(const QByteArray &csv, const QList<int> &columns = {})
{
    CsvReader reader(csv);
    QList<QStringList> records;
    QStringList record;
    while (reader.readRecord(&record)) {
        if (columns.isEmpty()) {
            records << record;
            continue;
        }
        QStringList picked;
        for (const int column : columns)
            picked << record.value(column);
        records << picked;
    }
    std::sort(records.begin(), records.end());
    return records;
}

const QByteArray threadCsv(
    "id,discussion,author,time,text,parent\r\n"
    "p1,Welcome,Ada Lovelace (@ada),2024-05-01T10:00:00Z,"
    "\"Hello @bob and @carol, see #rules\",\r\n"
    "p2,Welcome,Bob (@bob),2024-05-01 10:05,\"Thanks @ada!\nGlad to be here\","
    "p1\r\n"
    "p3,Welcome,Carol <carol@example.org>,1714558200,Hi all,p1\r\n"
    "p4,Other topic,@ada,\"Wed, 01 May 2024 11:00:00 +0000\",Another thread,\r\n"
    "p5,Welcome,Ada Lovelace (@ada),2024-05-01T12:30:00+02:00,@bob welcome,p2\r\n");

} // namespace

class tst_PostsCsvImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void parseAuthor_data();
    void parseAuthor();
    void parseTime_data();
    void parseTime();
    void importsThreads();
    void reimportMatches();
    void skippedRowsHaveLineNumbers();
    void unusableFilesStoreNothing_data();
    void unusableFilesStoreNothing();
    void cancelStoresNothing();
    void roundTrip();
    void bulkImportStoresRepliesMentionsAndIndex();
    void postNamedTwiceInANewDiscussion();
    void repliesBeforeTheirParentsAreLinked();
    void brokenEndOfALargeFileStoresNothing();
    void figuresMatchARecount_data();
    void figuresMatchARecount();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void tst_PostsCsvImporter::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_PostsCsvImporter::cleanup()
{
    m_db.reset();
}

void tst_PostsCsvImporter::parseAuthor_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("handle");
    QTest::addColumn<QString>("email");

    QTest::newRow("name and handle")
        << QStringLiteral("Ada Lovelace (@ada)") << QStringLiteral("Ada Lovelace")
        << QStringLiteral("ada") << QString();
    QTest::newRow("name and e-mail")
        << QStringLiteral("Ada <ada@example.org>") << QStringLiteral("Ada") << QString()
        << QStringLiteral("ada@example.org");
    QTest::newRow("handle") << QStringLiteral("@ada") << QString() << QStringLiteral("ada")
                            << QString();
    QTest::newRow("e-mail") << QStringLiteral("ada@example.org") << QString() << QString()
                            << QStringLiteral("ada@example.org");
    QTest::newRow("name") << QStringLiteral("  Ada   Lovelace ") << QStringLiteral("Ada Lovelace")
                          << QString() << QString();
    QTest::newRow("nobody") << QString() << QString() << QString() << QString();
    QTest::newRow("brackets in the name")
        << QStringLiteral("Ada (the first) (@ada)") << QStringLiteral("Ada (the first)")
        << QStringLiteral("ada") << QString();
    QTest::newRow("handle as the name") << QStringLiteral("@ada (@bob)") << QStringLiteral("@ada")
                                        << QStringLiteral("bob") << QString();
    QTest::newRow("empty handle") << QStringLiteral("Ada (@)") << QStringLiteral("Ada (@)")
                                  << QString() << QString();
    QTest::newRow("handle with a space")
        << QStringLiteral("Ada (@a  b)") << QStringLiteral("Ada (@a b)") << QString() << QString();
    QTest::newRow("not an e-mail in angle brackets")
        << QStringLiteral("Ada <not an email>") << QStringLiteral("Ada <not an email>") << QString()
        << QString();
    QTest::newRow("short e-mail in angle brackets")
        << QStringLiteral("Ada <a@b>") << QStringLiteral("Ada") << QString()
        << QStringLiteral("a@b");
    QTest::newRow("e-mail alone in angle brackets")
        << QStringLiteral("<ada@example.org>") << QString() << QString()
        << QStringLiteral("ada@example.org");
    QTest::newRow("address without a dot")
        << QStringLiteral("ada@localhost") << QStringLiteral("ada@localhost") << QString()
        << QString();
    QTest::newRow("two at signs") << QStringLiteral("a@b@example.org")
                                  << QStringLiteral("a@b@example.org") << QString() << QString();
}

void tst_PostsCsvImporter::parseAuthor()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QString, handle);
    QFETCH(QString, email);
    const ImportAuthor author = PostsCsvImporter::parseAuthor(text);
    QCOMPARE(author.displayName, name);
    QCOMPARE(author.handle, handle);
    QCOMPARE(author.email, email);
    if (!name.isEmpty() || !handle.isEmpty() || !email.isEmpty())
        QCOMPARE(PostsCsvImporter::parseAuthor(PostsCsvImporter::formatAuthor(name, handle, email))
                     .displayName,
                 name);
}

void tst_PostsCsvImporter::parseTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("time");

    const QDateTime ten(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    QTest::newRow("ISO UTC") << QStringLiteral("2024-05-01T10:00:00Z") << ten;
    QTest::newRow("ISO offset") << QStringLiteral("2024-05-01T12:00:00+02:00") << ten;
    QTest::newRow("ISO without zone is UTC") << QStringLiteral("2024-05-01T10:00:00") << ten;
    QTest::newRow("space") << QStringLiteral("2024-05-01 10:00") << ten;
    QTest::newRow("seconds") << QStringLiteral("1714557600") << ten;
    QTest::newRow("RFC 2822") << QStringLiteral("Wed, 01 May 2024 10:00:00 GMT") << ten;
    QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
}

void tst_PostsCsvImporter::parseTime()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, time);
    const QDateTime parsed = PostsCsvImporter::parseTime(text);
    QCOMPARE(parsed.isValid(), time.isValid());
    if (time.isValid())
        QCOMPARE(parsed.toSecsSinceEpoch(), time.toSecsSinceEpoch());
}

void tst_PostsCsvImporter::importsThreads()
{
    const CsvImport::Result result = importPosts(*m_db, threadCsv);
    QCOMPARE(result.rows, 5);
    QCOMPARE(result.skipped, 0);
    QCOMPARE(result.summary.postsCreated, 5);
    QCOMPARE(result.summary.discussionsCreated, 2);
    QCOMPARE(result.summary.membersCreated, 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE parent_id IS NOT NULL")),
             3);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT p.external_id FROM posts p JOIN posts c ON "
                                         "c.parent_id = p.id WHERE c.external_id = 'p5'"))
                 .toString(),
             QStringLiteral("p2"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT body_text FROM posts WHERE external_id = 'p2'"))
                 .toString(),
             QStringLiteral("Thanks @ada!\nGlad to be here"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT created_at FROM posts WHERE external_id = 'p5'"))
                 .toLongLong(),
             QDateTime(QDate(2024, 5, 1), QTime(10, 30), Qt::UTC).toSecsSinceEpoch());
    // Mentions found their members; statistics are current.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT mentions_received FROM members WHERE "
                                         "display_name = 'Bob'"))
                 .toInt(),
             2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT replies_received FROM members WHERE "
                                         "display_name = 'Ada Lovelace'"))
                 .toInt(),
             2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT post_count FROM discussions WHERE title = "
                                         "'Welcome'"))
                 .toInt(),
             4);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT kind FROM sources")).toString(),
             QStringLiteral("csv"));
}

void tst_PostsCsvImporter::reimportMatches()
{
    importPosts(*m_db, threadCsv);
    const CsvImport::Result again = importPosts(*m_db, threadCsv);
    QCOMPARE(again.rows, 5);
    QCOMPARE(again.summary.postsCreated, 0);
    QCOMPARE(again.summary.postsUpdated, 0);
    QCOMPARE(again.summary.membersCreated, 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 5);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 3);
}

void tst_PostsCsvImporter::skippedRowsHaveLineNumbers()
{
    const CsvImport::Result result = importPosts(*m_db,
                                                 "discussion;author;time;text\n"
                                                 "Welcome;@ada;2024-05-01 10:00;hello\n"
                                                 ";@bob;2024-05-01 10:01;no discussion\n"
                                                 "Welcome;@bob;soon;bad time\n"
                                                 "Welcome;@bob;2024-05-01 10:02;\n"
                                                 "Welcome;@bob;2024-05-01 10:03\n"
                                                 "Welcome;@carol;;no time\n"
                                                 "Welcome;@bob;2024-05-01 10:04;fine\n");
    QCOMPARE(result.rows, 2);
    QCOMPARE(result.skipped, 5);
    QList<int> lines;
    for (const CsvImport::Issue &issue : result.issues)
        lines << issue.line;
    QCOMPARE(lines, (QList<int>{3, 4, 5, 6, 7}));
    QVERIFY(result.issues.at(1).message.contains(QStringLiteral("\"soon\" is not a time")));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 2);
}

void tst_PostsCsvImporter::unusableFilesStoreNothing_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray("") << 0 << QStringLiteral("empty");
    QTest::newRow("no text column") << QByteArray("discussion,author\nA,@ada\n") << 1
                                    << QStringLiteral("No column holds the text");
    QTest::newRow("no discussion column") << QByteArray("author,text\n@ada,hi\n") << 1
                                          << QStringLiteral("No column names the discussion");
    QTest::newRow("bad encoding in the middle")
        << (QByteArray("discussion,text\nA,hi\n") + QByteArray("A,\x81\x02\x90\n")
            + QByteArray("A,bye\n"))
        << 3 << QStringLiteral("neither UTF-8");
    QTest::newRow("quoted newline never closed")
        << QByteArray("discussion,text\nA,\"hi\nthere\nA,bye\n") << 2
        << QStringLiteral("never closed");
}

void tst_PostsCsvImporter::unusableFilesStoreNothing()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, line);
    QFETCH(QString, message);
    try {
        importPosts(*m_db, csv);
        QFAIL("an unusable file was imported");
    } catch (const StorageError &error) {
        QVERIFY2(error.message().contains(message), qPrintable(error.message()));
        if (line > 0)
            QVERIFY2(error.message().startsWith(QStringLiteral("Line %1:").arg(line)),
                     qPrintable(error.message()));
    }
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 0);
}

void tst_PostsCsvImporter::cancelStoresNothing()
{
    // Large enough that rows are written while the rest is read, before the cancel.
    QByteArray csv("discussion,author,time,text\n");
    for (int i = 0; i < 16000; ++i)
        csv += "Topic " + QByteArray::number(i % 40) + ",@m" + QByteArray::number(i % 300)
               + ",2024-05-01 10:00,post " + QByteArray::number(i) + " for @m1\n";
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    bool sawHalf = false;
    QVERIFY_THROWS_EXCEPTION(OperationCancelled,
                             PostsCsvImporter().import(&buffer,
                                                       m_db->connectionName(),
                                                       [&](qint64 done, qint64 total) {
                                                           sawHalf = done > total / 2;
                                                           return done < total * 3 / 5;
                                                       }));
    QVERIFY(sawHalf);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 0);
}

void tst_PostsCsvImporter::roundTrip()
{
    DemoGenerator::Options options = TestDatabase::demoOptions();
    options.members = 40;
    options.posts = 300;
    QVERIFY2(m_db->fillDemo(options), qPrintable(m_db->errorString()));
    const QByteArray members = exportMembers(*m_db);
    const QByteArray posts = exportPosts(*m_db);
    QCOMPARE(sortedRecords(posts).size(),
             m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")) + 1);

    TestDatabase copy;
    QVERIFY2(copy.open(), qPrintable(copy.errorString()));
    QBuffer membersFile;
    membersFile.setData(members);
    membersFile.open(QIODevice::ReadOnly);
    const CsvImport::Result membersResult = MembersCsvImporter().import(&membersFile,
                                                                        copy.connectionName());
    QCOMPARE(membersResult.skipped, 0);
    QBuffer postsFile;
    postsFile.setData(posts);
    postsFile.open(QIODevice::ReadOnly);
    const CsvImport::Result postsResult = PostsCsvImporter().import(&postsFile,
                                                                    copy.connectionName());
    QCOMPARE(postsResult.skipped, 0);

    // The same posts, discussions, authors, times, texts and replies; the same members with
    // their handles, e-mail addresses and tags (ids aside).
    QCOMPARE(sortedRecords(exportPosts(copy)), sortedRecords(posts));
    const QList<int> memberColumns{1, 2, 3, 4};
    QCOMPARE(sortedRecords(exportMembers(copy), memberColumns),
             sortedRecords(members, memberColumns));

    // Importing the export into the database it came from changes nothing.
    const qint64 before = m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts"));
    postsFile.seek(0);
    const CsvImport::Result again = PostsCsvImporter().import(&postsFile, m_db->connectionName());
    QCOMPARE(again.summary.postsCreated, 0);
    QCOMPARE(again.summary.postsUpdated, 0);
    QCOMPARE(again.summary.membersCreated, 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), before);
    QCOMPARE(sortedRecords(exportPosts(*m_db)), sortedRecords(posts));
}

void tst_PostsCsvImporter::bulkImportStoresRepliesMentionsAndIndex()
{
    QCOMPARE(importPosts(*m_db,
                         "id,discussion,author,time,text,parent\n"
                         "a1,Existing,Ada Lovelace (@ada),2024-05-01T10:00:00Z,Kickoff of the "
                         "calendar,\n")
                 .summary.postsCreated,
             1);
    // New discussions take the bulk path, the known one the row-by-row path; @carol is
    // mentioned before she first posts, @nobody never posts, and a2 comes twice: the second
    // row changes the text of a post this import wrote.
    const CsvImport::Result result = importPosts(
        *m_db,
        "id,discussion,author,time,text,parent\n"
        "a2,Existing,Bob (@bob),2024-05-02T10:00:00Z,\"Replying to @ada about #Calendar\",a1\n"
        "n1,New thread,@dave,2024-05-02T11:00:00Z,\"Hi @carol and @nobody, see #rules #Rules\",\n"
        "n2,New thread,Carol (@carol),2024-05-02T12:00:00Z,Thanks @dave,n1\n"
        "n3,New thread,Bob (@bob),2024-05-02T13:00:00Z,Agreed with carol,n2\n"
        "n4,New thread,Ada Lovelace (@ada),2024-05-02T14:00:00Z,Unrelated musing "
        "https://example.org/x.,\n"
        "n5,Third thread,@erin,2024-05-03T09:00:00Z,Hello @ada,\n"
        "a2,Existing,Bob (@bob),2024-05-02T10:00:00Z,Replying again with zebra,a1\n");
    QCOMPARE(result.rows, 7);
    QCOMPARE(result.skipped, 0);
    QCOMPARE(result.summary.postsCreated, 6);
    QCOMPARE(result.summary.postsUpdated, 1);
    QCOMPARE(result.summary.discussionsCreated, 2);
    QCOMPARE(result.summary.membersCreated, 4);

    const auto parentOf = [&](const char *post) {
        return m_db
            ->scalar(QStringLiteral("SELECT p.external_id FROM posts c LEFT JOIN posts p ON p.id = "
                                    "c.parent_id WHERE c.external_id = ?"),
                     {QString::fromLatin1(post)})
            .toString();
    };
    QCOMPARE(parentOf("a2"), QStringLiteral("a1"));
    QCOMPARE(parentOf("n1"), QString());
    QCOMPARE(parentOf("n2"), QStringLiteral("n1"));
    QCOMPARE(parentOf("n3"), QStringLiteral("n2"));
    QCOMPARE(parentOf("n4"), QString());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT body_text FROM posts WHERE external_id = 'a2'"))
                 .toString(),
             QStringLiteral("Replying again with zebra"));

    // Every mention with the member it names (none for @nobody), the changed post's gone.
    const QVariantList mentions = m_db->column(QStringLiteral(
        "SELECT p.external_id || ':' || m.handle || ':' || COALESCE(i.value, '-') FROM mentions m "
        "JOIN posts p ON p.id = m.post_id LEFT JOIN identities i ON i.member_id = m.member_id "
        "AND i.kind = 'handle' ORDER BY p.external_id, m.handle"));
    QCOMPARE(mentions,
             (QVariantList{QStringLiteral("n1:carol:carol"),
                           QStringLiteral("n1:nobody:-"),
                           QStringLiteral("n2:dave:dave"),
                           QStringLiteral("n5:ada:ada")}));
    QCOMPARE(m_db->column(QStringLiteral("SELECT p.external_id || ':' || h.normalized FROM "
                                         "post_hashtags ph JOIN posts p ON p.id = ph.post_id JOIN "
                                         "hashtags h ON h.id = ph.hashtag_id ORDER BY 1")),
             (QVariantList{QStringLiteral("n1:rules")}));
    QCOMPARE(m_db->column(QStringLiteral("SELECT p.external_id || ' ' || l.url FROM post_links l "
                                         "JOIN posts p ON p.id = l.post_id")),
             (QVariantList{QStringLiteral("n4 https://example.org/x")}));

    // The figures count the replies and mentions of both paths.
    const auto figures = [&](const char *handle) {
        return m_db
            ->column(QStringLiteral("SELECT m.post_count || ' ' || m.replies_given || ' ' || "
                                    "m.replies_received || ' ' || m.mentions_received FROM members "
                                    "m JOIN identities i ON i.member_id = m.id WHERE i.value = ?"),
                     {QString::fromLatin1(handle)})
            .value(0)
            .toString();
    };
    QCOMPARE(figures("ada"), QStringLiteral("2 0 1 1"));
    QCOMPARE(figures("bob"), QStringLiteral("2 2 0 0"));
    QCOMPARE(figures("carol"), QStringLiteral("1 1 1 1"));
    QCOMPARE(figures("dave"), QStringLiteral("1 0 1 1"));
    QCOMPARE(m_db->count(QStringLiteral("SELECT post_count FROM discussions WHERE title = "
                                        "'New thread'")),
             4);

    // Search finds the new posts and the changed text, not the text it replaced.
    const DiscussionRepository discussions(m_db->connectionName());
    const auto found = [&](const QString &query) {
        QStringList posts;
        for (const DiscussionRepository::Hit &hit : discussions.search(query, {}, 0, 100)) {
            posts << m_db->scalar(QStringLiteral("SELECT external_id FROM posts WHERE id = ?"),
                                  {hit.postId})
                         .toString();
        }
        posts.sort();
        return posts;
    };
    QCOMPARE(found(QStringLiteral("zebra")), QStringList{QStringLiteral("a2")});
    QCOMPARE(found(QStringLiteral("about")), QStringList());
    QCOMPARE(found(QStringLiteral("musing")), QStringList{QStringLiteral("n4")});
    QCOMPARE(found(QStringLiteral("kickoff")), QStringList{QStringLiteral("a1")});
    QCOMPARE(found(QStringLiteral("carol")),
             (QStringList{QStringLiteral("n1"), QStringLiteral("n3")}));
    if (!TestDatabase::usesPostgreSql()) {
        QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                            "'trigger' AND name = 'posts_fts_after_insert'")),
                 1);
        // FTS5 raises an error when the index and the posts disagree.
        try {
            SqlQuery(m_db->connectionName(),
                     QStringLiteral(
                         "INSERT INTO posts_fts (posts_fts, rank) VALUES ('integrity-check', 1)"))
                .exec();
        } catch (const StorageError &error) {
            QFAIL(qPrintable(error.message()));
        }
    }
}

void tst_PostsCsvImporter::postNamedTwiceInANewDiscussion()
{
    // The later row of the same post id changes the post; the figures count it once.
    const CsvImport::Result result
        = importPosts(*m_db,
                      "id,discussion,author,time,text,parent\n"
                      "x1,Fresh,@amy,2024-05-01T10:00:00Z,First #one,\n"
                      "x2,Fresh,@bo,2024-05-01T11:00:00Z,Reply to @amy,x1\n"
                      "x2,Fresh,@bo,2024-05-01T11:00:00Z,Reply edited,x1\n"
                      "x1,Fresh,@amy,2024-05-01T10:00:00Z,First again,\n"
                      "x3,Fresh,@amy,2024-05-01T12:00:00Z,Thanks @bo,x2\n");
    QCOMPARE(result.rows, 5);
    QCOMPARE(result.summary.postsCreated, 3);
    QCOMPARE(result.summary.postsUpdated, 2);
    QCOMPARE(m_db->column(QStringLiteral("SELECT external_id || ':' || body_text FROM posts ORDER "
                                         "BY external_id")),
             (QVariantList{QStringLiteral("x1:First again"),
                           QStringLiteral("x2:Reply edited"),
                           QStringLiteral("x3:Thanks @bo")}));
    QCOMPARE(m_db->count(QStringLiteral("SELECT post_count FROM discussions")), 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT participant_count FROM discussions")), 2);
    // The changed texts' mentions and hashtags went with them.
    QCOMPARE(m_db->column(QStringLiteral("SELECT handle FROM mentions")),
             QVariantList{QStringLiteral("bo")});
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM post_hashtags")), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT p.external_id = 'x2' FROM posts p JOIN posts c "
                                        "ON c.parent_id = p.id WHERE c.external_id = 'x3'")),
             1);
}

void tst_PostsCsvImporter::repliesBeforeTheirParentsAreLinked()
{
    // 12,000 rows are written in several parts while the file is read. The first half answers
    // posts of the second half (a later part), each by another member.
    constexpr int rows = 12000;
    QByteArray csv = "id,discussion,author,time,text,parent\n";
    for (int i = 0; i < rows; ++i) {
        const QByteArray parent = i < rows / 2 ? "p" + QByteArray::number(i + rows / 2)
                                               : QByteArray();
        csv += "p" + QByteArray::number(i) + ",Thread " + QByteArray::number(i % 3) + ",@m"
               + QByteArray::number(i % 47) + ",2024-05-01T10:00:00Z,post " + QByteArray::number(i)
               + " for @m" + QByteArray::number((i + 1) % 47) + "," + parent + "\n";
    }
    const CsvImport::Result result = importPosts(*m_db, csv);
    QCOMPARE(result.rows, rows);
    QCOMPARE(result.summary.postsCreated, rows);
    QCOMPARE(result.summary.discussionsCreated, 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT SUM(post_count) FROM discussions")), rows);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 47);
    // Every reply has its parent: p<i> answers p<i + 6000>, of the same thread.
    QCOMPARE(m_db->count(
                 QStringLiteral("SELECT COUNT(*) FROM posts c JOIN posts p ON p.id = c.parent_id "
                                "AND p.discussion_id = c.discussion_id")),
             rows / 2);
    QCOMPARE(m_db->count(QStringLiteral(
                 "SELECT COUNT(*) FROM posts c JOIN posts p ON p.id = c.parent_id WHERE "
                 "CAST(SUBSTR(p.external_id, 2) AS INTEGER) - CAST(SUBSTR(c.external_id, 2) AS "
                 "INTEGER) <> 6000")),
             0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM mentions WHERE member_id IS NULL")),
             0);
    // The figures are those a recount gives.
    const QString figures = QStringLiteral(
        "SELECT id || ':' || post_count || ' ' || replies_given || ' ' || replies_received || ' ' "
        "|| mentions_received FROM members ORDER BY id");
    const QVariantList written = m_db->column(figures);
    QSet<qint64> all;
    for (const qint64 id : m_db->ids(QStringLiteral("SELECT id FROM members")))
        all.insert(id);
    CommunityWriter::refreshMemberFigures(m_db->connectionName(), all);
    QCOMPARE(m_db->column(figures), written);
    QCOMPARE(m_db->count(QStringLiteral("SELECT SUM(replies_received) FROM members")), rows / 2);
    // The larger page cache of the import is given back.
    if (!TestDatabase::usesPostgreSql())
        QCOMPARE(m_db->count(QStringLiteral("PRAGMA cache_size")), -32768);
}

void tst_PostsCsvImporter::brokenEndOfALargeFileStoresNothing()
{
    // The rows before it were written already; the import rolls them back.
    QByteArray csv = "discussion,author,time,text\n";
    for (int i = 0; i < 12000; ++i)
        csv += "Topic,@m" + QByteArray::number(i % 20) + ",2024-05-01 10:00,post "
               + QByteArray::number(i) + "\n";
    csv += "Topic,@m1,2024-05-01 10:00,\"never closed\n";
    QString message;
    try {
        importPosts(*m_db, csv);
    } catch (const StorageError &error) {
        message = error.message();
    }
    QVERIFY2(message.contains(QLatin1String("12002")), qPrintable(message));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 0);
}

void tst_PostsCsvImporter::figuresMatchARecount_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 6; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void tst_PostsCsvImporter::figuresMatchARecount()
{
    QFETCH(quint32, seed);
    // The bulk path counts the figures of the members it makes as it writes; they must be what
    // counting the stored rows gives. Two files: the second names members of the first (counted
    // again from the rows) and new ones (counted as written), with replies to oneself, mentions
    // before a first post, repeated posts and changed texts.
    QRandomGenerator random(seed);
    const auto file = [&](int round, int rows) {
        QByteArray csv = "id,discussion,author,time,text,parent\n";
        QList<QByteArray> ids;
        for (int i = 0; i < rows; ++i) {
            const int author = int(random.bounded(round == 0 ? 40 : 80));
            const int mentioned = int(random.bounded(90));
            QByteArray id = QByteArray::number(round) + '-' + QByteArray::number(i);
            if (i > 10 && random.bounded(10) == 0)
                id = ids.at(int(random.bounded(qsizetype(ids.size())))); // named again
            const QByteArray parent = !ids.isEmpty() && random.bounded(10) < 7
                                          ? ids.at(int(random.bounded(qsizetype(ids.size()))))
                                          : QByteArray();
            ids.append(id);
            csv += id + ",Thread " + QByteArray::number(random.bounded(6)) + ",Member "
                   + QByteArray::number(author) + " (@m" + QByteArray::number(author) + "),"
                   + QDateTime::fromSecsSinceEpoch(1700000000 + i * 60, Qt::UTC)
                         .toString(Qt::ISODate)
                         .toLatin1()
                   + ",\"Hello @m" + QByteArray::number(mentioned) + " and @M"
                   + QByteArray::number(mentioned) + " #t" + QByteArray::number(i % 7) + " v"
                   + QByteArray::number(random.bounded(3)) + "\"," + parent + '\n';
        }
        return csv;
    };
    QCOMPARE(importPosts(*m_db, file(0, 300)).skipped, 0);
    QCOMPARE(importPosts(*m_db, file(1, 600)).skipped, 0);

    const QString figures = QStringLiteral(
        "SELECT id || ':' || post_count || ' ' || replies_given || ' ' || replies_received || ' ' "
        "|| mentions_received || ' ' || COALESCE(first_seen, -1) || ' ' || COALESCE(last_seen, "
        "-1) FROM members ORDER BY id");
    const QVariantList written = m_db->column(figures);
    QCOMPARE(written.size(), 80); // the authors; handles only mentioned make no member
    QVERIFY(m_db->count(QStringLiteral("SELECT SUM(replies_received) FROM members")) > 0);
    QVERIFY(m_db->count(QStringLiteral("SELECT SUM(mentions_received) FROM members")) > 0);
    QSet<qint64> all;
    for (const qint64 id : m_db->ids(QStringLiteral("SELECT id FROM members")))
        all.insert(id);
    CommunityWriter::refreshMemberFigures(m_db->connectionName(), all);
    QCOMPARE(m_db->column(figures), written);
}

QTEST_GUILESS_MAIN(tst_PostsCsvImporter)
#include "tst_postscsvimporter.moc"
