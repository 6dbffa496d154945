// GUI smoke test: the main window on an empty and on the sample community, every pane in turn.
#include "dashboardpane.h"
#include "database.h"
#include "demogenerator.h"
#include "emptystatewidget.h"
#include "feedrepository.h"
#include "feedspane.h"
#include "mainwindow.h"
#include "memberspane.h"
#include "pane.h"
#include "testdatabase.h"

#include <QAbstractItemView>
#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyDatabaseShowsHints();
    void sampleCommunityFillsEveryPane();
    void twoWindowsSeeEachOthersEdits();
    void openSampleCommunityUsesItsOwnFile();
    void feedSyncShowsInTheStatusBar();

private:
    std::unique_ptr<Database> openDatabase(const QString &path);
    void saveScreenshot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Keep settings and the sample file away from the user's own, and from other runs of this
    // test (the SQLite and PostgreSQL runs may go at the same time).
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
    QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QVERIFY(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).startsWith(m_dir.path()));
}

std::unique_ptr<Database> TestMainWindow::openDatabase(const QString &path)
{
    auto database = std::make_unique<Database>(DatabaseLocation::sqlite(path));
    database->open();
    return database;
}

void TestMainWindow::saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WATERCOOLER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

void TestMainWindow::emptyDatabaseShowsHints()
{
    MainWindow window(openDatabase(m_dir.filePath(QStringLiteral("empty.sqlite"))));
    window.resize(1200, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (int i = 0; i < MainWindow::PaneCount; ++i) {
        window.setCurrentPane(i);
        Pane *pane = window.pane(i);
        QVERIFY(pane);
        if (auto *dashboard = qobject_cast<DashboardPane *>(pane))
            QTRY_VERIFY(!dashboard->isComputing());
        QVERIFY2(pane->isShowingEmptyState(), qPrintable(QStringLiteral("pane %1").arg(i)));
        const auto *empty = pane->findChild<EmptyStateWidget *>();
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QVERIFY(!empty->message().isEmpty());
    }
    window.setCurrentPane(MainWindow::MembersPaneIndex);
    saveScreenshot(&window, QStringLiteral("empty-members"));
}

void TestMainWindow::sampleCommunityFillsEveryPane()
{
    // On the backend under test: an SQLite file, or a database on the PostgreSQL server.
    TestDatabase sample;
    QVERIFY2(sample.open(), qPrintable(sample.errorString()));
    DemoGenerator::Options options;
    options.seed = 7;
    QVERIFY2(sample.fillDemo(options), qPrintable(sample.errorString()));
    auto database = std::make_unique<Database>(sample.database().location());
    database->open();
    MainWindow window(std::move(database));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto rowsIn = [&](const char *name) {
        const auto *view = window.findChild<QAbstractItemView *>(QLatin1String(name));
        return view && view->model() ? view->model()->rowCount() : -1;
    };

    window.setCurrentPane(MainWindow::MembersPaneIndex);
    QVERIFY(!window.pane(MainWindow::MembersPaneIndex)->isShowingEmptyState());
    QCOMPARE(rowsIn("membersTable"), 60);
    QTRY_VERIFY(
        !window.findChild<QTextBrowser *>(QStringLiteral("memberDetail"))->toPlainText().isEmpty());
    saveScreenshot(&window, QStringLiteral("members"));

    window.setCurrentPane(MainWindow::DiscussionsPaneIndex);
    QVERIFY(!window.pane(MainWindow::DiscussionsPaneIndex)->isShowingEmptyState());
    QCOMPARE(rowsIn("discussionsTable"), 60); // 40 forum threads and 20 feed items
    QVERIFY(rowsIn("threadTree") > 0);
    QVERIFY(!window.findChild<QTextBrowser *>(QStringLiteral("postView"))->toPlainText().isEmpty());
    saveScreenshot(&window, QStringLiteral("discussions"));

    window.setCurrentPane(MainWindow::MaturityPaneIndex);
    QVERIFY(!window.pane(MainWindow::MaturityPaneIndex)->isShowingEmptyState());
    QCOMPARE(rowsIn("assessmentTable"), 8);
    QCOMPARE(window.findChild<QComboBox *>(QStringLiteral("assessmentCombo"))->count(), 1);
    QVERIFY(!window.findChild<QChartView *>(QStringLiteral("maturityChart"))
                 ->chart()
                 ->series()
                 .isEmpty());
    saveScreenshot(&window, QStringLiteral("maturity"));

    window.setCurrentPane(MainWindow::FeedsPaneIndex);
    QVERIFY(!window.pane(MainWindow::FeedsPaneIndex)->isShowingEmptyState());
    QCOMPARE(rowsIn("feedsTree"), 3); // All Items, folders Community and Podcasts
    QCOMPARE(rowsIn("feedItemsTable"), 20);
    saveScreenshot(&window, QStringLiteral("feeds"));

    window.setCurrentPane(MainWindow::DashboardPaneIndex);
    auto *dashboard = qobject_cast<DashboardPane *>(window.pane(MainWindow::DashboardPaneIndex));
    QTRY_VERIFY(!dashboard->isComputing());
    QVERIFY(!dashboard->isShowingEmptyState());
    QTRY_VERIFY(rowsIn("topContributors") > 0);
    QVERIFY(!window.findChild<QChartView *>(QStringLiteral("activityChart"))
                 ->chart()
                 ->series()
                 .isEmpty());
    saveScreenshot(&window, QStringLiteral("dashboard"));
}

void TestMainWindow::twoWindowsSeeEachOthersEdits()
{
    TestDatabase shared;
    QVERIFY2(shared.open(), qPrintable(shared.errorString()));
    QVERIFY2(shared.fillDemo(TestDatabase::demoOptions()), qPrintable(shared.errorString()));
    auto openWindow = [&] {
        auto database = std::make_unique<Database>(shared.database().location());
        database->open();
        auto window = std::make_unique<MainWindow>(std::move(database));
        window->show();
        return window;
    };
    const auto mine = openWindow();
    const auto theirs = openWindow();
    QVERIFY(QTest::qWaitForWindowExposed(mine.get()));
    QVERIFY(QTest::qWaitForWindowExposed(theirs.get()));

    // Both show the same first member; one writes a note about them.
    auto *myDetail = mine->findChild<QTextBrowser *>(QStringLiteral("memberDetail"));
    auto *theirDetail = theirs->findChild<QTextBrowser *>(QStringLiteral("memberDetail"));
    QTRY_VERIFY(!myDetail->toPlainText().isEmpty());
    QTRY_VERIFY(!theirDetail->toPlainText().isEmpty());
    auto *notes = mine->findChild<QPlainTextEdit *>(QStringLiteral("memberNotes"));
    notes->setPlainText(QStringLiteral("Hosts the spring meetup"));
    notes->document()->setModified(true);
    auto *membersPane = qobject_cast<MembersPane *>(mine->pane(MainWindow::MembersPaneIndex));
    QVERIFY(membersPane->saveNotes());

    // The other window refreshes on its own.
    QTRY_VERIFY_WITH_TIMEOUT(theirDetail->toPlainText().contains(
                                 QLatin1String("Hosts the spring meetup")),
                             10000);
}

void TestMainWindow::openSampleCommunityUsesItsOwnFile()
{
    const QString own = m_dir.filePath(QStringLiteral("own.sqlite"));
    MainWindow window(openDatabase(own));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.pane(MainWindow::MembersPaneIndex)->isShowingEmptyState());

    QSignalSpy opened(&window, &MainWindow::databaseOpened);
    window.openSampleCommunity();
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.database().location().filePath, MainWindow::sampleDatabasePath());
    QVERIFY(!window.pane(MainWindow::MembersPaneIndex)->isShowingEmptyState());

    // The user's own database got no sample data.
    auto database = openDatabase(own);
    QSqlQuery query(QSqlDatabase::database(database->connectionName()));
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM members")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void TestMainWindow::feedSyncShowsInTheStatusBar()
{
    // The server answers from this thread's event loop, so the sync is still running when the
    // window is looked at right after the start.
    QHttpServer server;
    server.route(QStringLiteral("/feed.xml"), [] {
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"),
                                   QByteArrayLiteral("<rss version=\"2.0\"><channel><title>Slow"
                                                     "</title><item><guid>1</guid><title>One"
                                                     "</title></item></channel></rss>"));
    });
    const quint16 port = server.listen(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(port != 0);
    auto database = openDatabase(m_dir.filePath(QStringLiteral("sync.sqlite")));
    FeedRepository::NewFeed feed;
    feed.url = QStringLiteral("http://127.0.0.1:%1/feed.xml").arg(port);
    FeedRepository(database->connectionName()).addFeed(feed);
    MainWindow window(std::move(database));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Started from the menu while another pane is open.
    window.setCurrentPane(MainWindow::MembersPaneIndex);
    auto *indicator = window.findChild<QWidget *>(QStringLiteral("syncIndicator"));
    QVERIFY(indicator);
    QVERIFY(!indicator->isVisible());
    auto *feeds = qobject_cast<FeedsPane *>(window.pane(MainWindow::FeedsPaneIndex));
    QSignalSpy done(feeds, &FeedsPane::syncDone);
    window.findChild<QAction *>(QStringLiteral("syncFeedsAction"))->trigger();
    QVERIFY(feeds->isSyncing());
    QVERIFY(indicator->isVisible());
    QVERIFY(done.wait(15000));
    QVERIFY(!indicator->isVisible());
    QCOMPARE(window.currentPane(), int(MainWindow::MembersPaneIndex));
    QCOMPARE(FeedRepository(window.database().connectionName()).feeds().at(0).title,
             QStringLiteral("Slow"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
