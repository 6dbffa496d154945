// Tests the real executable's import and export commands: what they print, line numbers for
// unusable input with exit code 1, nothing stored then, and an export that imports again.
#include "commandrunner.h"
#include "rawsqlite.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class tst_TransferCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void importMembersCsv();
    void dryRunStoresNothing();
    void unusableInput_data();
    void unusableInput();
    void postsRoundTrip();
    void importTranscript();
    void transcriptRefusals_data();
    void transcriptRefusals();
    void exportMemberJson();
    void importsRecomputeEngagement();
    void columnOverrides();
    void columnOverrideRefusals_data();
    void columnOverrideRefusals();
    void usage();

private:
    [[nodiscard]] CommandRun run(const QStringList &arguments) const;
    [[nodiscard]] CommandRun runOn(const QString &database, const QStringList &arguments) const;
    [[nodiscard]] QString path(const QString &name) const { return m_work->filePath(name); }
    QString write(const QString &name, const QByteArray &contents) const;
    [[nodiscard]] qint64 count(const QString &database, const QString &table) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QTemporaryDir> m_work;
};

void tst_TransferCommand::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(WATERCOOLER_EXECUTABLE)).isExecutable(),
             WATERCOOLER_EXECUTABLE);
}

void tst_TransferCommand::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(m_work->isValid());
}

void tst_TransferCommand::cleanup()
{
    m_work.reset();
    m_home.reset();
}

CommandRun tst_TransferCommand::run(const QStringList &arguments) const
{
    return CommandRunner::run(QStringLiteral(WATERCOOLER_EXECUTABLE),
                              arguments,
                              m_home->path(),
                              m_work->path());
}

CommandRun tst_TransferCommand::runOn(const QString &database, const QStringList &arguments) const
{
    return run(QStringList{QStringLiteral("--database"), database} + arguments);
}

QString tst_TransferCommand::write(const QString &name, const QByteArray &contents) const
{
    QFile file(path(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(contents);
    return file.fileName();
}

qint64 tst_TransferCommand::count(const QString &database, const QString &table) const
{
    RawSqlite raw(database);
    return raw.scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table).toLongLong();
}

void tst_TransferCommand::importMembersCsv()
{
    const QString db = path(QStringLiteral("members.sqlite"));
    const QString csv = write(QStringLiteral("members.csv"),
                              "Name;Handle;Source;E-mail;Tags\r\n"
                              "Ada Lovelace;@ada;forum;ada@example.org;core\r\n"
                              ";;;;\r\n"
                              "Bob;bob;forum;;\r\n");
    const CommandRun first = runOn(db,
                                   {QStringLiteral("import"), QStringLiteral("members-csv"), csv});
    QVERIFY(first.finished);
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(first.out.contains(QStringLiteral("Imported 2 row(s) from")), qPrintable(first.out));
    QVERIFY2(first.out.contains(QStringLiteral("0 member(s) matched, 2 created.")),
             qPrintable(first.out));
    QVERIFY2(first.out.contains(QStringLiteral("Skipped 1 row(s):")), qPrintable(first.out));
    QVERIFY2(first.out.contains(QStringLiteral("Line 3: no name")), qPrintable(first.out));
    QCOMPARE(count(db, QStringLiteral("members")), 2);

    const CommandRun again = runOn(db,
                                   {QStringLiteral("import"), QStringLiteral("members-csv"), csv});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(QStringLiteral("2 member(s) matched, 0 created.")),
             qPrintable(again.out));
    QCOMPARE(count(db, QStringLiteral("members")), 2);

    const QString exported = path(QStringLiteral("out.csv"));
    const CommandRun out
        = runOn(db, {QStringLiteral("export"), QStringLiteral("members-csv"), exported});
    QCOMPARE(out.exitCode, 0);
    QVERIFY2(out.out.contains(QStringLiteral("Wrote 2 member(s)")), qPrintable(out.out));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.at(0).trimmed(),
             QByteArray("id,name,handles,email,tags,posts,replies_given,replies_received,"
                        "mentions_received,first_seen,last_seen,level"));
    QVERIFY2(lines.at(1).contains("Ada Lovelace,forum:ada,ada@example.org,core,0,0,0,0,,,"),
             lines.at(1).constData());
}

