// Main window wiring: panes, menus, database switching and the sample community.
#include "mainwindow.h"

#include "changenotifier.h"
#include "communitycopytask.h"
#include "connectdatabasedialog.h"
#include "copycommunitydialog.h"
#include "dashboardpane.h"
#include "database.h"
#include "demogenerator.h"
#include "discussionspane.h"
#include "engagementcalculator.h"
#include "feedspane.h"
#include "maturitypane.h"
#include "memberspane.h"
#include "storageerror.h"
#include "transferactions.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>
#include <QUndoStack>
#include <QtConcurrent>

MainWindow::MainWindow(std::unique_ptr<Database> database, QWidget *parent)
    : QMainWindow(parent)
    , m_database(std::move(database))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setFixedWidth(170);
    m_sidebar->setSpacing(2);
    QPalette sidebarPalette = m_sidebar->palette();
    sidebarPalette.setColor(QPalette::Base, sidebarPalette.color(QPalette::Window).darker(104));
    m_sidebar->setPalette(sidebarPalette);
    QFont sidebarFont = m_sidebar->font();
    sidebarFont.setPointSizeF(sidebarFont.pointSizeF() * 1.1);
    m_sidebar->setFont(sidebarFont);
    const std::pair<const char *, QString> entries[]
        = {{QT_TR_NOOP("Members"), QStringLiteral(":/icons/members.svg")},
           {QT_TR_NOOP("Discussions"), QStringLiteral(":/icons/discussions.svg")},
           {QT_TR_NOOP("Maturity"), QStringLiteral(":/icons/maturity.svg")},
           {QT_TR_NOOP("Feeds"), QStringLiteral(":/icons/feeds.svg")},
           {QT_TR_NOOP("Dashboard"), QStringLiteral(":/icons/dashboard.svg")}};
    for (const auto &[name, icon] : entries) {
        auto *item = new QListWidgetItem(QIcon(icon), tr(name), m_sidebar);
        item->setSizeHint(QSize(0, 38));
    }

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("paneStack"));
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_databaseLabel = new QLabel(this);
    m_readOnlyBadge = new QLabel(tr("Read-only"), this);
    m_readOnlyBadge->setObjectName(QStringLiteral("readOnlyBadge"));
    m_readOnlyBadge->setStyleSheet(
        QStringLiteral("QLabel { color: white; background-color: #9a5b00; border-radius: 8px;"
                       " padding: 1px 8px; font-weight: 600; }"));
    m_readOnlyBadge->setToolTip(tr("Your role may read this database but not change it. Ask "
                                   "the database owner for write access."));
    m_readOnlyBadge->hide();
    m_syncIndicator = new QWidget(this);
    m_syncIndicator->setObjectName(QStringLiteral("syncIndicator"));
    m_syncLabel = new QLabel(tr("Syncing feeds"), m_syncIndicator);
    m_syncBar = new QProgressBar(m_syncIndicator);
    m_syncBar->setObjectName(QStringLiteral("syncProgress"));
    m_syncBar->setMaximumWidth(160);
    m_syncBar->setMaximumHeight(16);
    auto *cancelSync = new QToolButton(m_syncIndicator);
    cancelSync->setObjectName(QStringLiteral("cancelSyncButton"));
    cancelSync->setText(tr("Cancel"));
    cancelSync->setAutoRaise(true);
    connect(cancelSync, &QToolButton::clicked, this, [this] {
        if (FeedsPane *feeds = feedsPane())
            feeds->cancelSync();
    });
    auto *syncLayout = new QHBoxLayout(m_syncIndicator);
    syncLayout->setContentsMargins(0, 0, 0, 0);
    syncLayout->addWidget(m_syncLabel);
    syncLayout->addWidget(m_syncBar);
    syncLayout->addWidget(cancelSync);
    m_syncIndicator->hide();
    statusBar()->addPermanentWidget(m_syncIndicator);
    statusBar()->addPermanentWidget(m_readOnlyBadge);
    statusBar()->addPermanentWidget(m_databaseLabel);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(&m_sampleWatcher,
            &QFutureWatcher<QString>::finished,
            this,
            &MainWindow::sampleGenerated);

    createActions();
    buildPanes();

    QSettings settings(QSettings::UserScope, QStringLiteral("watercooler"));
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    m_sidebar->setCurrentRow(
        std::clamp(settings.value(QStringLiteral("window/pane"), 0).toInt(), 0, PaneCount - 1));
}

