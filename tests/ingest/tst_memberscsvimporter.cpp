// Tests MembersCsvImporter on both backends: guessed columns, matching known members instead of
// duplicating them, rows skipped with line numbers, and nothing stored for unusable files or a
// cancel.
#include "communitywriter.h"
#include "csvreader.h"
#include "memberscsvimporter.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QTest>

namespace {

qint64 members(const TestDatabase &db)
{
    return db.count(QStringLiteral("SELECT COUNT(*) FROM members"));
}

CsvImport::Result importMembers(TestDatabase &db, const QByteArray &csv)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    MembersCsvImporter importer;
    return importer.import(&buffer, db.connectionName());
}

QStringList handlesOf(const TestDatabase &db, const QString &name)
{
    QStringList handles;
    for (const QVariant &value :
         db.column(QStringLiteral("SELECT s.name || ':' || i.value FROM identities i JOIN sources "
                                  "s ON s.id = i.source_id JOIN members m ON m.id = i.member_id "
                                  "WHERE m.display_name = ? AND i.kind = 'handle' ORDER BY 1"),
                   {name}))
        handles << value.toString();
    return handles;
}

} // namespace

class tst_MembersCsvImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void guessMapping_data();
    void guessMapping();
    void importsAndMatches();
    void matchesKnownMembers();
    void handlesOnSeveralSources();
    void skippedRowsHaveLineNumbers();
    void preview();
    void mappingOverride();
    void unusableFilesStoreNothing_data();
    void unusableFilesStoreNothing();
    void cancelStoresNothing();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void tst_MembersCsvImporter::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_MembersCsvImporter::cleanup()
{
    m_db.reset();
}

void tst_MembersCsvImporter::guessMapping_data()
{
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<int>>("mapping");

    QTest::newRow("export columns") << QStringList{QStringLiteral("id"),
                                                   QStringLiteral("name"),
                                                   QStringLiteral("handles"),
                                                   QStringLiteral("email"),
                                                   QStringLiteral("tags"),
                                                   QStringLiteral("posts")}
                                    << QList<int>{1, 2, -1, 3, 4};
    QTest::newRow("other words and case") << QStringList{QStringLiteral("E-Mail Address"),
                                                         QStringLiteral("Full Name"),
                                                         QStringLiteral("Platform"),
                                                         QStringLiteral("User Name"),
                                                         QStringLiteral("Labels")}
                                          << QList<int>{1, 3, 2, 0, 4};
    QTest::newRow("nothing known")
        << QStringList{QStringLiteral("a"), QStringLiteral("b")} << QList<int>{-1, -1, -1, -1, -1};
}

void tst_MembersCsvImporter::guessMapping()
{
    QFETCH(QStringList, header);
    QFETCH(QList<int>, mapping);
    QCOMPARE(MembersCsvImporter().guessMapping(header), mapping);
}

void tst_MembersCsvImporter::importsAndMatches()
{
    const QByteArray csv("Name,Handle,Source,Email,Tags\r\n"
                         "Ada Lovelace,@ada,forum,ada@example.org,\"core; speaker\"\r\n"
                         "\"Babbage, Charles\",charles,forum,,\r\n"
                         "\"Grace\nHopper\",grace,,grace@example.org,core\r\n");
    const CsvImport::Result first = importMembers(*m_db, csv);
    QCOMPARE(first.rows, 3);
    QCOMPARE(first.skipped, 0);
    QCOMPARE(first.summary.membersCreated, 3);
    QCOMPARE(first.membersMatched, 0);
    QCOMPARE(members(*m_db), 3);
    QCOMPARE(handlesOf(*m_db, QStringLiteral("Ada Lovelace")),
             QStringList{QStringLiteral("forum:ada")});
    QCOMPARE(handlesOf(*m_db, QStringLiteral("Grace Hopper")),
             QStringList{QStringLiteral("csv:grace")});
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM member_tags mt JOIN tags t ON t.id = "
                                        "mt.tag_id WHERE t.normalized = 'core'")),
             2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT email FROM members WHERE display_name = ?"),
                          {QStringLiteral("Ada Lovelace")})
                 .toString(),
             QStringLiteral("ada@example.org"));

    // The same file again matches everyone.
    const CsvImport::Result again = importMembers(*m_db, csv);
    QCOMPARE(again.rows, 3);
    QCOMPARE(again.summary.membersCreated, 0);
    QCOMPARE(again.membersMatched, 3);
    QCOMPARE(members(*m_db), 3);
}