void tst_TransferCommand::dryRunStoresNothing()
{
    const QString db = path(QStringLiteral("dry.sqlite"));
    const QString csv = write(QStringLiteral("posts.csv"),
                              "discussion\ttext\tauthor\nWelcome\thello\t@ada\n\tno topic\t@bob\n");
    const CommandRun result = runOn(db,
                                    {QStringLiteral("import"),
                                     QStringLiteral("posts-csv"),
                                     csv,
                                     QStringLiteral("--dry-run")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("1 row(s) to import; nothing stored.")),
             qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("Line 3: no discussion")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("delimiter \"\\t\"")), qPrintable(result.out));
    QVERIFY(!QFileInfo::exists(db));
}

void tst_TransferCommand::unusableInput_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");

    QTest::newRow("members: wrong columns")
        << QStringLiteral("members-csv") << QByteArray("city,country\nParis,France\n")
        << QStringLiteral("Line 1: No column holds a name");
    QTest::newRow("members: empty")
        << QStringLiteral("members-csv") << QByteArray() << QStringLiteral("The file is empty.");
    QTest::newRow("posts: unclosed quote")
        << QStringLiteral("posts-csv") << QByteArray("discussion,text\nA,ok\nA,\"never\nclosed\n")
        << QStringLiteral("Line 3: a quoted field that starts here is never closed.");
    QTest::newRow("posts: bad encoding")
        << QStringLiteral("posts-csv") << QByteArray("discussion,text\nA,\x81\x8D\x01\n")
        << QStringLiteral("Line 2: the text is neither UTF-8");
}

void tst_TransferCommand::unusableInput()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);

    const QString db = path(QStringLiteral("refused.sqlite"));
    const QString file = write(QStringLiteral("input.csv"), contents);
    const CommandRun result = runOn(db, {QStringLiteral("import"), kind, file});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(count(db, QStringLiteral("posts")), 0);
    QCOMPARE(count(db, QStringLiteral("members")), 0);
}

void tst_TransferCommand::postsRoundTrip()
{
    const QString db = path(QStringLiteral("demo.sqlite"));
    QCOMPARE(runOn(db,
                   {QStringLiteral("demo"),
                    QStringLiteral("--members"),
                    QStringLiteral("30"),
                    QStringLiteral("--posts"),
                    QStringLiteral("200")})
                 .exitCode,
             0);
    const QString posts = path(QStringLiteral("posts.csv"));
    const CommandRun exported
        = runOn(db, {QStringLiteral("export"), QStringLiteral("posts-csv"), posts});
    QCOMPARE(exported.exitCode, 0);
    const qint64 postCount = count(db, QStringLiteral("posts"));
    QVERIFY2(exported.out.contains(QStringLiteral("Wrote %1 post(s)").arg(postCount)),
             qPrintable(exported.out));

    const QString copy = path(QStringLiteral("copy.sqlite"));
    const CommandRun imported
        = runOn(copy, {QStringLiteral("import"), QStringLiteral("posts-csv"), posts});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains(QStringLiteral("Imported %1 row(s)").arg(postCount)),
             qPrintable(imported.out));
    QCOMPARE(count(copy, QStringLiteral("posts")), postCount);
    QCOMPARE(count(copy, QStringLiteral("discussions")), count(db, QStringLiteral("discussions")));

    // The copy's export holds the same rows (sources may come in another order).
    const QString again = path(QStringLiteral("again.csv"));
    QCOMPARE(runOn(copy, {QStringLiteral("export"), QStringLiteral("posts-csv"), again}).exitCode,
             0);
    QFile first(posts);
    QFile second(again);
    QVERIFY(first.open(QIODevice::ReadOnly));
    QVERIFY(second.open(QIODevice::ReadOnly));
    QCOMPARE(first.size(), second.size());
}

