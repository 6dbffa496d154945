// Tests FeedsPane: adding a feed through its dialog shows it in the tree, a web page's feeds can
// be added together, a bad address cannot be added, and a read-only database offers no way to
// add feeds.
#include "addfeeddialog.h"
#include "feedreader.h"
#include "feedrepository.h"
#include "feedsite.h"
#include "feedsmodel.h"
#include "feedspane.h"
#include "pagedtablemodel.h"
#include "sqlquery.h"
#include "testdatabase.h"
#include <QDir>

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

class tst_FeedsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addFeedThroughTheDialog();
    void addTheFeedsOfAPage();
    void badAddressCannotBeAdded();
    void readOnlyOffersNoAdding();
    void syncNowBringsItemsIn();
    void remoteImagesLoadOnlyWhenAllowed();
    void feedStatusAndFolderScope();
    void markAllReadAndRemoveFeed();
    void syncCountsComments();

    void episodeBarFollowsTheSelection();

private:
    // Fills the next AddFeedDialog that opens and presses OK (or Cancel when OK is disabled).
    void answerDialog(const QString &url, const QString &folder);
    // Lets the next AddFeedDialog find the feeds of a page, checks every one it offers and adds.
    void answerWithPage(const QString &url);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<FeedsPane> m_pane;
    FeedSite m_site;
    bool m_okWasEnabled = false;
    int m_offered = -1;
};

void tst_FeedsPane::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_pane = std::make_unique<FeedsPane>(m_db->database());
    m_pane->resize(900, 600);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void tst_FeedsPane::cleanup()
{
    m_pane.reset();
    m_db.reset();
}

void tst_FeedsPane::answerDialog(const QString &url, const QString &folder)
{
    QTimer::singleShot(0, this, [this, url, folder] {
        auto *dialog = qobject_cast<AddFeedDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            answerDialog(url, folder);
            return;
        }
        dialog->findChild<QLineEdit *>(QStringLiteral("feedUrl"))->setText(url);
        dialog->findChild<QComboBox *>(QStringLiteral("feedFolder"))->setEditText(folder);
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        m_okWasEnabled = ok->isEnabled();
        if (m_okWasEnabled)
            ok->click();
        else
            dialog->reject();
    });
}

void tst_FeedsPane::answerWithPage(const QString &url)
{
    QTimer::singleShot(0, this, [this, url] {
        auto *dialog = qobject_cast<AddFeedDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            answerWithPage(url);
            return;
        }
        connect(dialog, &AddFeedDialog::searchFinished, dialog, [this, dialog] {
            auto *found = dialog->findChild<QTreeWidget *>(QStringLiteral("foundFeeds"));
            m_offered = 0;
            for (int row = 0; row < found->topLevelItemCount(); ++row) {
                QTreeWidgetItem *item = found->topLevelItem(row);
                if (item->flags() & Qt::ItemIsEnabled) {
                    item->setCheckState(AddFeedDialog::TitleColumn, Qt::Checked);
                    ++m_offered;
                }
            }
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        });
        dialog->findChild<QLineEdit *>(QStringLiteral("feedUrl"))->setText(url);
        dialog->findChild<QPushButton *>(QStringLiteral("findFeedsButton"))->click();
    });
}

void tst_FeedsPane::addFeedThroughTheDialog()
{
    QVERIFY(m_pane->isShowingEmptyState());
    // Add checks the address first: a feed is added at once.
    const QString posts = m_site.url(FeedSite::PostsPath).toString();
    answerDialog(posts, QStringLiteral("Blogs/Team"));
    QVERIFY(m_pane->addFeed());
    QVERIFY(m_okWasEnabled);
    QVERIFY(!m_pane->isShowingEmptyState());

    const QList<FeedRepository::Feed> feeds = FeedRepository(m_db->connectionName()).feeds();
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.at(0).url, posts);
    QCOMPARE(feeds.at(0).title, QStringLiteral("Team posts"));
    QCOMPARE(FeedRepository(m_db->connectionName()).folderPath(feeds.at(0).folderId),
             QStringLiteral("Blogs/Team"));
    // The tree shows All Items, then the folder with the feed inside.
    auto *tree = m_pane->findChild<QTreeView *>(QStringLiteral("feedsTree"));
    QCOMPARE(tree->model()->rowCount(), 2);
    QCOMPARE(tree->model()->index(0, 0).data(FeedsModel::AllItemsRole).toBool(), true);
    QCOMPARE(tree->model()->index(1, 0).data().toString(), QStringLiteral("Blogs"));
}

