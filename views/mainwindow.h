// The main window: a sidebar of panes over one community database, its menus and status bar.
#pragma once

#include <QFutureWatcher>
#include <QMainWindow>

#include <atomic>
#include <memory>

class ChangeNotifier;
class Database;
class DatabaseLocation;
class FeedsPane;
class Pane;
class QLabel;
class QListWidget;
class QProgressBar;
class QProgressDialog;
class QStackedWidget;
class QUndoStack;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum PaneIndex {
        MembersPaneIndex,
        DiscussionsPaneIndex,
        MaturityPaneIndex,
        FeedsPaneIndex,
        DashboardPaneIndex,
        PaneCount
    };

    explicit MainWindow(std::unique_ptr<Database> database, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] const Database &database() const { return *m_database; }
    // The current role may only read the database: edits are off and a badge says so.
    [[nodiscard]] bool isReadOnly() const;
    [[nodiscard]] Pane *pane(int index) const;
    [[nodiscard]] int currentPane() const;
    void setCurrentPane(int index);

    // Generates the sample community in its own file (off the GUI thread, with progress and
    // cancel) and opens it. The user's own database is left as it is.
    void openSampleCommunity();
    // Switches the window to another database; keeps the current one when that fails.
    bool openDatabase(const DatabaseLocation &location);
    [[nodiscard]] static QString sampleDatabasePath();

Q_SIGNALS:
    void databaseOpened();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void buildPanes();
    void reloadPanes();
    void showError(const QString &message);
    void offerReconnect();
    void chooseDatabaseFile();
    void createDatabaseFile();
    void showAbout();
    void copyCommunity();
    void connectToTeamDatabase();
    void showAccessMode();
    void sampleGenerated();
    [[nodiscard]] FeedsPane *feedsPane() const;
    void connectFeedSync(FeedsPane *feeds);

    std::unique_ptr<Database> m_database;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QLabel *m_readOnlyBadge = nullptr;
    // Feed sync progress, shown in the status bar whichever pane is open.
    QWidget *m_syncIndicator = nullptr;
    QLabel *m_syncLabel = nullptr;
    QProgressBar *m_syncBar = nullptr;
    QList<QAction *> m_writeActions;
    QProgressDialog *m_progress = nullptr;
    QFutureWatcher<QString> m_sampleWatcher; // empty result: success, else the error
    std::shared_ptr<std::atomic<bool>> m_cancelSample;
    ChangeNotifier *m_changes = nullptr;
    QUndoStack *m_undoStack = nullptr;
    bool m_offeringReconnect = false;
};
