// Tests FeedsPane: adding a feed through its dialog shows it in the tree, a bad address cannot
// be added, and a read-only database offers no way to add feeds.
#include "addfeeddialog.h"
#include "feedrepository.h"
#include "feedspane.h"
#include "pagedtablemodel.h"
#include "testdatabase.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>

class tst_FeedsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addFeedThroughTheDialog();
    void badAddressCannotBeAdded();
    void readOnlyOffersNoAdding();
    void syncNowBringsItemsIn();
    void episodeBarFollowsTheSelection();

private:
    // Fills the next AddFeedDialog that opens and presses OK (or Cancel when OK is disabled).
    void answerDialog(const QString &url, const QString &folder);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<FeedsPane> m_pane;
    bool m_okWasEnabled = false;
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

void tst_FeedsPane::addFeedThroughTheDialog()
{
    QVERIFY(m_pane->isShowingEmptyState());
    answerDialog(QStringLiteral("https://blog.example.org/feed.xml"), QStringLiteral("Blogs/Team"));
    QVERIFY(m_pane->addFeed());
    QVERIFY(m_okWasEnabled);
    QVERIFY(!m_pane->isShowingEmptyState());

    const QList<FeedRepository::Feed> feeds = FeedRepository(m_db->connectionName()).feeds();
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.at(0).url, QStringLiteral("https://blog.example.org/feed.xml"));
    QCOMPARE(FeedRepository(m_db->connectionName()).folderPath(feeds.at(0).folderId),
             QStringLiteral("Blogs/Team"));
    // The tree shows the folder with the feed inside.
    auto *tree = m_pane->findChild<QTreeView *>(QStringLiteral("feedsTree"));
    QCOMPARE(tree->model()->rowCount(), 1);
    QCOMPARE(tree->model()->index(0, 0).data().toString(), QStringLiteral("Blogs"));
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
