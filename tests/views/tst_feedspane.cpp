// Tests FeedsPane: adding a feed through its dialog shows it in the tree, a web page's feeds can
// be added together, a bad address cannot be added, and a read-only database offers no way to
// add feeds.
#include "addfeeddialog.h"
#include "feedrepository.h"
#include "feedsite.h"
#include "feedspane.h"
#include "testdatabase.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
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
    // The tree shows the folder with the feed inside.
    auto *tree = m_pane->findChild<QTreeView *>(QStringLiteral("feedsTree"));
    QCOMPARE(tree->model()->rowCount(), 1);
    QCOMPARE(tree->model()->index(0, 0).data().toString(), QStringLiteral("Blogs"));
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
    auto *tree = m_pane->findChild<QTreeView *>(QStringLiteral("feedsTree"));
    QCOMPARE(tree->model()->rowCount(), 2);
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

QTEST_MAIN(tst_FeedsPane)
#include "tst_feedspane.moc"
