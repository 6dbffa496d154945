// Tests the real watercooler executable: --version, --help, the demo command and its refusals.
#include "commandrunner.h"
#include "filesnapshot.h"
#include "postgresadmin.h"
#include "rawsqlite.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = CommandRun;

} // namespace

class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void version();
    void help();
    void demoPrintsCounts();
    void demoJson();
    void sameSeedSameCommunity();
    void defaultDatabaseLivesInDataHome();
    void refusals_data();
    void refusals();
    void teamDatabaseUrl();
    void dbCopy();
    void dbCopyRefusals_data();
    void dbCopyRefusals();
    void feedsAddListRemove();
    void feedsRefusals_data();
    void feedsRefusals();
    void feedsOpmlRoundTrip();
    void feedsParse();
    void feedsSet();
    void feedsAddWithUser();

private:
    [[nodiscard]] Run run(const QStringList &arguments) const;
    [[nodiscard]] QString path(const QString &name) const { return m_work->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_home; // HOME and XDG folders of the child process
    std::unique_ptr<QTemporaryDir> m_work; // databases and files the tests pass
};

void tst_CommandLine::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(WATERCOOLER_EXECUTABLE)).isExecutable(),
             WATERCOOLER_EXECUTABLE);
}

void tst_CommandLine::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(m_work->isValid());
}

void tst_CommandLine::cleanup()
{
    m_work.reset();
    m_home.reset();
}

Run tst_CommandLine::run(const QStringList &arguments) const
{
    return CommandRunner::run(QStringLiteral(WATERCOOLER_EXECUTABLE),
                              arguments,
                              m_home->path(),
                              m_work->path());
}

void tst_CommandLine::version()
{
    const Run result = run({QStringLiteral("--version")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), QStringLiteral("watercooler " WATERCOOLER_VERSION));
    QVERIFY(QRegularExpression(QStringLiteral("^watercooler \\d+\\.\\d+\\.\\d+$"))
                .match(result.out.trimmed())
                .hasMatch());
    QCOMPARE(result.err, QString());
}

void tst_CommandLine::help()
{
    const Run result = run({QStringLiteral("--help")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QLatin1String("demo")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QLatin1String("--database")), qPrintable(result.out));
    QCOMPARE(result.err, QString());

    const Run demoHelp = run({QStringLiteral("demo"), QStringLiteral("--help")});
    QCOMPARE(demoHelp.exitCode, 0);
    QVERIFY2(demoHelp.out.contains(QLatin1String("--members")), qPrintable(demoHelp.out));
    QVERIFY2(demoHelp.out.contains(QLatin1String("--seed")), qPrintable(demoHelp.out));
    // Help never creates a database.
    QCOMPARE(FileSnapshot::entries(m_work->path()), QStringList());
}