void tst_TransferCommand::importTranscript()
{
    const QString db = path(QStringLiteral("chat.sqlite"));
    const QString tweets = write(QStringLiteral("notes-thread.txt"),
                                 "12. Ada Lovelaceadal\n@charlesb thanks for the #notes RT "
                                 "@mary_s: great\n13. Charles Babbage charlesb\nRT @adal: hi\n");
    const CommandRun result
        = runOn(db, {QStringLiteral("import"), QStringLiteral("transcript"), tweets});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("Imported 2 message(s) (List of tweets) into "
                                                "\"notes-thread\" on twitter")),
             qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("2 member(s) created")), qPrintable(result.out));
    // Charles's retweet repeats a post of Ada's that the list does not show: it is hers.
    QCOMPARE(count(db, QStringLiteral("members")), 2);
    QCOMPARE(count(db, QStringLiteral("posts")), 3);
    RawSqlite raw(db);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT display_name FROM members WHERE id = (SELECT "
                                       "member_id FROM identities WHERE value = 'adal')"))
                 .toString(),
             QStringLiteral("Ada Lovelace"));

    const QString lines = write(QStringLiteral("call.txt"), "Ada: 12. not a tweet\nBob: hi\n");
    const CommandRun chat = runOn(db,
                                  {QStringLiteral("import"),
                                   QStringLiteral("transcript"),
                                   lines,
                                   QStringLiteral("--format"),
                                   QStringLiteral("lines"),
                                   QStringLiteral("--discussion"),
                                   QStringLiteral("Monday call")});
    QCOMPARE(chat.exitCode, 0);
    QVERIFY2(chat.out.contains(QStringLiteral("into \"Monday call\" on chat")),
             qPrintable(chat.out));
    QCOMPARE(raw.scalar(QStringLiteral(
                            "SELECT post_count FROM discussions WHERE title = 'Monday call'"))
                 .toInt(),
             2);
}

void tst_TransferCommand::transcriptRefusals_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");

    QTest::newRow("prose") << QByteArray("Nothing to see.\n") << QStringList()
                           << QStringLiteral("not a transcript");
    QTest::newRow("bad format") << QByteArray("Ada: hi\n")
                                << QStringList{QStringLiteral("--format"), QStringLiteral("slack")}
                                << QStringLiteral("--format needs tweets, zoom or lines");
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\x03", 4) << QStringList()
                            << QStringLiteral("not a text file");
    QTest::newRow("empty") << QByteArray() << QStringList() << QStringLiteral("empty");
}

void tst_TransferCommand::transcriptRefusals()
{
    QFETCH(QByteArray, contents);
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const QString db = path(QStringLiteral("refused.sqlite"));
    const QString file = write(QStringLiteral("t.txt"), contents);
    const CommandRun result = runOn(db,
                                    QStringList{QStringLiteral("import"),
                                                QStringLiteral("transcript"),
                                                file}
                                        + options);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(!QFileInfo::exists(db) || count(db, QStringLiteral("posts")) == 0);
}