MainWindow::~MainWindow()
{
    if (m_cancelSample)
        m_cancelSample->store(true);
    m_sampleWatcher.waitForFinished();
    // Panes and the change notifier use the database: they go first.
    delete m_changes;
    delete m_stack;
    m_stack = nullptr;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Database..."), this, &MainWindow::chooseDatabaseFile);
    open->setShortcut(QKeySequence::Open);
    QAction *create = file->addAction(tr("&New Database..."), this, &MainWindow::createDatabaseFile);
    create->setShortcut(QKeySequence::New);
    QAction *sample = file->addAction(tr("Open &Sample Community"),
                                      this,
                                      &MainWindow::openSampleCommunity);
    sample->setObjectName(QStringLiteral("openSampleAction"));
    QAction *copy = file->addAction(tr("&Copy Community To..."), this, &MainWindow::copyCommunity);
    copy->setObjectName(QStringLiteral("copyCommunityAction"));
    QAction *team = file->addAction(tr("Connect to &Team Database..."),
                                    this,
                                    &MainWindow::connectToTeamDatabase);
    team->setObjectName(QStringLiteral("connectTeamDatabaseAction"));
    file->addSeparator();
    auto *transfers = new TransferActions([this]() -> const Database & { return *m_database; },
                                          this);
    transfers->addTo(file);
    connect(transfers, &TransferActions::imported, this, [this](const QString &summary) {
        reloadPanes();
        // Imported posts count towards engagement: the levels follow, off the GUI thread.
        if (auto *members = qobject_cast<MembersPane *>(pane(MembersPaneIndex)))
            members->recomputeEngagement(false);
        statusBar()->showMessage(summary, 10000);
    });
    connect(transfers, &TransferActions::exported, this, [this](const QString &summary) {
        statusBar()->showMessage(summary, 10000);
    });
    connect(transfers, &TransferActions::failed, this, &MainWindow::showError);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    // Undo and redo of the member edits; the stack is emptied when another database opens.
    m_undoStack = new QUndoStack(this);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addActions({undo, redo});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < PaneCount; ++i) {
        QAction *action = view->addAction(m_sidebar->item(i)->text(), this, [this, i] {
            setCurrentPane(i);
        });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction *refresh = view->addAction(tr("&Refresh"), this, &MainWindow::reloadPanes);
    refresh->setShortcut(QKeySequence::Refresh);

    // The Feeds pane's commands, reachable from any pane.
    QMenu *feeds = menuBar()->addMenu(tr("Fee&ds"));
    QAction *addFeed = feeds->addAction(tr("&Add Feed..."), this, [this] {
        setCurrentPane(FeedsPaneIndex);
        if (FeedsPane *pane = feedsPane())
            pane->addFeed();
    });
    QAction *syncFeeds = feeds->addAction(tr("&Sync Feeds Now"), this, [this] {
        if (FeedsPane *pane = feedsPane())
            pane->syncNow();
    });
    syncFeeds->setObjectName(QStringLiteral("syncFeedsAction"));
    syncFeeds->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    feeds->addSeparator();
    QAction *importOpml = feeds->addAction(tr("&Import OPML..."), this, [this] {
        setCurrentPane(FeedsPaneIndex);
        if (FeedsPane *pane = feedsPane())
            pane->importOpml();
    });
    feeds->addAction(tr("&Export OPML..."), this, [this] {
        if (FeedsPane *pane = feedsPane())
            pane->exportOpml();
    });
    m_writeActions = {addFeed, syncFeeds, importOpml};
    m_writeActions << transfers->importActions();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Watercooler"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildPanes()
{
    while (m_stack->count() > 0) {
        QWidget *old = m_stack->widget(0);
        m_stack->removeWidget(old);
        delete old;
    }
    const int current = std::max(0, m_sidebar->currentRow());
    const QList<Pane *> panes{new MembersPane(*m_database, m_stack),
                              new DiscussionsPane(*m_database, m_stack),
                              new MaturityPane(*m_database, m_stack),
                              new FeedsPane(*m_database, m_stack),
                              new DashboardPane(*m_database, m_stack)};
    for (Pane *p : panes) {
        m_stack->addWidget(p);
        connect(p, &Pane::errorOccurred, this, &MainWindow::showError);
        connect(p, &Pane::sampleRequested, this, &MainWindow::openSampleCommunity);
    }
    m_stack->setCurrentIndex(current);
    // A member clicked in a post (author or mention) is looked up in the Members pane.
    if (auto *discussions = qobject_cast<DiscussionsPane *>(pane(DiscussionsPaneIndex))) {
        connect(discussions, &DiscussionsPane::memberRequested, this, [this](qint64 memberId) {
            setCurrentPane(MembersPaneIndex);
            if (auto *members = qobject_cast<MembersPane *>(pane(MembersPaneIndex)))
                members->revealMember(memberId);
        });
    }
    m_syncIndicator->hide();
    if (FeedsPane *feeds = feedsPane())
        connectFeedSync(feeds);
    m_undoStack->clear();
    if (auto *members = qobject_cast<MembersPane *>(pane(MembersPaneIndex))) {
        members->setUndoStack(m_undoStack);
        // Levels are relative to today: a day later, or after an upgrade, they are computed again.
        bool stale = false;
        try {
            stale = !m_database->isReadOnly()
                    && EngagementCalculator(m_database->connectionName()).isStale();
        } catch (const StorageError &) {
            stale = false; // the panes report what cannot be read
        }
        if (stale)
            members->recomputeEngagement(false);
    }

    // Changes made elsewhere (another window, a teammate, a background job) refresh the panes.
    delete m_changes;
    m_changes = new ChangeNotifier(*m_database, this);
    connect(m_changes, &ChangeNotifier::changed, this, &MainWindow::reloadPanes);

    const DatabaseLocation &location = m_database->location();
    const QString name = location.isSqlite() ? QFileInfo(location.filePath).fileName()
                                             : location.displayName();
    setWindowTitle(location.filePath == sampleDatabasePath() ? tr("Sample community") : name);
    m_databaseLabel->setText(location.displayName());
    m_databaseLabel->setToolTip(tr("The community database this window shows"));
    showAccessMode();
}

Pane *MainWindow::pane(int index) const
{
    return qobject_cast<Pane *>(m_stack->widget(index));
}

int MainWindow::currentPane() const
{
    return m_stack->currentIndex();
}

void MainWindow::setCurrentPane(int index)
{
    m_sidebar->setCurrentRow(index);
}

void MainWindow::reloadPanes()
{
    for (int i = 0; i < m_stack->count(); ++i)
        pane(i)->reload();
}

void MainWindow::showError(const QString &message)
{
    // A lost server connection makes every pane fail at once: say it once and offer to
    // reconnect instead of showing each error.
    if (m_offeringReconnect)
        return;
    if (!m_database->isConnected()) {
        offerReconnect();
        return;
    }
    statusBar()->showMessage(message, 10000);
    QMessageBox::warning(this, tr("Watercooler"), message);
}

void MainWindow::offerReconnect()
{
    const QScopedValueRollback<bool> offering(m_offeringReconnect, true);
    QString detail = tr("The connection to %1 was lost. Changes you have not saved yet are still "
                        "in their forms.")
                         .arg(m_database->location().displayName());
    Q_FOREVER {
        QMessageBox box(QMessageBox::Warning,
                        tr("Connection Lost"),
                        detail,
                        QMessageBox::NoButton,
                        this);
        box.setObjectName(QStringLiteral("connectionLostBox"));
        QPushButton *reconnect = box.addButton(tr("Reconnect"), QMessageBox::AcceptRole);
        box.addButton(tr("Work Offline"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() != reconnect) {
            statusBar()->showMessage(
                tr("Not connected to %1").arg(m_database->location().displayName()));
            return;
        }
        try {
            m_database->reconnect();
        } catch (const StorageError &error) {
            detail = error.message();
            continue;
        }
        break;
    }
    // A new connection: listen for changes again and show what changed meanwhile.
    delete m_changes;
    m_changes = new ChangeNotifier(*m_database, this);
    connect(m_changes, &ChangeNotifier::changed, this, &MainWindow::reloadPanes);
    statusBar()->showMessage(tr("Reconnected to %1").arg(m_database->location().displayName()),
                             5000);
    reloadPanes();
}

QString MainWindow::sampleDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("sample-community.sqlite"));
}