void tst_CommandLine::demoPrintsCounts()
{
    const QString database = path(QStringLiteral("c.sqlite"));
    const Run result = run({QStringLiteral("--database"), database, QStringLiteral("demo")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QVERIFY(QFileInfo(database).isFile());

    auto countBefore = [&result](const QString &word) {
        const QRegularExpression pattern(QStringLiteral("(\\d+) ") + word);
        const QRegularExpressionMatch match = pattern.match(result.out);
        return match.hasMatch() ? match.captured(1).toLongLong() : -1;
    };
    RawSqlite raw(database);
    QVERIFY(raw.isOpen());
    QCOMPARE(countBefore(QStringLiteral("member")),
             raw.scalar(QStringLiteral("SELECT COUNT(*) FROM members")).toLongLong());
    QCOMPARE(countBefore(QStringLiteral("discussion")),
             raw.scalar(QStringLiteral("SELECT COUNT(*) FROM discussions d JOIN sources s ON s.id "
                                       "= d.source_id WHERE s.kind = 'forum'"))
                 .toLongLong());
    QCOMPARE(countBefore(QStringLiteral("post")),
             raw.scalar(QStringLiteral("SELECT COUNT(*) FROM posts p JOIN discussions d ON d.id = "
                                       "p.discussion_id JOIN sources s ON s.id = d.source_id "
                                       "WHERE s.kind = 'forum'"))
                 .toLongLong());
    QCOMPARE(countBefore(QStringLiteral("member")), 60);
    QCOMPARE(countBefore(QStringLiteral("post")), 400);
}

void tst_CommandLine::demoJson()
{
    const QString database = path(QStringLiteral("j.sqlite"));
    const Run result = run({QStringLiteral("--database"),
                            database,
                            QStringLiteral("demo"),
                            QStringLiteral("--json"),
                            QStringLiteral("--members"),
                            QStringLiteral("25"),
                            QStringLiteral("--posts"),
                            QStringLiteral("120")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(document.isObject());
    const QJsonObject object = document.object();
    for (const char *key : {"members", "discussions", "posts", "feeds", "assessments"})
        QVERIFY2(object.value(QLatin1String(key)).isDouble(), key);

    RawSqlite raw(database);
    QVERIFY(raw.isOpen());
    QCOMPARE(object.value(QLatin1String("members")).toInt(), 25);
    QCOMPARE(object.value(QLatin1String("members")).toInt(),
             raw.scalar(QStringLiteral("SELECT COUNT(*) FROM members")).toInt());
    QCOMPARE(object.value(QLatin1String("posts")).toInt(), 120);
    QCOMPARE(object.value(QLatin1String("feeds")).toInt(),
             raw.scalar(QStringLiteral("SELECT COUNT(*) FROM feeds")).toInt());
    QCOMPARE(object.value(QLatin1String("assessments")).toInt(),
             raw.scalar(QStringLiteral("SELECT COUNT(*) FROM assessments")).toInt());
}

void tst_CommandLine::sameSeedSameCommunity()
{
    QJsonObject results[2];
    for (int i = 0; i < 2; ++i) {
        const Run result = run({QStringLiteral("--database"),
                                path(QStringLiteral("seed%1.sqlite").arg(i)),
                                QStringLiteral("demo"),
                                QStringLiteral("--seed"),
                                QStringLiteral("7"),
                                QStringLiteral("--json")});
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, 0);
        results[i] = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QVERIFY(!results[i].isEmpty());
        // Only the file name differs.
        results[i].remove(QLatin1String("database"));
    }
    QCOMPARE(results[1], results[0]);

    RawSqlite first(path(QStringLiteral("seed0.sqlite")));
    RawSqlite second(path(QStringLiteral("seed1.sqlite")));
    const QString names = QStringLiteral("SELECT group_concat(display_name, '|') FROM (SELECT "
                                         "display_name FROM members ORDER BY id)");
    QCOMPARE(second.scalar(names).toString(), first.scalar(names).toString());
}

void tst_CommandLine::defaultDatabaseLivesInDataHome()
{
    const Run result = run({QStringLiteral("demo"),
                            QStringLiteral("--members"),
                            QStringLiteral("5"),
                            QStringLiteral("--posts"),
                            QStringLiteral("10"),
                            QStringLiteral("--json")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QStringList databases;
    QDirIterator it(m_home->filePath(QStringLiteral("data")),
                    {QStringLiteral("*.sqlite")},
                    QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        databases << it.next();
    QCOMPARE(databases.size(), 1);
    const QString reported = QJsonDocument::fromJson(result.out.toUtf8())
                                 .object()
                                 .value(QLatin1String("database"))
                                 .toString();
    QCOMPARE(QFileInfo(reported).canonicalFilePath(),
             QFileInfo(databases.constFirst()).canonicalFilePath());
    QCOMPARE(FileSnapshot::entries(m_work->path()), QStringList());
}

void tst_CommandLine::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("messagePart");

    // "%1" stands for the test's work folder.
    QTest::newRow("missing folder") << QStringList{QStringLiteral("--database"),
                                                   QStringLiteral("%1/nonexistent/dir/x.sqlite"),
                                                   QStringLiteral("demo")}
                                    << QString() << QStringLiteral("does not exist");
    QTest::newRow("text file") << QStringList{QStringLiteral("--database"),
                                              QStringLiteral("%1/notes.txt"),
                                              QStringLiteral("demo")}
                               << QStringLiteral("text file")
                               << QStringLiteral("not a Watercooler database");
    QTest::newRow("folder") << QStringList{QStringLiteral("--database"),
                                           QStringLiteral("%1/folder"),
                                           QStringLiteral("demo")}
                            << QStringLiteral("folder") << QStringLiteral("folder");
    QTest::newRow("members not a number") << QStringList{QStringLiteral("--database"),
                                                         QStringLiteral("%1/m.sqlite"),
                                                         QStringLiteral("demo"),
                                                         QStringLiteral("--members"),
                                                         QStringLiteral("abc")}
                                          << QString() << QStringLiteral("--members");
    QTest::newRow("no members") << QStringList{QStringLiteral("--database"),
                                               QStringLiteral("%1/m.sqlite"),
                                               QStringLiteral("demo"),
                                               QStringLiteral("--members"),
                                               QStringLiteral("0")}
                                << QString() << QStringLiteral("--members");
    QTest::newRow("negative posts") << QStringList{QStringLiteral("--database"),
                                                   QStringLiteral("%1/m.sqlite"),
                                                   QStringLiteral("demo"),
                                                   QStringLiteral("--posts"),
                                                   QStringLiteral("-5")}
                                    << QString() << QStringLiteral("--posts");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("demo"), QStringLiteral("--frobnicate")} << QString()
        << QStringLiteral("frobnicate");
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("frobnicate")} << QString() << QStringLiteral("frobnicate");
    QTest::newRow("extra argument") << QStringList{QStringLiteral("--database"),
                                                   QStringLiteral("%1/m.sqlite"),
                                                   QStringLiteral("demo"),
                                                   QStringLiteral("again")}
                                    << QString() << QStringLiteral("again");
}

void tst_CommandLine::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, setup);
    QFETCH(QString, messagePart);

    for (QString &argument : arguments) {
        if (argument.contains(QLatin1String("%1")))
            argument = argument.arg(m_work->path());
    }
    if (setup == QLatin1String("text file")) {
        QFile file(path(QStringLiteral("notes.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("Agenda; first item\nsecond item\n") > 0);
    } else if (setup == QLatin1String("folder")) {
        QVERIFY(QDir(m_work->path()).mkdir(QStringLiteral("folder")));
    }
    const QStringList entriesBefore = FileSnapshot::entries(m_work->path());
    const FileSnapshot textBefore = FileSnapshot::take(path(QStringLiteral("notes.txt")));

    const Run result = run(arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    // Exactly one line on stderr, naming the problem; nothing on stdout.
    QVERIFY2(result.err.endsWith(QLatin1Char('\n')), qPrintable(result.err));
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(result.err.contains(messagePart), qPrintable(result.err));
    QCOMPARE(result.out, QString());

    // Nothing created, nothing changed.
    QCOMPARE(FileSnapshot::entries(m_work->path()), entriesBefore);
    const FileSnapshot textAfter = FileSnapshot::take(path(QStringLiteral("notes.txt")));
    QCOMPARE(textAfter.contents, textBefore.contents);
    QCOMPARE(textAfter.modified, textBefore.modified);
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("nonexistent"))));
}

void tst_CommandLine::dbCopy()
{
    const QString source = path(QStringLiteral("source.sqlite"));
    const Run demo = run({QStringLiteral("--database"),
                          source,
                          QStringLiteral("demo"),
                          QStringLiteral("--members"),
                          QStringLiteral("12"),
                          QStringLiteral("--posts"),
                          QStringLiteral("40")});
    QCOMPARE(demo.exitCode, 0);

    const QString target = path(QStringLiteral("copy.sqlite"));
    const QStringList copy{QStringLiteral("--database"),
                           source,
                           QStringLiteral("db"),
                           QStringLiteral("copy"),
                           QStringLiteral("--to"),
                           target};
    const Run first = run(copy);
    QVERIFY(first.finished);
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(first.err.isEmpty(), qPrintable(first.err));
    const QRegularExpressionMatch total = QRegularExpression(QStringLiteral("Total: (\\d+) row"))
                                              .match(first.out);
    QVERIFY2(total.hasMatch(), qPrintable(first.out));
    QVERIFY(first.out.contains(QRegularExpression(QStringLiteral("members +12\\n"))));
    RawSqlite copied(target);
    QVERIFY(copied.isOpen());
    QCOMPARE(copied.scalar(QStringLiteral("SELECT COUNT(*) FROM members")).toInt(), 12);

    // The target now holds a community: refused without --replace, nothing changed.
    const FileSnapshot before = FileSnapshot::take(target);
    const Run second = run(copy);
    QVERIFY(second.finished);
    QCOMPARE(second.exitCode, 1);
    QCOMPARE(second.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(second.err.contains(QLatin1String("is not empty; use --replace")),
             qPrintable(second.err));
    QCOMPARE(second.out, QString());
    QCOMPARE(FileSnapshot::take(target).contents, before.contents);

    const Run replaced = run(QStringList(copy)
                             << QStringLiteral("--replace") << QStringLiteral("--json"));
    QCOMPARE(replaced.exitCode, 0);
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(replaced.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(QFileInfo(object.value(QLatin1String("target")).toString()).fileName(),
             QStringLiteral("copy.sqlite"));
    const QJsonObject tables = object.value(QLatin1String("tables")).toObject();
    QCOMPARE(tables.value(QLatin1String("members")).toInt(), 12);
    qint64 sum = 0;
    for (auto it = tables.constBegin(); it != tables.constEnd(); ++it)
        sum += it.value().toInteger();
    QCOMPARE(object.value(QLatin1String("total")).toInteger(), sum);
    QCOMPARE(sum, total.captured(1).toLongLong());
}

void tst_CommandLine::dbCopyRefusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("no --to") << QStringList{QStringLiteral("db"), QStringLiteral("copy")}
                             << QStringLiteral("--to");
    QTest::newRow("unknown subcommand")
        << QStringList{QStringLiteral("db"), QStringLiteral("frob")} << QStringLiteral("frob");
    QTest::newRow("no subcommand") << QStringList{QStringLiteral("db")} << QStringLiteral("copy");
    QTest::newRow("unreachable server")
        << QStringList{QStringLiteral("db"),
                       QStringLiteral("copy"),
                       QStringLiteral("--to"),
                       QStringLiteral("postgresql://watercooler@127.0.0.1:1/nowhere")}
        << QStringLiteral("127.0.0.1");
    QTest::newRow("onto itself") << QStringList{QStringLiteral("db"),
                                                QStringLiteral("copy"),
                                                QStringLiteral("--to"),
                                                QStringLiteral("%1/source.sqlite")}
                                 << QStringLiteral("itself");
    QTest::newRow("missing target folder") << QStringList{QStringLiteral("db"),
                                                          QStringLiteral("copy"),
                                                          QStringLiteral("--to"),
                                                          QStringLiteral("%1/no/such/t.sqlite")}
                                           << QStringLiteral("does not exist");
}

void tst_CommandLine::dbCopyRefusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, messagePart);

    const QString source = path(QStringLiteral("source.sqlite"));
    QCOMPARE(run({QStringLiteral("--database"),
                  source,
                  QStringLiteral("demo"),
                  QStringLiteral("--members"),
                  QStringLiteral("5"),
                  QStringLiteral("--posts"),
                  QStringLiteral("10")})
                 .exitCode,
             0);
    for (QString &argument : arguments)
        argument.replace(QLatin1String("%1"), m_work->path());
    const QStringList entriesBefore = FileSnapshot::entries(m_work->path());

    const Run result = run(QStringList{QStringLiteral("--database"), source} + arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.endsWith(QLatin1Char('\n')), qPrintable(result.err));
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(result.err.contains(messagePart), qPrintable(result.err));
    QCOMPARE(result.out, QString());
    QCOMPARE(FileSnapshot::entries(m_work->path()), entriesBefore);
}

void tst_CommandLine::teamDatabaseUrl()
{
    QVERIFY2(PostgresAdmin::isConfigured(),
             "WATERCOOLER_TEST_POSTGRES_URL is not set: run the tests with .ci/test, which starts "
             "a PostgreSQL server for them.");
    const QString name = QStringLiteral("wc_cli_%1").arg(QCoreApplication::applicationPid());
    QString error;
    QVERIFY2(PostgresAdmin::exec(QStringLiteral("CREATE DATABASE ") + name, &error),
             qPrintable(error));
    const auto dropDatabase = qScopeGuard([&name] {
        QString dropError;
        if (!PostgresAdmin::exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name),
                                 &dropError))
            qWarning("%s", qPrintable(dropError));
    });
    // A URL without password: libpq finds one in PGPASSWORD or ~/.pgpass when the server wants it.
    const DatabaseLocation admin = PostgresAdmin::location(name);
    const QString url = QStringLiteral("postgresql://%1@%2:%3/%4")
                            .arg(admin.userName, admin.host)
                            .arg(admin.port)
                            .arg(name);
    const Run created = run({QStringLiteral("--database"),
                             url,
                             QStringLiteral("demo"),
                             QStringLiteral("--members"),
                             QStringLiteral("5"),
                             QStringLiteral("--posts"),
                             QStringLiteral("20"),
                             QStringLiteral("--json")});
    QVERIFY(created.finished);
    QCOMPARE(created.exitCode, 0);
    QVERIFY2(created.err.isEmpty(), qPrintable(created.err));
    const QJsonObject object = QJsonDocument::fromJson(created.out.toUtf8()).object();
    QCOMPARE(object.value(QLatin1String("members")).toInt(), 5);
    QCOMPARE(object.value(QLatin1String("database")).toString(), url);
    QCOMPARE(PostgresAdmin::scalar(QStringLiteral("SELECT COUNT(*) FROM members"), name).toInt(), 5);

    // A database that is not there: exit code 1 and one line naming it.
    const QString missing = QStringLiteral("wc_cli_missing_%1")
                                .arg(QCoreApplication::applicationPid());
    QString missingUrl = url;
    missingUrl.replace(name, missing);
    const Run refused = run({QStringLiteral("--database"), missingUrl, QStringLiteral("demo")});
    QVERIFY(refused.finished);
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.out, QString());
    QVERIFY2(refused.err.endsWith(QLatin1Char('\n')), qPrintable(refused.err));
    QCOMPARE(refused.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(refused.err.contains(missing) && refused.err.contains(QLatin1String("does not exist")),
             qPrintable(refused.err));
    QVERIFY(!PostgresAdmin::scalar(
                 QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1'").arg(missing))
                 .isValid());
}

void tst_CommandLine::feedsAddListRemove()
{
    const QString db = path(QStringLiteral("feeds.sqlite"));
    const Run first = run({QStringLiteral("--database"),
                           db,
                           QStringLiteral("feeds"),
                           QStringLiteral("add"),
                           QStringLiteral("https://blog.example.org/feed.xml"),
                           QStringLiteral("--folder"),
                           QStringLiteral("Blogs/Team"),
                           QStringLiteral("--follow-comments")});
    QCOMPARE(first.exitCode, 0);
    const qint64 firstId = first.out.trimmed().toLongLong();
    QVERIFY(firstId > 0);
    const Run second = run({QStringLiteral("--database"),
                            db,
                            QStringLiteral("feeds"),
                            QStringLiteral("add"),
                            QStringLiteral("https://podcast.example.org/rss")});
    QCOMPARE(second.exitCode, 0);
    QVERIFY(second.out.trimmed().toLongLong() > firstId);

    const Run listed = run({QStringLiteral("--database"),
                            db,
                            QStringLiteral("feeds"),
                            QStringLiteral("list"),
                            QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray feeds = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(feeds.size(), 2);
    const QJsonObject blog = feeds.at(0).toObject();
    QCOMPARE(blog.value(QLatin1String("id")).toInteger(), firstId);
    QCOMPARE(blog.value(QLatin1String("url")).toString(),
             QStringLiteral("https://blog.example.org/feed.xml"));
    QCOMPARE(blog.value(QLatin1String("folder")).toString(), QStringLiteral("Blogs/Team"));
    for (const char *key : {"title", "last_fetched", "http_status", "error"})
        QVERIFY2(blog.contains(QLatin1String(key)), key);
    QVERIFY(blog.value(QLatin1String("last_fetched")).isNull());
    // The feed's settings come along.
    QCOMPARE(blog.value(QLatin1String("follow_comments")).toBool(), true);
    QCOMPARE(blog.value(QLatin1String("refresh_interval_s")).toInt(), 3600);
    QVERIFY(blog.value(QLatin1String("retention_cap")).isNull());
    QVERIFY(blog.value(QLatin1String("user")).isNull());
    QCOMPARE(feeds.at(1).toObject().value(QLatin1String("follow_comments")).toBool(), false);

    const Run removed = run({QStringLiteral("--database"),
                             db,
                             QStringLiteral("feeds"),
                             QStringLiteral("remove"),
                             QString::number(firstId)});
    QCOMPARE(removed.exitCode, 0);
    const Run after = run({QStringLiteral("--database"),
                           db,
                           QStringLiteral("feeds"),
                           QStringLiteral("list"),
                           QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(after.out.toUtf8()).array().size(), 1);
}

void tst_CommandLine::feedsRefusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("twice") << QStringList{QStringLiteral("add"),
                                          QStringLiteral("https://a.example/feed")};
    QTest::newRow("not a url") << QStringList{QStringLiteral("add"),
                                              QStringLiteral("ftp://a.example/x")};
    QTest::newRow("no url") << QStringList{QStringLiteral("add")};
    QTest::newRow("unknown id") << QStringList{QStringLiteral("remove"), QStringLiteral("999")};
    QTest::newRow("bad id") << QStringList{QStringLiteral("remove"), QStringLiteral("abc")};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("set: unknown id") << QStringList{QStringLiteral("set"),
                                                    QStringLiteral("999"),
                                                    QStringLiteral("--title"),
                                                    QStringLiteral("X")};
    QTest::newRow("set: no id") << QStringList{QStringLiteral("set"),
                                               QStringLiteral("--title"),
                                               QStringLiteral("X")};
    QTest::newRow("set: interval zero") << QStringList{QStringLiteral("set"),
                                                       QStringLiteral("1"),
                                                       QStringLiteral("--interval"),
                                                       QStringLiteral("0")};
    QTest::newRow("set: interval words") << QStringList{QStringLiteral("set"),
                                                        QStringLiteral("1"),
                                                        QStringLiteral("--interval"),
                                                        QStringLiteral("hourly")};
    QTest::newRow("set: negative retention") << QStringList{QStringLiteral("set"),
                                                            QStringLiteral("1"),
                                                            QStringLiteral("--retention"),
                                                            QStringLiteral("-5")};
    QTest::newRow("set: comments maybe") << QStringList{QStringLiteral("set"),
                                                        QStringLiteral("1"),
                                                        QStringLiteral("--follow-comments"),
                                                        QStringLiteral("maybe")};
    QTest::newRow("set: user and no user") << QStringList{QStringLiteral("set"),
                                                          QStringLiteral("1"),
                                                          QStringLiteral("--user"),
                                                          QStringLiteral("alice"),
                                                          QStringLiteral("--no-user")};
    QTest::newRow("set: empty user") << QStringList{QStringLiteral("set"),
                                                    QStringLiteral("1"),
                                                    QStringLiteral("--user"),
                                                    QStringLiteral(" ")};
}

void tst_CommandLine::feedsRefusals()
{
    QFETCH(QStringList, arguments);
    const QString db = path(QStringLiteral("refusals.sqlite"));
    QCOMPARE(run({QStringLiteral("--database"),
                  db,
                  QStringLiteral("feeds"),
                  QStringLiteral("add"),
                  QStringLiteral("https://a.example/feed")})
                 .exitCode,
             0);
    const Run refused = run(QStringList{QStringLiteral("--database"), db, QStringLiteral("feeds")}
                            + arguments);
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY(!refused.err.trimmed().isEmpty());
    // Nothing changed.
    const Run listed = run({QStringLiteral("--database"),
                            db,
                            QStringLiteral("feeds"),
                            QStringLiteral("list"),
                            QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(listed.out.toUtf8()).array().size(), 1);
    RawSqlite raw(db);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT row_version FROM feeds")).toInt(), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT refresh_interval_s FROM feeds")).toInt(), 3600);
}

void tst_CommandLine::feedsOpmlRoundTrip()
{
    const QString opml = QStringLiteral(WATERCOOLER_CONFORMANCE_DIR)
                         + QStringLiteral("/opml/liferea-feedlists/opml/feedlist_es.opml");
    const QString db = path(QStringLiteral("opml.sqlite"));
    const Run imported = run({QStringLiteral("--database"),
                              db,
                              QStringLiteral("feeds"),
                              QStringLiteral("import-opml"),
                              opml});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.startsWith(QLatin1String("Added ")), qPrintable(imported.out));

    const QString exported = path(QStringLiteral("out.opml"));
    QCOMPARE(run({QStringLiteral("--database"),
                  db,
                  QStringLiteral("feeds"),
                  QStringLiteral("export-opml"),
                  exported})
                 .exitCode,
             0);
    const QString other = path(QStringLiteral("other.sqlite"));
    QCOMPARE(run({QStringLiteral("--database"),
                  other,
                  QStringLiteral("feeds"),
                  QStringLiteral("import-opml"),
                  exported})
                 .exitCode,
             0);
    const auto urls = [&](const QString &database) {
        const Run listed = run({QStringLiteral("--database"),
                                database,
                                QStringLiteral("feeds"),
                                QStringLiteral("list"),
                                QStringLiteral("--json")});
        QStringList list;
        const QJsonArray feeds = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        for (const QJsonValue &feed : feeds)
            list << feed[QLatin1String("url")].toString() + QLatin1Char('|')
                        + feed[QLatin1String("folder")].toString();
        list.sort();
        return list;
    };
    QVERIFY(!urls(db).isEmpty());
    QCOMPARE(urls(other), urls(db));

    // A file that is not OPML: exit 1, one line, nothing added.
    const Run refused = run({QStringLiteral("--database"),
                             other,
                             QStringLiteral("feeds"),
                             QStringLiteral("import-opml"),
                             QStringLiteral(WATERCOOLER_EXECUTABLE)});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(urls(other), urls(db));
}

