// Runs `watercooler feeds add --discover` against a web site on 127.0.0.1: lines, JSON, feeds
// already followed, and the refusals, on the database backend under test.
#include "commandrunner.h"
#include "feedrepository.h"
#include "feedsite.h"
#include "testdatabase.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

class TestFeedsCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void discoverAddsEveryLinkedFeed();
    void discoverJsonReportsFollowedFeeds();
    void discoverRefusals_data();
    void discoverRefusals();
    void plainAddStaysOffline();

private:
    [[nodiscard]] CommandRun run(const QStringList &arguments) const;
    // The --database value naming the test database, SQLite file or PostgreSQL URL.
    [[nodiscard]] QString databaseArgument() const;
    [[nodiscard]] QStringList feedUrls() const;

    FeedSite m_site;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestFeedsCommand::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(WATERCOOLER_EXECUTABLE)).isExecutable(),
             WATERCOOLER_EXECUTABLE);
    QVERIFY(m_site.isListening());
}

void TestFeedsCommand::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestFeedsCommand::cleanup()
{
    m_home.reset();
    m_db.reset();
}

QString TestFeedsCommand::databaseArgument() const
{
    if (!TestDatabase::usesPostgreSql())
        return m_db->filePath();
    const DatabaseLocation &location = m_db->database().location();
    // The test server trusts local connections: no password in the URL.
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(location.userName, location.host)
        .arg(location.port)
        .arg(location.databaseName);
}

CommandRun TestFeedsCommand::run(const QStringList &arguments) const
{
    return CommandRunner::run(QStringLiteral(WATERCOOLER_EXECUTABLE),
                              QStringList{QStringLiteral("--database"), databaseArgument()}
                                  + arguments,
                              m_home->path(),
                              m_home->path());
}

QStringList TestFeedsCommand::feedUrls() const
{
    QStringList urls;
    const QList<FeedRepository::Feed> feeds = FeedRepository(m_db->connectionName()).feeds();
    for (const FeedRepository::Feed &feed : feeds)
        urls << feed.url;
    urls.sort();
    return urls;
}