void tst_FeedsPane::addTheFeedsOfAPage()
{
    FeedRepository::NewFeed followed;
    followed.url = m_site.url(FeedSite::PostsPath).toString();
    FeedRepository(m_db->connectionName()).addFeed(followed);
    m_pane->reload();
    QSignalSpy errors(m_pane.get(), &Pane::errorOccurred);

    answerWithPage(m_site.url(FeedSite::BlogPath).toString());
    QVERIFY(m_pane->addFeed());
    // The feed followed already was not offered again; the other one was added.
    QCOMPARE(m_offered, 1);
    QCOMPARE(errors.size(), 0);
    const FeedRepository repository(m_db->connectionName());
    QCOMPARE(repository.feeds().size(), 2);
    QVERIFY(repository.feedIdForUrl(m_site.url(FeedSite::CommentsPath).toString()) != 0);
    // All Items above the two top-level feeds.
    auto *tree = m_pane->findChild<QTreeView *>(QStringLiteral("feedsTree"));
    QCOMPARE(tree->model()->rowCount(), 3);
}

void tst_FeedsPane::badAddressCannotBeAdded()
{
    answerDialog(QStringLiteral("ftp://files.example.org/feed"), QString());
    QVERIFY(!m_pane->addFeed());
    QVERIFY(!m_okWasEnabled);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds")), 0);
}

void tst_FeedsPane::readOnlyOffersNoAdding()
{
    m_pane->setReadOnly(true);
    auto *add = m_pane->findChild<QPushButton *>(QStringLiteral("addFeedButton"));
    QVERIFY(add);
    QVERIFY(!add->isEnabled());
}

void tst_FeedsPane::syncNowBringsItemsIn()
{
    // A feed served on this machine only.
    QHttpServer server;
    server.route(QStringLiteral("/feed.xml"), [] {
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"),
                                   QByteArrayLiteral(
                                       "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                       "<title>Team Blog</title><link>http://127.0.0.1/</link>"
                                       "<item><guid>a</guid><title>First</title><description>Hello "
                                       "@ada #welcome</description></item>"
                                       "<item><guid>b</guid><title>Second</title><description>More"
                                       "</description></item></channel></rss>"));
    });
    const quint16 port = server.listen(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(port != 0);
    FeedRepository::NewFeed feed;
    feed.url = QStringLiteral("http://127.0.0.1:%1/feed.xml").arg(port);
    FeedRepository(m_db->connectionName()).addFeed(feed);
    m_pane->reload();

    QSignalSpy done(m_pane.get(), &FeedsPane::syncDone);
    auto *syncButton = m_pane->findChild<QPushButton *>(QStringLiteral("syncNowButton"));
    syncButton->click();
    QVERIFY(m_pane->isSyncing());
    QVERIFY(done.wait(15000));
    QVERIFY(!m_pane->isSyncing());
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items")), 2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 2);
    QCOMPARE(FeedRepository(m_db->connectionName()).feeds().at(0).title,
             QStringLiteral("Team Blog"));
    auto *status = m_pane->findChild<QLabel *>(QStringLiteral("syncStatus"));
    QVERIFY2(status->text().contains(QLatin1Char('2')), qPrintable(status->text()));
    // The tree shows the feed with its two unread items.
    auto *tree = m_pane->findChild<QTreeView *>(QStringLiteral("feedsTree"));
    QVERIFY(tree->model()->index(0, 0).data().toString().contains(QLatin1String("(2)")));
}

namespace {

// A 1x1 PNG.
QByteArray pixelPng()
{
    QImage image(1, 1, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// Selects the row of the item list whose title ends with this text.
bool selectItem(QTableView *table, const QString &title)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data().toString().endsWith(title)) {
            table->setCurrentIndex(table->model()->index(row, 0));
            return true;
        }
    }
    return false;
}

} // namespace