void tst_MembersCsvImporter::matchesKnownMembers()
{
    // Known from a forum: Ada by handle, Bob by e-mail address.
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("forum");
    batch.sourceName = QStringLiteral("forum");
    batch.members
        = {ImportMember{{QStringLiteral("Ada L."), QStringLiteral("ada"), {}, {}}, {}, {}, {}},
           ImportMember{{QStringLiteral("Bob"),
                         QStringLiteral("bob"),
                         QStringLiteral("bob@example.org"),
                         {}},
                        {},
                        {},
                        {}}};
    CommunityWriter(m_db->connectionName()).write(batch);
    QCOMPARE(members(*m_db), 2);

    const CsvImport::Result result
        = importMembers(*m_db,
                        "name;handle;source;email\n"
                        "Ada Lovelace;ADA;forum;\n"             // same handle on the same source
                        "Robert;robert;slack;BOB@example.org\n" // same e-mail on another source
                        "Ada Again;ada;slack;\n"); // same handle elsewhere is someone else
    QCOMPARE(result.rows, 3);
    QCOMPARE(result.summary.membersCreated, 1);
    QCOMPARE(result.membersMatched, 2);
    QCOMPARE(members(*m_db), 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM identities i JOIN members m ON "
                                        "m.id = i.member_id WHERE m.display_name = 'Bob'")),
             4); // forum handle and e-mail, slack handle and e-mail
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT kind FROM sources WHERE name = 'forum'")).toString(),
             QStringLiteral("forum"));
}

void tst_MembersCsvImporter::handlesOnSeveralSources()
{
    // The members export writes "source:handle;source:handle"; a row is one person.
    const CsvImport::Result result = importMembers(
        *m_db,
        "name,handles\nAda Lovelace,twitter:adal;forum:ada_l\nBob,https://social.example:bob\n");
    QCOMPARE(result.rows, 2);
    QCOMPARE(members(*m_db), 2);
    QCOMPARE(handlesOf(*m_db, QStringLiteral("Ada Lovelace")),
             (QStringList{QStringLiteral("forum:ada_l"), QStringLiteral("twitter:adal")}));
    QCOMPARE(handlesOf(*m_db, QStringLiteral("Bob")),
             QStringList{QStringLiteral("https://social.example:bob")});

    // A later row with one of those handles is the same person, and brings a new one.
    const CsvImport::Result second = importMembers(*m_db,
                                                   "name,handles\nAda,forum:ada_l;mastodon:ada\n");
    QCOMPARE(second.summary.membersCreated, 0);
    QCOMPARE(members(*m_db), 2);
    QCOMPARE(handlesOf(*m_db, QStringLiteral("Ada Lovelace")),
             (QStringList{QStringLiteral("forum:ada_l"),
                          QStringLiteral("mastodon:ada"),
                          QStringLiteral("twitter:adal")}));
}

void tst_MembersCsvImporter::skippedRowsHaveLineNumbers()
{
    const CsvImport::Result result = importMembers(*m_db,
                                                   "name,handle,email\n"
                                                   "Ada,ada,\n"
                                                   ",,\n"
                                                   "Bob,bob,not-an-address\n"
                                                   "\"Carol\nShaw\",carol\n"
                                                   "Dan,dan smith,\n"
                                                   "Eve,eve,eve@example.org\n");
    QCOMPARE(result.rows, 2);
    QCOMPARE(result.skipped, 4);
    QStringList messages;
    for (const CsvImport::Issue &issue : result.issues)
        messages << QString::number(issue.line);
    QCOMPARE(messages,
             (QStringList{QStringLiteral("3"),
                          QStringLiteral("4"),
                          QStringLiteral("5"),
                          QStringLiteral("7")}));
    QVERIFY(result.issues.at(0).message.startsWith(QStringLiteral("Line 3: no name")));
    QVERIFY(result.issues.at(1).message.contains(QStringLiteral("not-an-address")));
    QVERIFY(result.issues.at(2).message.contains(QStringLiteral("has 2 fields, the header 3")));
    QVERIFY(result.issues.at(3).message.contains(QStringLiteral("not a handle")));
    QCOMPARE(members(*m_db), 2);
}