void tst_CommandLine::feedsParse()
{
    const QString feed = QStringLiteral(WATERCOOLER_CONFORMANCE_DIR)
                         + QStringLiteral("/podcast-namespace/example.xml");
    const Run parsed = run(
        {QStringLiteral("feeds"), QStringLiteral("parse"), feed, QStringLiteral("--json")});
    QCOMPARE(parsed.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(parsed.out.toUtf8()).object();
    for (const char *key : {"format",
                            "title",
                            "link",
                            "description",
                            "language",
                            "image",
                            "new_url",
                            "authors",
                            "items",
                            "errors"})
        QVERIFY2(object.contains(QLatin1String(key)), key);
    QCOMPARE(object[QLatin1String("format")].toString(), QStringLiteral("rss20"));
    const QJsonArray items = object[QLatin1String("items")].toArray();
    QCOMPARE(items.size(), 3);
    const QJsonObject first = items.at(0).toObject();
    for (const char *key : {"id",
                            "title",
                            "link",
                            "published",
                            "updated",
                            "authors",
                            "summary",
                            "content_html",
                            "categories",
                            "comments_url",
                            "comment_count",
                            "in_reply_to",
                            "enclosures"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    // Times are ISO 8601 in UTC.
    QVERIFY(first[QLatin1String("published")].toString().endsWith(QLatin1Char('Z')));
    QVERIFY(!first[QLatin1String("enclosures")].toArray().isEmpty());

    // Not a feed: exit 1 with the reason.
    const Run refused = run(
        {QStringLiteral("feeds"), QStringLiteral("parse"), QStringLiteral(WATERCOOLER_EXECUTABLE)});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(!refused.err.isEmpty());
}

void tst_CommandLine::feedsSet()
{
    const QString db = path(QStringLiteral("set.sqlite"));
    const QString feedUrl = QStringLiteral("https://intranet.example.org/feed.xml");
    QCOMPARE(run({QStringLiteral("--database"),
                  db,
                  QStringLiteral("feeds"),
                  QStringLiteral("add"),
                  feedUrl})
                 .exitCode,
             0);
    const Run set = run({QStringLiteral("--database"),
                         db,
                         QStringLiteral("feeds"),
                         QStringLiteral("set"),
                         QStringLiteral("1"),
                         QStringLiteral("--interval"),
                         QStringLiteral("30"),
                         QStringLiteral("--retention"),
                         QStringLiteral("100"),
                         QStringLiteral("--follow-comments"),
                         QStringLiteral("on"),
                         QStringLiteral("--title"),
                         QStringLiteral("Intranet news"),
                         QStringLiteral("--folder"),
                         QStringLiteral("Work/Team")});
    QCOMPARE(set.exitCode, 0);
    QCOMPARE(set.out.trimmed(), QStringLiteral("Updated feed 1."));
    QCOMPARE(set.err, QString());
    const Run listed = run({QStringLiteral("--database"),
                            db,
                            QStringLiteral("feeds"),
                            QStringLiteral("list"),
                            QStringLiteral("--json")});
    const QJsonObject feed = QJsonDocument::fromJson(listed.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(feed.value(QLatin1String("title")).toString(), QStringLiteral("Intranet news"));
    QCOMPARE(feed.value(QLatin1String("folder")).toString(), QStringLiteral("Work/Team"));
    {
        RawSqlite raw(db);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT refresh_interval_s FROM feeds")).toInt(), 1800);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT retention_cap FROM feeds")).toInt(), 100);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT follow_comments FROM feeds")).toInt(), 1);
    }

    // What is not given stays; "" is the top level, 0 keeps every item.
    QCOMPARE(run({QStringLiteral("--database"),
                  db,
                  QStringLiteral("feeds"),
                  QStringLiteral("set"),
                  QStringLiteral("1"),
                  QStringLiteral("--folder"),
                  QString(),
                  QStringLiteral("--retention"),
                  QStringLiteral("0"),
                  QStringLiteral("--follow-comments"),
                  QStringLiteral("off")})
                 .exitCode,
             0);
    RawSqlite raw(db);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT refresh_interval_s FROM feeds")).toInt(), 1800);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT title FROM feeds")).toString(),
             QStringLiteral("Intranet news"));
    QVERIFY(raw.scalar(QStringLiteral("SELECT folder_id FROM feeds")).isNull());
    QVERIFY(raw.scalar(QStringLiteral("SELECT retention_cap FROM feeds")).isNull());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT follow_comments FROM feeds")).toInt(), 0);
}