void tst_FeedsPane::remoteImagesLoadOnlyWhenAllowed()
{
    QHttpServer server;
    QList<QString> imageRequests;
    quint16 port = 0;
    server.route(QStringLiteral("/feed.xml"), [&port] {
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        return QHttpServerResponse(
            QByteArrayLiteral("application/rss+xml"),
            QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                           "<title>Pictures</title><link>%1/</link>"
                           "<item><guid>a</guid><title>One</title><pubDate>Mon, 02 Jan 2023 "
                           "10:00:00 GMT</pubDate><description>&lt;p&gt;See &lt;img "
                           "src=\"%1/one.png\"&gt;&lt;/p&gt;</description></item>"
                           "<item><guid>b</guid><title>Two</title><pubDate>Tue, 03 Jan 2023 "
                           "10:00:00 GMT</pubDate><description>&lt;img src=\"%1/two.png\"&gt;"
                           "</description></item></channel></rss>")
                .arg(base)
                .toUtf8());
    });
    server.route(QStringLiteral("/<arg>.png"), [&imageRequests](const QString &name) {
        imageRequests << name;
        return QHttpServerResponse(QByteArrayLiteral("image/png"), pixelPng());
    });
    port = server.listen(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(port != 0);
    FeedRepository::NewFeed feed;
    feed.url = QStringLiteral("http://127.0.0.1:%1/feed.xml").arg(port);
    const qint64 feedId = FeedRepository(m_db->connectionName()).addFeed(feed);
    m_pane->reload();
    QSignalSpy done(m_pane.get(), &FeedsPane::syncDone);
    m_pane->syncNow({feedId});
    QVERIFY(done.wait(15000));
    QVERIFY(m_pane->selectFeed(feedId));

    auto *table = m_pane->findChild<QTableView *>(QStringLiteral("feedItemsTable"));
    auto *bar = m_pane->findChild<QWidget *>(QStringLiteral("remoteImagesBar"));
    auto *reader = m_pane->findChild<FeedReader *>(QStringLiteral("feedReader"));
    QVERIFY(table && bar && reader);
    QCOMPARE(table->model()->rowCount(), 2);

    // Reading an item asks the network for nothing; the bar says what was held back.
    QVERIFY(selectItem(table, QStringLiteral("One")));
    QVERIFY(reader->toPlainText().contains(QLatin1String("See")));
    QVERIFY(bar->isVisible());
    QCOMPARE(reader->blockedCount(), 1);
    QTest::qWait(200);
    QVERIFY(imageRequests.isEmpty());

    // Load Images: this item's image only.
    m_pane->findChild<QToolButton *>(QStringLiteral("loadRemoteImages"))->click();
    QTRY_COMPARE(imageRequests, QList<QString>{QStringLiteral("one")});
    QVERIFY(!bar->isVisible());

    // The next item of the same feed holds back its image again, until "always" is chosen.
    QVERIFY(selectItem(table, QStringLiteral("Two")));
    QVERIFY(bar->isVisible());
    QTest::qWait(200);
    QCOMPARE(imageRequests.size(), 1);
    m_pane->findChild<QToolButton *>(QStringLiteral("alwaysLoadRemoteImages"))->click();
    QTRY_COMPARE(imageRequests.size(), 2);
    QCOMPARE(imageRequests.at(1), QStringLiteral("two"));

    // From now on this feed's items load their images without asking, also after a restart.
    QVERIFY(FeedRepository(m_db->connectionName()).feed(feedId).remoteContentAllowed);
    QVERIFY(selectItem(table, QStringLiteral("One")));
    QVERIFY(!bar->isVisible());
    QVERIFY(reader->remoteImagesAllowed());
}