bool MainWindow::openDatabase(const DatabaseLocation &location)
{
    auto next = std::make_unique<Database>(location);
    try {
        next->open();
    } catch (const StorageError &error) {
        QMessageBox::critical(this, tr("Cannot open the community database"), error.message());
        return false;
    }
    // The panes hold the old database: rebuild them on the new one first, then let it go.
    std::swap(m_database, next);
    buildPanes();
    next.reset();
    statusBar()->showMessage(tr("Opened %1").arg(location.displayName()), 5000);
    Q_EMIT databaseOpened();
    return true;
}

void MainWindow::chooseDatabaseFile()
{
    const QString path
        = QFileDialog::getOpenFileName(this,
                                       tr("Open Community Database"),
                                       QFileInfo(m_database->location().filePath).absolutePath(),
                                       tr("Watercooler databases (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        openDatabase(DatabaseLocation::sqlite(path));
}

void MainWindow::createDatabaseFile()
{
    QString path
        = QFileDialog::getSaveFileName(this,
                                       tr("New Community Database"),
                                       QFileInfo(m_database->location().filePath).absolutePath(),
                                       tr("Watercooler databases (*.sqlite)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sqlite");
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this,
                             tr("New Community Database"),
                             tr("%1 already exists. Use Open Database to open it.").arg(path));
        return;
    }
    openDatabase(DatabaseLocation::sqlite(path));
}

void MainWindow::openSampleCommunity()
{
    if (m_sampleWatcher.isRunning())
        return;
    const QString path = sampleDatabasePath();
    if (m_database->location().filePath == path) {
        statusBar()->showMessage(tr("The sample community is already open."), 5000);
        return;
    }
    if (QFileInfo::exists(path)) {
        openDatabase(DatabaseLocation::sqlite(path));
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());

    m_progress = new QProgressDialog(tr("Creating the sample community..."),
                                     tr("Cancel"),
                                     0,
                                     1000,
                                     this);
    m_progress->setObjectName(QStringLiteral("sampleProgress"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
    m_cancelSample = std::make_shared<std::atomic<bool>>(false);
    connect(m_progress, &QProgressDialog::canceled, this, [cancel = m_cancelSample] {
        cancel->store(true);
    });

    QPointer<QProgressDialog> progress = m_progress;
    auto cancel = m_cancelSample;
    m_sampleWatcher.setFuture(QtConcurrent::run([path, progress, cancel]() -> QString {
        Database sample(DatabaseLocation::sqlite(path));
        QString error;
        try {
            sample.open();
            DemoGenerator::Options options;
            DemoGenerator(options).generate(sample.connectionName(), [&](qint64 done, qint64 total) {
                const int value = total > 0 ? int(1000 * done / total) : 0;
                QMetaObject::invokeMethod(
                    qApp,
                    [progress, value] {
                        if (progress)
                            progress->setValue(value);
                    },
                    Qt::QueuedConnection);
                return !cancel->load();
            });
        } catch (const OperationCancelled &) {
            error = QStringLiteral("cancelled");
        } catch (const StorageError &e) {
            error = e.message();
        }
        sample.releaseThreadConnection();
        return error;
    }));
}

void MainWindow::sampleGenerated()
{
    const QString error = m_sampleWatcher.result();
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    const QString path = sampleDatabasePath();
    if (!error.isEmpty()) {
        // Nothing half-made stays behind.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        if (error != QLatin1String("cancelled"))
            showError(tr("The sample community could not be created: %1").arg(error));
        return;
    }
    openDatabase(DatabaseLocation::sqlite(path));
}

bool MainWindow::isReadOnly() const
{
    return m_database->isReadOnly();
}

void MainWindow::showAccessMode()
{
    const bool readOnly = isReadOnly();
    m_readOnlyBadge->setVisible(readOnly);
    if (readOnly)
        setWindowTitle(tr("%1 (read-only)").arg(windowTitle()));
    for (int i = 0; i < m_stack->count(); ++i)
        pane(i)->setReadOnly(readOnly);
    for (QAction *action : std::as_const(m_writeActions))
        action->setEnabled(!readOnly);
}

FeedsPane *MainWindow::feedsPane() const
{
    return m_stack ? qobject_cast<FeedsPane *>(m_stack->widget(FeedsPaneIndex)) : nullptr;
}

void MainWindow::connectFeedSync(FeedsPane *feeds)
{
    connect(feeds, &FeedsPane::syncStarted, this, [this] {
        m_syncLabel->setText(tr("Syncing feeds"));
        m_syncBar->setRange(0, 0);
        m_syncIndicator->show();
    });
    connect(feeds, &FeedsPane::syncProgress, this, [this](int done, int total) {
        m_syncLabel->setText(tr("Syncing feeds: %1 of %2").arg(done).arg(total));
        m_syncBar->setRange(0, std::max(total, 1));
        m_syncBar->setValue(done);
    });
    connect(feeds, &FeedsPane::syncDone, this, [this] {
        m_syncIndicator->hide();
        // New posts change who is how engaged.
        if (auto *members = qobject_cast<MembersPane *>(pane(MembersPaneIndex));
            members && !m_database->isReadOnly())
            members->recomputeEngagement(false);
    });
}

void MainWindow::connectToTeamDatabase()
{
    ConnectDatabaseDialog dialog(this);
    // A refused connection shows its message and brings the form back for a correction.
    while (dialog.exec() == QDialog::Accepted) {
        if (openDatabase(dialog.location())) {
            dialog.storePassword();
            return;
        }
    }
}

void MainWindow::copyCommunity()
{
    CopyCommunityDialog dialog(m_database->location(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const DatabaseLocation target = dialog.target();
    auto *task = new CommunityCopyTask(m_database->location(), target, this);
    connect(task, &CommunityCopyTask::copied, this, [this, target](qint64 rows) {
        const QString message = tr("Copied %n row(s) to %1.", nullptr, int(rows))
                                    .arg(target.displayName());
        statusBar()->showMessage(message, 10000);
        QMessageBox::information(this, tr("Copy Community"), message);
    });
    connect(task, &CommunityCopyTask::failed, this, [this](const QString &message) {
        showError(tr("The community could not be copied: %1").arg(message));
    });
    connect(task, &CommunityCopyTask::cancelled, this, [this] {
        statusBar()->showMessage(tr("The copy was cancelled; nothing was written."), 5000);
    });
    connect(task, &CommunityCopyTask::finished, task, &QObject::deleteLater);
    task->start();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this,
        tr("About Watercooler"),
        tr("<h3>Watercooler %1</h3><p>Knowledge isn't in our heads, it is between us.</p>"
           "<p>Watercooler shows who talks with whom in your community, about what, how "
           "often, and how healthy the community is, from data you own, on your own "
           "desktop.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings(QSettings::UserScope, QStringLiteral("watercooler"));
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/pane"), currentPane());
    QMainWindow::closeEvent(event);
}