void tst_TransferCommand::exportMemberJson()
{
    const QString db = path(QStringLiteral("one.sqlite"));
    const QString tweets = write(QStringLiteral("t.txt"),
                                 "1. Ada Lovelace adal\nhello @bobs #intro\n2. Bob Stone bobs\n"
                                 "hi @adal\n");
    QCOMPARE(runOn(db, {QStringLiteral("import"), QStringLiteral("transcript"), tweets}).exitCode,
             0);
    RawSqlite raw(db);
    const qint64 ada = raw.scalar(QStringLiteral("SELECT member_id FROM identities WHERE value = "
                                                 "'adal'"))
                           .toLongLong();
    const CommandRun result = runOn(db,
                                    {QStringLiteral("export"),
                                     QStringLiteral("member"),
                                     QString::number(ada),
                                     QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(json.value(QStringLiteral("posts")).toArray().size(), 1);
    QCOMPARE(json.value(QStringLiteral("mentions")).toArray().size(), 1);
    QCOMPARE(json.value(QStringLiteral("identities"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("value")),
             QJsonValue(QStringLiteral("adal")));

    const CommandRun missing = runOn(db,
                                     {QStringLiteral("export"),
                                      QStringLiteral("member"),
                                      QStringLiteral("9999"),
                                      QStringLiteral("--json")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("There is no member 9999.")),
             qPrintable(missing.err));
}

void tst_TransferCommand::importsRecomputeEngagement()
{
    const QString db = path(QStringLiteral("engaged.sqlite"));
    const QByteArray yesterday
        = QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate).toLatin1();
    const QString posts = write(QStringLiteral("posts.csv"),
                                "id,discussion,author,time,text,parent\n"
                                "p1,Welcome,Ada (@ada),"
                                    + yesterday
                                    + ",Hello @bob,\n"
                                      "p2,Welcome,Bob (@bob),"
                                    + yesterday + ",Thanks @ada,p1\n");
    const CommandRun imported
        = runOn(db, {QStringLiteral("import"), QStringLiteral("posts-csv"), posts});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains(QStringLiteral("2 new post(s)")), qPrintable(imported.out));
    QVERIFY2(imported.out.endsWith(QStringLiteral("Engagement levels recomputed.\n")),
             qPrintable(imported.out));
    RawSqlite raw(db);
    // The levels are as of now: both members wrote and were answered yesterday.
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM members WHERE engagement_score > 0 "
                                       "AND engagement_level > 0"))
                 .toInt(),
             2);
    const qint64 asOf = raw.scalar(QStringLiteral("SELECT value FROM settings WHERE key = "
                                                  "'engagement/as_of'"))
                            .toLongLong();
    QVERIFY(qAbs(asOf - QDateTime::currentSecsSinceEpoch()) < 600);

    const QString members = write(QStringLiteral("members.csv"), "name,handle\nCarol,carol\n");
    const CommandRun roster
        = runOn(db, {QStringLiteral("import"), QStringLiteral("members-csv"), members});
    QCOMPARE(roster.exitCode, 0);
    QVERIFY2(roster.out.contains(QStringLiteral("Engagement levels recomputed.")),
             qPrintable(roster.out));

    const QString chat = write(QStringLiteral("call.txt"), "Carol: hi @ada\nAda: hi Carol\n");
    const CommandRun transcript = runOn(db,
                                        {QStringLiteral("import"),
                                         QStringLiteral("transcript"),
                                         chat,
                                         QStringLiteral("--source"),
                                         QStringLiteral("csv")});
    QCOMPARE(transcript.exitCode, 0);
    QVERIFY2(transcript.out.endsWith(QStringLiteral("Engagement levels recomputed.\n")),
             qPrintable(transcript.out));
    // Carol only became engaged through the transcript, which the recompute counted.
    QVERIFY(raw.scalar(QStringLiteral("SELECT MAX(engagement_score) FROM members WHERE "
                                      "display_name = 'Carol'"))
                .toDouble()
            > 0);

    // A dry run stores nothing and recomputes nothing.
    const CommandRun dry = runOn(db,
                                 {QStringLiteral("import"),
                                  QStringLiteral("members-csv"),
                                  members,
                                  QStringLiteral("--dry-run")});
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(!dry.out.contains(QStringLiteral("Engagement")), qPrintable(dry.out));
}