void tst_FeedsPane::feedStatusAndFolderScope()
{
    FeedRepository repository(m_db->connectionName());
    FeedRepository::NewFeed broken;
    broken.url = QStringLiteral("https://broken.example.org/feed");
    broken.folderPath = QStringLiteral("Blogs");
    const qint64 brokenId = repository.addFeed(broken);
    FeedRepository::FetchRecord record;
    record.httpStatus = 500;
    record.errorText = QStringLiteral("The server answered with HTTP status 500.");
    repository.recordFetch(brokenId, record);
    FeedRepository::NewFeed other;
    other.url = QStringLiteral("https://other.example.org/feed");
    const qint64 otherId = repository.addFeed(other);
    for (const qint64 id : {brokenId, otherId}) {
        SqlQuery insert(m_db->connectionName(),
                        QStringLiteral("INSERT INTO feed_items (feed_id, dedup_key, title, "
                                       "fetched_at) VALUES (?, 'k', ?, 1700000000)"));
        insert.bind(id).bind(QStringLiteral("Item of %1").arg(id)).exec();
    }
    m_pane->reload();

    auto *status = m_pane->findChild<QLabel *>(QStringLiteral("feedStatus"));
    auto *table = m_pane->findChild<QTableView *>(QStringLiteral("feedItemsTable"));
    QVERIFY(m_pane->selectFeed(brokenId));
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QLatin1String("HTTP 500")), qPrintable(status->text()));
    QVERIFY(status->text().contains(QLatin1String("The server answered with HTTP status 500.")));
    QCOMPARE(table->model()->rowCount(), 1);

    // The folder lists its feed's items; All Items lists both.
    auto *tree = m_pane->findChild<QTreeView *>(QStringLiteral("feedsTree"));
    const auto *feeds = qobject_cast<FeedsModel *>(tree->model());
    tree->setCurrentIndex(feeds->indexOfFolder(repository.ensureFolder(QStringLiteral("Blogs"))));
    QVERIFY(!status->isVisible());
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(),
             QStringLiteral("Item of %1").arg(brokenId));
    tree->setCurrentIndex(tree->model()->index(0, 0));
    QCOMPARE(table->model()->rowCount(), 2);

    // The selection survives a reload (after a sync, or a change in another window).
    QVERIFY(m_pane->selectFeed(otherId));
    m_pane->reload();
    QCOMPARE(m_pane->currentFeedId(), otherId);
    QCOMPARE(table->model()->rowCount(), 1);
}

void tst_FeedsPane::markAllReadAndRemoveFeed()
{
    QVERIFY2(m_db->fillDemo(TestDatabase::demoOptions()), qPrintable(m_db->errorString()));
    m_pane->reload();
    const qint64 feedId = m_db->scalar(QStringLiteral("SELECT MIN(id) FROM feeds")).toLongLong();
    SqlQuery unread(m_db->connectionName(), QStringLiteral("UPDATE feed_items SET is_read = 0"));
    unread.exec();
    QVERIFY(m_pane->selectFeed(feedId));
    m_pane->markAllRead();
    QCOMPARE(m_db->count(QStringLiteral(
                             "SELECT COUNT(*) FROM feed_items WHERE feed_id = ? AND is_read = 0"),
                         {feedId}),
             0);
    QVERIFY(m_db->count(QStringLiteral(
                            "SELECT COUNT(*) FROM feed_items WHERE feed_id <> ? AND is_read = 0"),
                        {feedId})
            > 0);
    // The tree no longer counts unread items for that feed.
    auto *tree = m_pane->findChild<QTreeView *>(QStringLiteral("feedsTree"));
    QCOMPARE(tree->currentIndex().data(FeedsModel::UnreadRole).toInt(), 0);

    // Removing asks first; Cancel keeps the feed.
    const int discussions = m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions"));
    auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box)
                box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    QVERIFY(!m_pane->removeFeed(feedId));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds WHERE id = ?"), {feedId}), 1);
    answer(QMessageBox::Yes);
    QVERIFY(m_pane->removeFeed(feedId));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds WHERE id = ?"), {feedId}), 0);
    // The community's history stays.
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), discussions);
    QCOMPARE(m_pane->currentFeedId(), 0);
}

