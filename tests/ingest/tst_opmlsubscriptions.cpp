// Tests OpmlSubscriptions: OPML files into feeds and folders and back, all or nothing.
#include "feedrepository.h"
#include "opmldocument.h"
#include "opmlsubscriptions.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QFile>
#include <QSet>
#include <QTest>

class tst_OpmlSubscriptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importKeepsFoldersAndSkipsWhatIsKnown();
    void exportReadsBackTheSameSubscriptions();
    void unusableFileAddsNothing();

private:
    [[nodiscard]] static QByteArray sample();

    std::unique_ptr<TestDatabase> m_db;
};

void tst_OpmlSubscriptions::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_OpmlSubscriptions::cleanup()
{
    m_db.reset();
}

QByteArray tst_OpmlSubscriptions::sample()
{
    // A real reader's default list: nested folders, non-ASCII names and a saved search.
    QFile file(QStringLiteral(WATERCOOLER_CONFORMANCE_DIR)
               + QStringLiteral("/opml/liferea-feedlists/opml/feedlist_es.opml"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_OpmlSubscriptions::importKeepsFoldersAndSkipsWhatIsKnown()
{
    const QByteArray opml = sample();
    QVERIFY(!opml.isEmpty());
    QString error;
    QStringList duplicates;
    const QList<FeedEntry> entries = OpmlDocument::read(opml, &error).feeds(&duplicates);
    QVERIFY(error.isEmpty());
    int webFeeds = 0;
    for (const FeedEntry &entry : entries)
        webFeeds += entry.xmlUrl.startsWith(QLatin1String("http")) ? 1 : 0;

    const auto first = OpmlSubscriptions::importDocument(m_db->connectionName(), opml);
    QCOMPARE(first.added, webFeeds);
    QVERIFY(first.notFeeds.contains(QStringLiteral("vfolder")));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds")), webFeeds);

    // Every feed sits in the folder the file put it in.
    const FeedRepository repository(m_db->connectionName());
    const QList<FeedRepository::Feed> feeds = repository.feeds();
    for (const FeedEntry &entry : entries) {
        const auto it = std::find_if(feeds.cbegin(),
                                     feeds.cend(),
                                     [&](const FeedRepository::Feed &f) {
                                         return f.url == entry.xmlUrl;
                                     });
        if (it != feeds.cend())
            QCOMPARE(repository.folderPath(it->folderId), entry.folderPath);
    }

    const auto again = OpmlSubscriptions::importDocument(m_db->connectionName(), opml);
    QCOMPARE(again.added, 0);
    QCOMPARE(again.alreadySubscribed.size(), webFeeds);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds")), webFeeds);
}

void tst_OpmlSubscriptions::exportReadsBackTheSameSubscriptions()
{
    (void) OpmlSubscriptions::importDocument(m_db->connectionName(), sample());
    FeedRepository::NewFeed topLevel;
    topLevel.url = QStringLiteral("https://blog.example.org/feed.xml");
    topLevel.title = QStringLiteral("Blog <&> \"quotes\"");
    FeedRepository(m_db->connectionName()).addFeed(topLevel);

    const QByteArray exported = OpmlSubscriptions::exportDocument(m_db->connectionName());
    QString error;
    const QList<FeedEntry> entries = OpmlDocument::read(exported, &error).feeds();
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const FeedRepository repository(m_db->connectionName());
    QSet<QString> stored;
    for (const FeedRepository::Feed &feed : repository.feeds())
        stored.insert(feed.url + QLatin1Char('|') + repository.folderPath(feed.folderId));
    QSet<QString> written;
    for (const FeedEntry &entry : entries)
        written.insert(entry.xmlUrl + QLatin1Char('|') + entry.folderPath);
    QCOMPARE(written, stored);
    const auto blog = std::find_if(entries.cbegin(), entries.cend(), [](const FeedEntry &e) {
        return e.xmlUrl == QLatin1String("https://blog.example.org/feed.xml");
    });
    QVERIFY(blog != entries.cend());
    QCOMPARE(blog->title, QStringLiteral("Blog <&> \"quotes\""));

    // Importing the export into an empty database gives the same subscriptions.
    TestDatabase other;
    QVERIFY2(other.open(), qPrintable(other.errorString()));
    const auto result = OpmlSubscriptions::importDocument(other.connectionName(), exported);
    QCOMPARE(result.added, int(stored.size()));
}

void tst_OpmlSubscriptions::unusableFileAddsNothing()
{
    QByteArray broken = sample();
    broken.truncate(broken.size() / 2);
    QVERIFY_THROWS_EXCEPTION(StorageError,
                             (void) OpmlSubscriptions::importDocument(m_db->connectionName(),
                                                                      broken));
    QVERIFY_THROWS_EXCEPTION(StorageError,
                             (void) OpmlSubscriptions::importDocument(m_db->connectionName(),
                                                                      QByteArray("<html></html>")));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds")), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM folders")), 0);
}

QTEST_GUILESS_MAIN(tst_OpmlSubscriptions)
#include "tst_opmlsubscriptions.moc"