void tst_CommandLine::feedsAddWithUser()
{
    const QString db = path(QStringLiteral("user.sqlite"));
    // The password comes from stdin; this sealed run has no keychain to keep it.
    const Run added = CommandRunner::run(QStringLiteral(WATERCOOLER_EXECUTABLE),
                                         {QStringLiteral("--database"),
                                          db,
                                          QStringLiteral("feeds"),
                                          QStringLiteral("add"),
                                          QStringLiteral("https://intranet.example.org/feed"),
                                          QStringLiteral("--user"),
                                          QStringLiteral("alice")},
                                         m_home->path(),
                                         m_work->path(),
                                         QByteArrayLiteral("s3cret-Pw\n"));
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(added.out.trimmed(), QStringLiteral("1"));
    QVERIFY2(added.err.contains(QLatin1String("WATERCOOLER_FEED_PASSWORD")), qPrintable(added.err));
    {
        RawSqlite raw(db);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT auth_user FROM feeds")).toString(),
                 QStringLiteral("alice"));
    }
    // The password is nowhere in the files the program writes.
    for (const QString &dir : {m_home->path(), m_work->path()}) {
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("s3cret-Pw"), qPrintable(file.fileName()));
        }
    }

    // --no-user stops signing in.
    const Run cleared = run({QStringLiteral("--database"),
                             db,
                             QStringLiteral("feeds"),
                             QStringLiteral("set"),
                             QStringLiteral("1"),
                             QStringLiteral("--no-user")});
    QCOMPARE(cleared.exitCode, 0);
    RawSqlite raw(db);
    QVERIFY(raw.scalar(QStringLiteral("SELECT auth_user FROM feeds")).isNull());
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