void tst_FeedsPane::syncCountsComments()
{
    // One item whose comments feed answers, one whose comments feed fails.
    QHttpServer server;
    quint16 port = 0;
    server.route(QStringLiteral("/feed.xml"), [&port] {
        const QByteArray today = QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toLatin1();
        const QByteArray base = "http://127.0.0.1:" + QByteArray::number(port);
        return QHttpServerResponse(
            QByteArrayLiteral("application/rss+xml"),
            "<?xml version=\"1.0\"?><rss version=\"2.0\" "
            "xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"><channel><title>Blog</title>"
            "<item><guid>a</guid><title>First</title><pubDate>"
                + today + "</pubDate><wfw:commentRss>" + base
                + "/a.xml</wfw:commentRss></item><item><guid>b</guid><title>Second</title>"
                  "<pubDate>"
                + today + "</pubDate><wfw:commentRss>" + base
                + "/b.xml</wfw:commentRss></item></channel></rss>");
    });
    server.route(QStringLiteral("/a.xml"), [] {
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"),
                                   QByteArrayLiteral(
                                       "<rss version=\"2.0\"><channel><title>C</title>"
                                       "<item><guid>c1</guid><description>Yes</description></item>"
                                       "<item><guid>c2</guid><description>No</description></item>"
                                       "</channel></rss>"));
    });
    port = server.listen(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(port != 0);
    FeedRepository::NewFeed feed;
    feed.url = QStringLiteral("http://127.0.0.1:%1/feed.xml").arg(port);
    feed.followComments = true;
    FeedRepository(m_db->connectionName()).addFeed(feed);
    m_pane->reload();

    QSignalSpy done(m_pane.get(), &FeedsPane::syncDone);
    m_pane->findChild<QPushButton *>(QStringLiteral("syncNowButton"))->click();
    QVERIFY(done.wait(15000));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 4);
    const QString status = m_pane->findChild<QLabel *>(QStringLiteral("syncStatus"))->text();
    QVERIFY2(status.contains(QLatin1String("2 new comment")), qPrintable(status));
    QVERIFY2(status.contains(QLatin1String("1 comment feed(s) could not be read")),
             qPrintable(status));
}

void tst_FeedsPane::episodeBarFollowsTheSelection()
{
    const QList<qint64> items
        = m_db->addPodcastItems(QStringLiteral("https://pod.example.org/feed"),
                                {{QStringLiteral("https://pod.example.org/one.mp3")}, {}});
    QVERIFY2(items.size() == 2, qPrintable(m_db->errorString()));
    m_pane->reload();
    auto *bar = m_pane->findChild<QWidget *>(QStringLiteral("episodeDownloadBar"));
    QVERIFY(bar);
    QVERIFY(bar->isHidden());
    auto *table = m_pane->findChild<QTableView *>(QStringLiteral("feedItemsTable"));
    QCOMPARE(table->model()->rowCount(), 2);
    int podcastRow = -1;
    for (int row = 0; row < 2; ++row) {
        table->setCurrentIndex(table->model()->index(row, 0));
        const qint64 id = table->model()->index(row, 0).data(PagedTableModel::IdRole).toLongLong();
        QCOMPARE(bar->isVisible(), id == items.at(0));
        if (id == items.at(0))
            podcastRow = row;
    }
    QVERIFY(podcastRow >= 0);
    table->setCurrentIndex(table->model()->index(podcastRow, 0));
    QVERIFY(bar->isVisible());
    // Another feed in the tree: no item is selected, so no episode either.
    const QList<qint64> other
        = m_db->addPodcastItems(QStringLiteral("https://other.example.org/feed"),
                                {{QStringLiteral("https://other.example.org/two.mp3")}});
    QCOMPARE(other.size(), 1);
    auto *tree = m_pane->findChild<QTreeView *>(QStringLiteral("feedsTree"));
    m_pane->reload();
    table->setCurrentIndex(table->model()->index(podcastRow, 0));
    QVERIFY(bar->isVisible());
    for (int row = 0; row < tree->model()->rowCount() && bar->isVisible(); ++row)
        tree->setCurrentIndex(tree->model()->index(row, 0));
    QVERIFY(bar->isHidden());
    table->setCurrentIndex(table->model()->index(podcastRow, 0));
    const QString dir = qEnvironmentVariable("WATERCOOLER_GRAB_DIR");
    if (!dir.isEmpty()) {
        QCoreApplication::processEvents();
        m_pane->grab().save(QDir(dir).filePath(QStringLiteral("feeds-pane-episode.png")));
    }
}

QTEST_MAIN(tst_FeedsPane)
#include "tst_feedspane.moc"