void tst_MembersCsvImporter::preview()
{
    QBuffer buffer;
    buffer.setData("\xEF\xBB\xBFname;handle;tags\nAda;@ada;a|b\n;;\nBob;bob;\nCarol;carol;\n");
    buffer.open(QIODevice::ReadOnly);
    MembersCsvImporter importer;
    const CsvImport::Preview preview = importer.preview(&buffer, 2);
    QVERIFY(preview.isUsable());
    QCOMPARE(preview.encoding, QStringLiteral("UTF-8"));
    QCOMPARE(preview.delimiter, QLatin1Char(';'));
    QCOMPARE(preview.header,
             (QStringList{QStringLiteral("name"), QStringLiteral("handle"), QStringLiteral("tags")}));
    QCOMPARE(preview.rowCount, 3);
    QCOMPARE(preview.skipped, 1);
    QCOMPARE(preview.issues.constFirst().line, 3);
    QCOMPARE(preview.rows.size(), 2);
    QCOMPARE(preview.rows.constFirst(),
             (QStringList{QStringLiteral("Ada"),
                          QStringLiteral("csv:ada"),
                          QStringLiteral("csv"),
                          QString(),
                          QStringLiteral("a, b")}));
    QCOMPARE(members(*m_db), 0);
}

void tst_MembersCsvImporter::mappingOverride()
{
    QBuffer buffer;
    buffer.setData("who,contact\nAda Lovelace,ada\n");
    buffer.open(QIODevice::ReadOnly);
    MembersCsvImporter importer;
    // Nothing guessed: the file is unusable until the user says which column is which.
    QVERIFY(!importer.preview(&buffer).isUsable());
    importer.setMapping({0, 1, -1, -1, -1});
    buffer.seek(0);
    const CsvImport::Result result = importer.import(&buffer, m_db->connectionName());
    QCOMPARE(result.rows, 1);
    QCOMPARE(handlesOf(*m_db, QStringLiteral("Ada Lovelace")),
             QStringList{QStringLiteral("csv:ada")});
}

void tst_MembersCsvImporter::unusableFilesStoreNothing_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty file") << QByteArray() << 0 << QStringLiteral("empty");
    QTest::newRow("header only") << QByteArray("name,email\n") << 1 << QStringLiteral("no rows");
    QTest::newRow("wrong columns") << QByteArray("city,country\nParis,France\n") << 1
                                   << QStringLiteral("No column holds a name");
    QTest::newRow("bad encoding") << QByteArray("name\nAda\n\x81\x8D\x90\x9D\x01\x02\n") << 3
                                  << QStringLiteral("UTF-8");
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1A\n\x00\x00", 10) << 0
                            << QStringLiteral("not a text file");
    QTest::newRow("unclosed quote after good rows")
        << QByteArray("name\nAda\nBob\n\"Carol\nDan\n") << 4 << QStringLiteral("never closed");
    QByteArray enormous("name\nAda\n");
    enormous += QByteArray(2 * CsvReader::DefaultMaximumFieldLength, 'x');
    QTest::newRow("enormous line") << enormous << 3 << QStringLiteral("longer than");
}

void tst_MembersCsvImporter::unusableFilesStoreNothing()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, line);
    QFETCH(QString, message);

    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    MembersCsvImporter importer;
    const CsvImport::Preview preview = importer.preview(&buffer);
    QVERIFY(!preview.isUsable());
    QCOMPARE(preview.errorLine, line);
    QVERIFY2(preview.error.contains(message), qPrintable(preview.error));

    buffer.seek(0);
    try {
        importer.import(&buffer, m_db->connectionName());
        QFAIL("an unusable file was imported");
    } catch (const StorageError &error) {
        QVERIFY2(error.message().contains(message), qPrintable(error.message()));
        if (line > 0)
            QVERIFY2(error.message().contains(QStringLiteral("Line %1").arg(line)),
                     qPrintable(error.message()));
    }
    QCOMPARE(members(*m_db), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM identities")), 0);
}

void tst_MembersCsvImporter::cancelStoresNothing()
{
    QByteArray csv("name,handle,email\n");
    for (int i = 0; i < 3000; ++i)
        csv += "Member " + QByteArray::number(i) + ",m" + QByteArray::number(i) + ",\n";
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    MembersCsvImporter importer;
    qint64 calls = 0;
    QVERIFY_THROWS_EXCEPTION(OperationCancelled,
                             importer.import(&buffer,
                                             m_db->connectionName(),
                                             [&](qint64 done, qint64 total) {
                                                 ++calls;
                                                 return done < total / 2;
                                             }));
    QVERIFY(calls > 1);
    QCOMPARE(members(*m_db), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM sources")), 0);
}

QTEST_GUILESS_MAIN(tst_MembersCsvImporter)
#include "tst_memberscsvimporter.moc"
