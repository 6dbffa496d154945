// Runs `watercooler sync` against feeds served on 127.0.0.1: lines, JSON and exit codes. With
// WATERCOOLER_TEST_KEYCHAIN=1 (a private keyring) a feed password goes through the keychain.
#include "commandrunner.h"

#include <QFileInfo>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = CommandRun;

const QByteArray feedBody = QByteArrayLiteral(R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Team blog</title>
  <item><title>One</title><guid>one</guid><description>First</description></item>
  <item><title>Two</title><guid>two</guid><description>Second</description></item>
</channel></rss>)");

} // namespace

class TestSyncCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void linesAndExitCode();
    void json();
    void comments();
    void badFeedOption();
    void parseFetchesAnAddress();
    void protectedFeed();

private:
    [[nodiscard]] Run run(const QStringList &arguments,
                          const QByteArray &input = {},
                          const QHash<QString, QString> &environment = {}) const;
    [[nodiscard]] QString url(const QString &path) const;
    [[nodiscard]] QString database() const { return m_work->filePath(QStringLiteral("c.sqlite")); }
    void subscribe(const QString &path, bool followComments = false);

    QHttpServer m_server;
    quint16 m_port = 0;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QTemporaryDir> m_work;
};

void TestSyncCommand::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(WATERCOOLER_EXECUTABLE)).isExecutable(),
             WATERCOOLER_EXECUTABLE);
    m_server.route(QStringLiteral("/feed"), [] {
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"), feedBody);
    });
    m_server.route(QStringLiteral("/discussed"), [this] {
        const QByteArray yesterday
            = QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::RFC2822Date).toLatin1();
        const QByteArray body = R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel><title>Talk</title>
  <item><title>Topic</title><guid>topic</guid><pubDate>)"
                                + yesterday + R"(</pubDate><description>Hi</description>
    <wfw:commentRss>)" + url(QStringLiteral("/discussed/comments")).toUtf8()
                                + R"(</wfw:commentRss></item>
</channel></rss>)";
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"), body);
    });
    m_server.route(QStringLiteral("/discussed/comments"), [] {
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"), R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Comments</title>
  <item><guid>c1</guid><dc:creator>Carol</dc:creator><description>Yes</description></item>
  <item><guid>c2</guid><dc:creator>Dan</dc:creator><description>No</description></item>
</channel></rss>)");
    });
    m_server.route(QStringLiteral("/page"), [] {
        return QHttpServerResponse(QByteArrayLiteral("text/html"),
                                   QByteArrayLiteral("<html><body>Hello</body></html>"));
    });
    m_server.route(QStringLiteral("/private"), [](const QHttpServerRequest &request) {
        const QByteArray expected = "Basic " + QByteArrayLiteral("alice:secret").toBase64();
        const QList<QPair<QByteArray, QByteArray>> headers = request.headers();
        for (const auto &[key, value] : headers) {
            if (key.compare("Authorization", Qt::CaseInsensitive) == 0 && value == expected)
                return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"), feedBody);
        }
        return QHttpServerResponse(QHttpServerResponse::StatusCode::Unauthorized);
    });
    m_port = m_server.listen(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(m_port != 0);
}

void TestSyncCommand::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(m_work->isValid());
}

void TestSyncCommand::cleanup()
{
    m_work.reset();
    m_home.reset();
}

QString TestSyncCommand::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

Run TestSyncCommand::run(const QStringList &arguments,
                         const QByteArray &input,
                         const QHash<QString, QString> &environment) const
{
    return CommandRunner::run(QStringLiteral(WATERCOOLER_EXECUTABLE),
                              arguments,
                              m_home->path(),
                              m_work->path(),
                              input,
                              environment);
}

void TestSyncCommand::subscribe(const QString &path, bool followComments)
{
    QStringList arguments{QStringLiteral("--database"),
                          database(),
                          QStringLiteral("feeds"),
                          QStringLiteral("add"),
                          url(path)};
    if (followComments)
        arguments << QStringLiteral("--follow-comments");
    const Run added = run(arguments);
    QVERIFY2(added.finished && added.exitCode == 0, qPrintable(added.err));
}

