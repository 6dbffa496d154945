// Tests FeedsPane: adding a feed through its dialog shows it in the tree, a bad address cannot
// be added, and a read-only database offers no way to add feeds.
#include "addfeeddialog.h"
#include "feedrepository.h"
#include "feedspane.h"
#include "testdatabase.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
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

QTEST_MAIN(tst_FeedsPane)
#include "tst_feedspane.moc"