void TestFeedsCommand::discoverAddsEveryLinkedFeed()
{
    const CommandRun result = run({QStringLiteral("feeds"),
                                   QStringLiteral("add"),
                                   QStringLiteral("--discover"),
                                   m_site.url(FeedSite::BlogPath).toString(),
                                   QStringLiteral("--folder"),
                                   QStringLiteral("Team"),
                                   QStringLiteral("--follow-comments")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    const QString posts = m_site.url(FeedSite::PostsPath).toString();
    const QString comments = m_site.url(FeedSite::CommentsPath).toString();
    QCOMPARE(feedUrls(), QStringList({comments, posts}));

    // One line per feed: id, title, address.
    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const FeedRepository repository(m_db->connectionName());
    const qint64 postsId = repository.feedIdForUrl(posts);
    QCOMPARE(lines.at(0), QStringLiteral("%1\tTeam posts\t%2").arg(postsId).arg(posts));
    QVERIFY(lines.at(1).startsWith(QString::number(repository.feedIdForUrl(comments))
                                   + QLatin1Char('\t')));
    const FeedRepository::Feed stored = repository.feed(postsId);
    QCOMPARE(stored.title, QStringLiteral("Team posts"));
    QCOMPARE(stored.format, QStringLiteral("rss"));
    QCOMPARE(repository.folderPath(stored.folderId), QStringLiteral("Team"));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds WHERE follow_comments = 1")), 2);
}

void TestFeedsCommand::discoverJsonReportsFollowedFeeds()
{
    const QString posts = m_site.url(FeedSite::PostsPath).toString();
    QCOMPARE(run({QStringLiteral("feeds"), QStringLiteral("add"), posts}).exitCode, 0);
    const qint64 followedId = FeedRepository(m_db->connectionName()).feedIdForUrl(posts);
    QVERIFY(followedId > 0);

    const CommandRun result = run({QStringLiteral("feeds"),
                                   QStringLiteral("add"),
                                   QStringLiteral("--discover"),
                                   m_site.url(FeedSite::BlogPath).toString(),
                                   QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    QVERIFY2(document.isArray(), qPrintable(error.errorString()));
    const QJsonArray array = document.array();
    QCOMPARE(array.size(), 2);
    const QJsonObject followed = array.at(0).toObject();
    QCOMPARE(followed.value(QLatin1String("id")).toInteger(), followedId);
    QCOMPARE(followed.value(QLatin1String("url")).toString(), posts);
    QCOMPARE(followed.value(QLatin1String("title")).toString(), QStringLiteral("Team posts"));
    QCOMPARE(followed.value(QLatin1String("added")).toBool(), false);
    QCOMPARE(followed.value(QLatin1String("reason")).toString(),
             QStringLiteral("already_subscribed"));
    const QJsonObject added = array.at(1).toObject();
    QCOMPARE(added.value(QLatin1String("url")).toString(),
             m_site.url(FeedSite::CommentsPath).toString());
    QCOMPARE(added.value(QLatin1String("title")).toString(), QStringLiteral("Comments"));
    QCOMPARE(added.value(QLatin1String("format")).toString(), QStringLiteral("atom"));
    QCOMPARE(added.value(QLatin1String("added")).toBool(), true);
    QVERIFY(added.value(QLatin1String("reason")).isNull());
    QCOMPARE(added.value(QLatin1String("id")).toInteger(),
             FeedRepository(m_db->connectionName())
                 .feedIdForUrl(added[QLatin1String("url")].toString()));
    QCOMPARE(feedUrls().size(), 2);

    // Everything followed already: still a success, nothing added.
    const CommandRun again = run({QStringLiteral("feeds"),
                                  QStringLiteral("add"),
                                  QStringLiteral("--discover"),
                                  m_site.url(FeedSite::BlogPath).toString()});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out.count(QLatin1String("already followed")), 2);
    QCOMPARE(feedUrls().size(), 2);
}

void TestFeedsCommand::discoverRefusals_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("message");
    QTest::newRow("no feeds") << FeedSite::AboutPath << QStringLiteral("No feeds found at ");
    QTest::newRow("not found") << QStringLiteral("/missing") << QStringLiteral("HTTP 404");
    QTest::newRow("unreachable") << QStringLiteral("unreachable")
                                 << QStringLiteral("refused the connection");
    QTest::newRow("not a web address")
        << QStringLiteral("ftp://127.0.0.1/") << QStringLiteral("not a web page address");
    QTest::newRow("json without discover") << QString() << QStringLiteral("--discover");
}

void TestFeedsCommand::discoverRefusals()
{
    QFETCH(QString, page);
    QFETCH(QString, message);
    QStringList arguments{QStringLiteral("feeds"), QStringLiteral("add")};
    if (page.isEmpty()) {
        arguments << m_site.url(FeedSite::PostsPath).toString() << QStringLiteral("--json");
    } else if (page == QLatin1String("unreachable")) {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress(QHostAddress::LocalHost)));
        arguments << QStringLiteral("--discover")
                  << QStringLiteral("http://127.0.0.1:%1/").arg(closed.serverPort());
        closed.close();
    } else {
        arguments << QStringLiteral("--discover")
                  << (page.startsWith(QLatin1Char('/')) ? m_site.url(page).toString() : page);
    }
    const CommandRun result = run(arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(feedUrls(), QStringList());
}

void TestFeedsCommand::plainAddStaysOffline()
{
    // Without --discover the address is stored as given, page or not, and nothing is fetched.
    const QString page = m_site.url(FeedSite::BlogPath).toString();
    const int requests = m_site.requestCount();
    const CommandRun result = run({QStringLiteral("feeds"), QStringLiteral("add"), page});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(m_site.requestCount(), requests);
    QCOMPARE(result.out.trimmed().toLongLong(),
             FeedRepository(m_db->connectionName()).feedIdForUrl(page));
    QCOMPARE(feedUrls(), QStringList{page});
}

QTEST_GUILESS_MAIN(TestFeedsCommand)
#include "tst_feedscommand.moc"