void TestSyncCommand::linesAndExitCode()
{
    subscribe(QStringLiteral("/feed"));
    Run result = run({QStringLiteral("--database"), database(), QStringLiteral("sync")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QLatin1String("new: 2 item")), qPrintable(result.out));
    QVERIFY(result.out.contains(url(QStringLiteral("/feed"))));

    subscribe(QStringLiteral("/page"));
    result = run({QStringLiteral("--database"),
                  database(),
                  QStringLiteral("sync"),
                  QStringLiteral("--feed"),
                  QStringLiteral("1"),
                  QStringLiteral("--feed"),
                  QStringLiteral("2")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(result.out.contains(QLatin1String("\tupdated")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QLatin1String("\tfailed: ")), qPrintable(result.out));
}

void TestSyncCommand::json()
{
    subscribe(QStringLiteral("/feed"));
    subscribe(QStringLiteral("/page"));
    const Run result = run({QStringLiteral("--database"),
                            database(),
                            QStringLiteral("sync"),
                            QStringLiteral("--json")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    QVERIFY2(document.isArray(), qPrintable(error.errorString()));
    const QJsonArray array = document.array();
    QCOMPARE(array.size(), 2);
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        QCOMPARE(object.value(QLatin1String("http_status")).toInt(), 200);
        if (object.value(QLatin1String("url")).toString() == url(QStringLiteral("/feed"))) {
            QCOMPARE(object.value(QLatin1String("outcome")).toString(), QStringLiteral("new"));
            QCOMPARE(object.value(QLatin1String("new_items")).toInt(), 2);
            QCOMPARE(object.value(QLatin1String("updated_items")).toInt(), 0);
            QVERIFY(object.value(QLatin1String("error")).isNull());
            QVERIFY(object.value(QLatin1String("moved_to")).isNull());
            // Not following comments: none fetched.
            QCOMPARE(object.value(QLatin1String("new_comments")).toInt(-1), 0);
            QCOMPARE(object.value(QLatin1String("comment_feeds")).toInt(-1), 0);
            QCOMPARE(object.value(QLatin1String("comment_feeds_failed")).toInt(-1), 0);
            QCOMPARE(object.value(QLatin1String("comment_errors")).toArray(), QJsonArray());
        } else {
            QCOMPARE(object.value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));
            QVERIFY(!object.value(QLatin1String("error")).toString().isEmpty());
        }
        QVERIFY(object.value(QLatin1String("id")).toInteger() > 0);
    }
}

void TestSyncCommand::comments()
{
    subscribe(QStringLiteral("/discussed"), true);
    Run result = run({QStringLiteral("--database"), database(), QStringLiteral("sync")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QLatin1String("new: 1 item(s); 2 new comment(s)")),
             qPrintable(result.out));

    result = run({QStringLiteral("--database"),
                  database(),
                  QStringLiteral("sync"),
                  QStringLiteral("--feed"),
                  QStringLiteral("1"),
                  QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(object.value(QLatin1String("outcome")).toString(), QStringLiteral("updated"));
    QCOMPARE(object.value(QLatin1String("new_comments")).toInt(-1), 0);
    QCOMPARE(object.value(QLatin1String("comment_feeds")).toInt(), 1);
    QCOMPARE(object.value(QLatin1String("comment_feeds_failed")).toInt(-1), 0);
}

void TestSyncCommand::badFeedOption()
{
    const Run result = run({QStringLiteral("--database"),
                            database(),
                            QStringLiteral("sync"),
                            QStringLiteral("--feed"),
                            QStringLiteral("first")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains(QLatin1String("--feed")));
    QVERIFY(result.out.isEmpty());
}

void TestSyncCommand::parseFetchesAnAddress()
{
    // feeds parse reads an address the way a sync fetches it, and stores nothing.
    const Run parsed = run({QStringLiteral("feeds"),
                            QStringLiteral("parse"),
                            url(QStringLiteral("/feed")),
                            QStringLiteral("--json")});
    QCOMPARE(parsed.exitCode, 0);
    const QJsonObject feed = QJsonDocument::fromJson(parsed.out.toUtf8()).object();
    QVERIFY(!feed[QLatin1String("format")].toString().isEmpty());
    QVERIFY(!feed[QLatin1String("items")].toArray().isEmpty());

    const Run page = run(
        {QStringLiteral("feeds"), QStringLiteral("parse"), url(QStringLiteral("/page"))});
    QCOMPARE(page.exitCode, 1);
    const Run missing = run(
        {QStringLiteral("feeds"), QStringLiteral("parse"), url(QStringLiteral("/nothere"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QLatin1String("404")), qPrintable(missing.err));
}

void TestSyncCommand::protectedFeed()
{
    const bool keychain = qEnvironmentVariable("WATERCOOLER_TEST_KEYCHAIN") == QLatin1String("1");
    const QStringList sync{QStringLiteral("--database"),
                           database(),
                           QStringLiteral("sync"),
                           QStringLiteral("--feed"),
                           QStringLiteral("1")};
    const Run added = run({QStringLiteral("--database"),
                           database(),
                           QStringLiteral("feeds"),
                           QStringLiteral("add"),
                           url(QStringLiteral("/private")),
                           QStringLiteral("--user"),
                           QStringLiteral("alice")},
                          QByteArrayLiteral("secret\n"));
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(added.err.contains(QLatin1String("WATERCOOLER_FEED_PASSWORD")), !keychain);

    if (keychain) {
        // Saved by feeds add, read back by sync.
        const Run synced = run(sync);
        QCOMPARE(synced.exitCode, 0);
        QVERIFY2(synced.out.contains(QLatin1String("new: 2 item")), qPrintable(synced.out));
        return;
    }

    const Run without = run(sync);
    QCOMPARE(without.exitCode, 1);
    QVERIFY2(without.out.contains(QLatin1String("failed: The system keychain is not available")),
             qPrintable(without.out));
    QVERIFY2(without.err.contains(QLatin1String("WATERCOOLER_FEED_PASSWORD")),
             qPrintable(without.err));

    const Run wrong = run(sync,
                          {},
                          {{QStringLiteral("WATERCOOLER_FEED_PASSWORD"), QStringLiteral("guess")}});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.out.contains(QLatin1String("refused the user name and password")),
             qPrintable(wrong.out));

    const Run right = run(sync,
                          {},
                          {{QStringLiteral("WATERCOOLER_FEED_PASSWORD"), QStringLiteral("secret")}});
    QCOMPARE(right.exitCode, 0);
    QVERIFY2(right.out.contains(QLatin1String("new: 2 item")), qPrintable(right.out));
}

QTEST_GUILESS_MAIN(TestSyncCommand)
#include "tst_synccommand.moc"
