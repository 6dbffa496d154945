// Tests AddFeedDialog against a web site on 127.0.0.1: Find Feeds lists a page's feeds to check,
// Add on a feed's address adds it at once, errors and stopping keep the dialog usable.
#include "addfeeddialog.h"
#include "feedsite.h"
#include "silentserver.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

class tst_AddFeedDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void findFeedsListsThePageFeeds();
    void addOnAFeedAddsItAtOnce();
    void addOnAPageListsItsFeeds();
    void errorsShowInTheDialog();
    void stopAndEditEndTheSearch();
    void followedFeedsAreNotOfferedAgain();
    void badAddress();

private:
    void type(const QString &text);
    void waitForSearch();
    void saveScreenshot(const QString &name);
    [[nodiscard]] QPushButton *ok() const;
    [[nodiscard]] QPushButton *find() const;
    [[nodiscard]] QTreeWidget *found() const;
    [[nodiscard]] QString hint() const;
    [[nodiscard]] bool busyShown() const;

    FeedSite m_site;
    std::unique_ptr<AddFeedDialog> m_dialog;
};

void tst_AddFeedDialog::init()
{
    QVERIFY(m_site.isListening());
    m_dialog = std::make_unique<AddFeedDialog>(
        QStringList{QStringLiteral("Blogs"), QStringLiteral("Blogs/Team")});
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void tst_AddFeedDialog::cleanup()
{
    m_dialog.reset();
}

void tst_AddFeedDialog::type(const QString &text)
{
    auto *edit = m_dialog->findChild<QLineEdit *>(QStringLiteral("feedUrl"));
    edit->clear();
    QTest::keyClicks(edit, text);
}

void tst_AddFeedDialog::waitForSearch()
{
    QSignalSpy finished(m_dialog.get(), &AddFeedDialog::searchFinished);
    QVERIFY(finished.wait(15000));
}

void tst_AddFeedDialog::saveScreenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("WATERCOOLER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50); // the layout settles on the event loop
    QVERIFY(m_dialog->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

QPushButton *tst_AddFeedDialog::ok() const
{
    return m_dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

QPushButton *tst_AddFeedDialog::find() const
{
    return m_dialog->findChild<QPushButton *>(QStringLiteral("findFeedsButton"));
}

QTreeWidget *tst_AddFeedDialog::found() const
{
    return m_dialog->findChild<QTreeWidget *>(QStringLiteral("foundFeeds"));
}

QString tst_AddFeedDialog::hint() const
{
    return m_dialog->findChild<QLabel *>(QStringLiteral("feedHint"))->text();
}

bool tst_AddFeedDialog::busyShown() const
{
    return m_dialog->findChild<QProgressBar *>(QStringLiteral("discoveryBusy"))->isVisible();
}

void tst_AddFeedDialog::findFeedsListsThePageFeeds()
{
    QVERIFY(!found()->isVisible());
    QVERIFY(!busyShown());
    saveScreenshot(QStringLiteral("add-feed-empty"));
    type(m_site.url(FeedSite::BlogPath).toString());
    m_dialog->findChild<QComboBox *>(QStringLiteral("feedFolder"))
        ->setEditText(QStringLiteral("Blogs/Team"));
    QVERIFY(find()->isEnabled());
    QSignalSpy finished(m_dialog.get(), &AddFeedDialog::searchFinished);
    find()->click();
    // Busy, stoppable, and nothing to add until the search ends.
    QVERIFY(m_dialog->isSearching());
    QVERIFY(busyShown());
    QCOMPARE(find()->text(), QStringLiteral("&Stop"));
    QVERIFY(!ok()->isEnabled());
    QVERIFY2(hint().contains(m_site.url(FeedSite::BlogPath).toString()), qPrintable(hint()));
    QVERIFY(finished.wait(15000));

    QVERIFY(!m_dialog->isSearching());
    QVERIFY(!busyShown());
    QVERIFY(found()->isVisible());
    QCOMPARE(found()->topLevelItemCount(), 2);
    const QTreeWidgetItem *posts = found()->topLevelItem(0);
    QCOMPARE(posts->text(AddFeedDialog::TitleColumn), QStringLiteral("Team posts"));
    QCOMPARE(posts->text(AddFeedDialog::FormatColumn), QStringLiteral("RSS"));
    QCOMPARE(posts->text(AddFeedDialog::UrlColumn), m_site.url(FeedSite::PostsPath).toString());
    QCOMPARE(posts->checkState(AddFeedDialog::TitleColumn), Qt::Checked);
    QTreeWidgetItem *comments = found()->topLevelItem(1);
    QCOMPARE(comments->text(AddFeedDialog::FormatColumn), QStringLiteral("Atom"));
    QCOMPARE(comments->checkState(AddFeedDialog::TitleColumn), Qt::Unchecked);
    // The English plural forms come from the translation, which the tests do not load.
    QVERIFY2(ok()->text().startsWith(QLatin1String("Add 1 Feed")), qPrintable(ok()->text()));
    QVERIFY(ok()->isEnabled());
    QVERIFY2(hint().contains(QLatin1String("Found 2 feed")), qPrintable(hint()));
    saveScreenshot(QStringLiteral("add-feed-found"));

    QList<FeedRepository::NewFeed> feeds = m_dialog->feeds();
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.at(0).url, m_site.url(FeedSite::PostsPath).toString());
    QCOMPARE(feeds.at(0).title, QStringLiteral("Team posts"));
    QCOMPARE(feeds.at(0).format, QStringLiteral("rss"));
    QCOMPARE(feeds.at(0).folderPath, QStringLiteral("Blogs/Team"));

    comments->setCheckState(AddFeedDialog::TitleColumn, Qt::Checked);
    QVERIFY2(ok()->text().startsWith(QLatin1String("Add 2 Feed")), qPrintable(ok()->text()));
    feeds = m_dialog->feeds();
    QCOMPARE(feeds.size(), 2);
    QCOMPARE(feeds.at(1).url, m_site.url(FeedSite::CommentsPath).toString());

    for (int row = 0; row < 2; ++row)
        found()->topLevelItem(row)->setCheckState(AddFeedDialog::TitleColumn, Qt::Unchecked);
    QVERIFY(!ok()->isEnabled());
}

void tst_AddFeedDialog::addOnAFeedAddsItAtOnce()
{
    type(m_site.url(FeedSite::CommentsPath).toString());
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    ok()->click();
    QVERIFY(accepted.wait(15000));
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    const QList<FeedRepository::NewFeed> feeds = m_dialog->feeds();
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.at(0).url, m_site.url(FeedSite::CommentsPath).toString());
    QCOMPARE(feeds.at(0).title, QStringLiteral("Team comments"));
    QCOMPARE(feeds.at(0).format, QStringLiteral("atom"));
}

void tst_AddFeedDialog::addOnAPageListsItsFeeds()
{
    type(m_site.url(FeedSite::BlogPath).toString());
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    ok()->click();
    QVERIFY(m_dialog->isSearching());
    waitForSearch();
    // A page is never subscribed to itself: its feeds are offered instead.
    QCOMPARE(accepted.size(), 0);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(found()->topLevelItemCount(), 2);
    ok()->click();
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(m_dialog->feeds().size(), 1);
}

void tst_AddFeedDialog::errorsShowInTheDialog()
{
    type(m_site.url(QStringLiteral("/missing")).toString());
    find()->click();
    waitForSearch();
    QVERIFY2(hint().contains(QLatin1String("HTTP 404")), qPrintable(hint()));
    QVERIFY(m_dialog->findChild<QLabel *>(QStringLiteral("feedHint"))->property("error").toBool());
    QVERIFY(!found()->isVisible());
    QVERIFY(!busyShown());
    saveScreenshot(QStringLiteral("add-feed-error"));

    type(m_site.url(FeedSite::AboutPath).toString());
    QVERIFY(!m_dialog->findChild<QLabel *>(QStringLiteral("feedHint"))->property("error").toBool());
    find()->click();
    waitForSearch();
    QVERIFY2(hint().startsWith(QLatin1String("No feeds found at ")), qPrintable(hint()));

    // The address can still be taken as it is, on purpose.
    QCOMPARE(ok()->text(), QStringLiteral("Add Anyway"));
    QVERIFY(ok()->isEnabled());
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    ok()->click();
    QCOMPARE(accepted.size(), 1);
    const QList<FeedRepository::NewFeed> feeds = m_dialog->feeds();
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.at(0).url, m_site.url(FeedSite::AboutPath).toString());
}

void tst_AddFeedDialog::stopAndEditEndTheSearch()
{
    SilentServer silent;
    type(silent.url().toString());
    find()->click();
    QTRY_COMPARE(silent.connections(), 1);
    QVERIFY(m_dialog->isSearching());
    saveScreenshot(QStringLiteral("add-feed-searching"));
    find()->click(); // Stop
    QVERIFY(!m_dialog->isSearching());
    QVERIFY(!busyShown());
    QCOMPARE(find()->text(), QStringLiteral("&Find Feeds"));
    QCOMPARE(ok()->text(), QStringLiteral("Add"));
    QVERIFY(ok()->isEnabled());
    QVERIFY2(hint().contains(QLatin1String("Stopped")), qPrintable(hint()));

    // Typing during a search ends it; typing after one drops what it found.
    find()->click();
    QVERIFY(m_dialog->isSearching());
    type(m_site.url(FeedSite::BlogPath).toString());
    QVERIFY(!m_dialog->isSearching());
    find()->click();
    waitForSearch();
    QCOMPARE(found()->topLevelItemCount(), 2);
    type(m_site.url(FeedSite::PostsPath).toString());
    QCOMPARE(found()->topLevelItemCount(), 0);
    QVERIFY(!found()->isVisible());
    QCOMPARE(ok()->text(), QStringLiteral("Add"));

    // Closing the dialog ends a search too.
    type(silent.url().toString());
    find()->click();
    QVERIFY(m_dialog->isSearching());
    m_dialog->reject();
    QVERIFY(!m_dialog->isSearching());
}

void tst_AddFeedDialog::followedFeedsAreNotOfferedAgain()
{
    m_dialog->setFollowedUrls({m_site.url(FeedSite::PostsPath).toString()});
    type(m_site.url(FeedSite::PostsPath).toString());
    QVERIFY(!ok()->isEnabled());
    QVERIFY2(hint().contains(QLatin1String("already follow")), qPrintable(hint()));

    type(m_site.url(FeedSite::BlogPath).toString());
    find()->click();
    waitForSearch();
    QCOMPARE(found()->topLevelItemCount(), 2);
    const QTreeWidgetItem *posts = found()->topLevelItem(0);
    QVERIFY(!(posts->flags() & Qt::ItemIsEnabled));
    QCOMPARE(posts->checkState(AddFeedDialog::TitleColumn), Qt::Unchecked);
    QVERIFY(posts->text(AddFeedDialog::TitleColumn).contains(QLatin1String("already followed")));
    // The first feed not followed yet is the one checked.
    QCOMPARE(found()->topLevelItem(1)->checkState(AddFeedDialog::TitleColumn), Qt::Checked);
    QCOMPARE(m_dialog->feeds().size(), 1);
    QCOMPARE(m_dialog->feeds().at(0).url, m_site.url(FeedSite::CommentsPath).toString());
    saveScreenshot(QStringLiteral("add-feed-followed"));
}

void tst_AddFeedDialog::badAddress()
{
    type(QStringLiteral("ftp://files.example.org/feed"));
    QVERIFY(!ok()->isEnabled());
    QVERIFY(!find()->isEnabled());
    QVERIFY(m_dialog->findChild<QLabel *>(QStringLiteral("feedHint"))->property("error").toBool());
    m_dialog->findFeeds();
    QVERIFY(!m_dialog->isSearching());
}

QTEST_MAIN(tst_AddFeedDialog)
#include "tst_addfeeddialog.moc"