void tst_TransferCommand::columnOverrides()
{
    const QString db = path(QStringLiteral("columns.sqlite"));
    // Guessed: "Name" for the name and "Mail" for the e-mail; the overrides say otherwise.
    const QString members = write(QStringLiteral("members.csv"),
                                  "Name,Person,Contact,Mail\n"
                                  "adal,Ada Lovelace,ada@work.example,old@example.org\n");
    const CommandRun imported = runOn(db,
                                      {QStringLiteral("import"),
                                       QStringLiteral("members-csv"),
                                       members,
                                       QStringLiteral("--column"),
                                       QStringLiteral("name=Person"),
                                       QStringLiteral("--column"),
                                       QStringLiteral("email=Contact")});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains(QStringLiteral("Imported 1 row(s)")), qPrintable(imported.out));
    RawSqlite raw(db);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT display_name FROM members")).toString(),
             QStringLiteral("Ada Lovelace"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM identities WHERE kind = 'email'"))
                 .toString(),
             QStringLiteral("ada@work.example"));

    // Headers no field is guessed from, matched whatever their case.
    const QString posts = write(QStringLiteral("posts.csv"),
                                "Room;Message Body;Who\nLobby;hello there;@ada\n");
    const CommandRun refused = runOn(db,
                                     {QStringLiteral("import"), QStringLiteral("posts-csv"), posts});
    QCOMPARE(refused.exitCode, 1);
    const CommandRun mapped = runOn(db,
                                    {QStringLiteral("import"),
                                     QStringLiteral("posts-csv"),
                                     posts,
                                     QStringLiteral("--column"),
                                     QStringLiteral("discussion=Room"),
                                     QStringLiteral("--column=text=message body"),
                                     QStringLiteral("--column"),
                                     QStringLiteral("author=Who")});
    QCOMPARE(mapped.exitCode, 0);
    QVERIFY2(mapped.out.contains(QStringLiteral("1 new post(s)")), qPrintable(mapped.out));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT d.title || ':' || p.body_text FROM posts p JOIN "
                                       "discussions d ON d.id = p.discussion_id"))
                 .toString(),
             QStringLiteral("Lobby:hello there"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT i.value FROM posts p JOIN identities i ON "
                                       "i.member_id = p.author_id AND i.kind = 'handle'"))
                 .toString(),
             QStringLiteral("ada"));
}

void tst_TransferCommand::columnOverrideRefusals_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown field")
        << QStringLiteral("members-csv") << QStringLiteral("colour=Name")
        << QStringLiteral("--column: unknown field \"colour\". Fields: name, handle, source, "
                          "email, tags.");
    QTest::newRow("posts field for members")
        << QStringLiteral("members-csv") << QStringLiteral("discussion=Name")
        << QStringLiteral("unknown field \"discussion\"");
    QTest::newRow("no header") << QStringLiteral("posts-csv") << QStringLiteral("text")
                               << QStringLiteral("--column needs FIELD=HEADER");
    QTest::newRow("missing header")
        << QStringLiteral("members-csv") << QStringLiteral("email=Mail")
        << QStringLiteral("Line 1: no column is named \"Mail\" (for E-mail). The columns are: "
                          "Name, Handle.");
}

void tst_TransferCommand::columnOverrideRefusals()
{
    QFETCH(QString, kind);
    QFETCH(QString, column);
    QFETCH(QString, message);

    const QString db = path(QStringLiteral("refused.sqlite"));
    const QString file = write(QStringLiteral("input.csv"), "Name,Handle\nAda,ada\n");
    const CommandRun result
        = runOn(db, {QStringLiteral("import"), kind, file, QStringLiteral("--column"), column});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(count(db, QStringLiteral("members")), 0);
}

void tst_TransferCommand::usage()
{
    const CommandRun unknown = run({QStringLiteral("import"), QStringLiteral("xml")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("members-csv|posts-csv|transcript")),
             qPrintable(unknown.err));
    const CommandRun help = run({QStringLiteral("export"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QStringLiteral("members-csv|posts-csv|member")),
             qPrintable(help.out));
    const CommandRun noFile = run({QStringLiteral("import"), QStringLiteral("members-csv")});
    QCOMPARE(noFile.exitCode, 1);
    const CommandRun topHelp = run({QStringLiteral("--help")});
    QVERIFY2(topHelp.out.simplified().contains(QStringLiteral("import, export")),
             qPrintable(topHelp.out));
}

QTEST_GUILESS_MAIN(tst_TransferCommand)
#include "tst_transfercommand.moc"
