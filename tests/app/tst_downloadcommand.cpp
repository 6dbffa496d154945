// Runs `watercooler feeds download` against a local server: a cut download fails clearly and the
// next run resumes it; JSON, the default folder, and refusals.
#include "commandrunner.h"
#include "episodeserver.h"
#include "rawsqlite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDownloadCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void resumesAfterFailure();
    void defaultFolder();
    void refusals();

private:
    [[nodiscard]] CommandRun run(QStringList arguments) const;
    // Subscribes to the served feed, syncs it and returns the id of its one item.
    [[nodiscard]] QString syncedItemId();
    [[nodiscard]] QString database() const { return m_work->filePath(QStringLiteral("c.sqlite")); }
    [[nodiscard]] QString target() const { return m_work->filePath(QStringLiteral("episodes")); }

    std::unique_ptr<EpisodeServer> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QTemporaryDir> m_work;
};

void TestDownloadCommand::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(WATERCOOLER_EXECUTABLE)).isExecutable(),
             WATERCOOLER_EXECUTABLE);
}

void TestDownloadCommand::init()
{
    m_server = std::make_unique<EpisodeServer>();
    QVERIFY(m_server->isListening());
    m_server->body = QByteArray(1500 * 1000, 'a');
    for (qsizetype i = 0; i < m_server->body.size(); i += 997)
        m_server->body[i] = char('0' + i % 10);
    m_server->pages
        .insert("/feed.xml",
                QStringLiteral(R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Team podcast</title>
  <item><title>Episode 1</title><guid>ep1</guid>
    <enclosure url="%1" type="audio/mpeg" length="1500000"/></item>
</channel></rss>)")
                    .arg(m_server->url(QStringLiteral("/shows/Episode%201.mp3")).toString())
                    .toUtf8());
    m_home = std::make_unique<QTemporaryDir>();
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(m_work->isValid());
}

void TestDownloadCommand::cleanup()
{
    m_work.reset();
    m_home.reset();
    m_server.reset();
}

CommandRun TestDownloadCommand::run(QStringList arguments) const
{
    arguments.prepend(database());
    arguments.prepend(QStringLiteral("--database"));
    return CommandRunner::run(QStringLiteral(WATERCOOLER_EXECUTABLE),
                              arguments,
                              m_home->path(),
                              m_work->path());
}

QString TestDownloadCommand::syncedItemId()
{
    const CommandRun added = run({QStringLiteral("feeds"),
                                  QStringLiteral("add"),
                                  m_server->url(QStringLiteral("/feed.xml")).toString()});
    if (added.exitCode != 0)
        return {};
    if (run({QStringLiteral("sync")}).exitCode != 0)
        return {};
    RawSqlite raw(database());
    return raw.scalar(QStringLiteral("SELECT id FROM feed_items")).toString();
}

void TestDownloadCommand::resumesAfterFailure()
{
    const QString itemId = syncedItemId();
    QVERIFY(!itemId.isEmpty());
    // Every answer is cut after 100 kB: the resumes within the run are not enough.
    m_server->dropAfter = 100 * 1000;
    m_server->dropCount = 100;
    const CommandRun failed = run({QStringLiteral("feeds"),
                                   QStringLiteral("download"),
                                   itemId,
                                   QStringLiteral("--to"),
                                   target()});
    QVERIFY(failed.finished);
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains(QLatin1String("ended early")), qPrintable(failed.err));
    QCOMPARE(failed.err.count(QLatin1Char('\n')), 1);
    const QString finalPath = QDir(target()).filePath(QStringLiteral("Episode 1.mp3"));
    QVERIFY(!QFile::exists(finalPath));
    const qint64 kept = QFileInfo(finalPath + QStringLiteral(".part")).size();
    QVERIFY(kept >= 100 * 1000);

    m_server->dropCount = 0;
    m_server->clearRequests();
    const CommandRun resumed = run({QStringLiteral("feeds"),
                                    QStringLiteral("download"),
                                    itemId,
                                    QStringLiteral("--to"),
                                    target(),
                                    QStringLiteral("--json")});
    QVERIFY(resumed.finished);
    QCOMPARE(resumed.exitCode, 0);
    QCOMPARE(m_server->distinctRequests().constFirst().headers.value("range"),
             "bytes=" + QByteArray::number(kept) + '-');
    const QJsonArray array = QJsonDocument::fromJson(resumed.out.toUtf8()).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject object = array.at(0).toObject();
    QCOMPARE(object.value(QLatin1String("path")).toString(), finalPath);
    QVERIFY(object.value(QLatin1String("resumed")).toBool());
    QCOMPARE(object.value(QLatin1String("bytes")).toInteger(), m_server->body.size());
    QCOMPARE(object.value(QLatin1String("http_status")).toInt(), 206);
    QVERIFY(object.value(QLatin1String("error")).isNull());
    QVERIFY(object.value(QLatin1String("enclosure_id")).toInteger() > 0);
    QCOMPARE(contents(finalPath), m_server->body);
    QCOMPARE(QDir(target()).entryList(QDir::Files), QStringList{QStringLiteral("Episode 1.mp3")});
    RawSqlite raw(database());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT local_path FROM enclosures")).toString(), finalPath);

    // Once there, it is not fetched again.
    m_server->clearRequests();
    const CommandRun again = run({QStringLiteral("feeds"),
                                  QStringLiteral("download"),
                                  itemId,
                                  QStringLiteral("--to"),
                                  target()});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(QLatin1String("already downloaded")), qPrintable(again.out));
    QVERIFY(m_server->requests().isEmpty());
}

void TestDownloadCommand::defaultFolder()
{
    const QString itemId = syncedItemId();
    QVERIFY(!itemId.isEmpty());
    const QString music = QDir(m_home->path()).filePath(QStringLiteral("Music"));
    QVERIFY(QDir().mkpath(music));
    const CommandRun result = run({QStringLiteral("feeds"), QStringLiteral("download"), itemId});
    QCOMPARE(result.exitCode, 0);
    const QString expected = QDir(music).filePath(QStringLiteral("Episode 1.mp3"));
    QVERIFY2(result.out.contains(expected), qPrintable(result.out));
    QCOMPARE(contents(expected), m_server->body);
}

void TestDownloadCommand::refusals()
{
    const QString itemId = syncedItemId();
    QVERIFY(!itemId.isEmpty());
    CommandRun result = run({QStringLiteral("feeds"), QStringLiteral("download")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("item id")), qPrintable(result.err));
    result = run({QStringLiteral("feeds"), QStringLiteral("download"), QStringLiteral("9999")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("9999")), qPrintable(result.err));

    // The enclosure's server answers 404: exit 1 and the status in the message.
    RawSqlite raw(database());
    QVERIFY(raw.exec(QStringLiteral("UPDATE enclosures SET url = '%1'")
                         .arg(m_server->url(QStringLiteral("/missing")).toString())));
    result = run({QStringLiteral("feeds"),
                  QStringLiteral("download"),
                  itemId,
                  QStringLiteral("--to"),
                  target()});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("404")), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestDownloadCommand)
#include "tst_downloadcommand.moc"
