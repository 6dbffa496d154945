// GUI smoke test: the main window on an empty and on the sample community, every pane in turn.
#include "dashboardpane.h"
#include "database.h"
#include "demogenerator.h"
#include "emptystatewidget.h"
#include "mainwindow.h"
#include "pane.h"

#include <QAbstractItemView>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
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
    void openSampleCommunityUsesItsOwnFile();

private:
    std::unique_ptr<Database> openDatabase(const QString &path);
    void saveScreenshot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Keep settings and the sample file away from the user's own.
    QStandardPaths::setTestModeEnabled(true);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
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
    const QString path = m_dir.filePath(QStringLiteral("sample.sqlite"));
    {
        auto database = openDatabase(path);
        DemoGenerator::Options options;
        options.seed = 7;
        DemoGenerator(options).generate(database->connectionName());
    }
    MainWindow window(openDatabase(path));
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
    QCOMPARE(rowsIn("feedsTree"), 2); // folders Community and Podcasts
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
