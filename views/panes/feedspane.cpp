// Feed tree, item list and a reader that never loads remote content on its own.
#include "feedspane.h"

#include "addfeeddialog.h"
#include "emptystatewidget.h"
#include "episodedownloadbar.h"
#include "feeditemsmodel.h"
#include "feedpasswordprompt.h"
#include "feedpropertiesdialog.h"
#include "feedreader.h"
#include "feedrepository.h"
#include "feedsmodel.h"
#include "feedsync.h"
#include "opmlsubscriptions.h"
#include "storageerror.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

FeedsPane::FeedsPane(const Database &database, QWidget *parent)
    : Pane(database, parent)
{
    auto *content = new QWidget(this);
    m_feeds = new FeedsModel(connectionName(), this);
    m_tree = new QTreeView(content);
    m_tree->setObjectName(QStringLiteral("feedsTree"));
    m_feeds->setShowsAllItems(true);
    m_tree->setModel(m_feeds);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &FeedsPane::showTreeMenu);

    m_items = new FeedItemsModel(connectionName(), this);
    m_table = createTable(QStringLiteral("feedItemsTable"), m_items, content);
    m_table->horizontalHeader()->setSectionResizeMode(FeedItemsModel::TitleColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(FeedItemsModel::FeedColumn, 170);
    m_table->setColumnWidth(FeedItemsModel::AuthorColumn, 140);
    m_table->setColumnWidth(FeedItemsModel::PublishedColumn, dateColumnWidth(m_table, true));
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &FeedsPane::showItemMenu);

    // Above the items: what the selected feed's last fetch said, and an unread-only filter.
    m_feedStatus = new QLabel(content);
    m_feedStatus->setObjectName(QStringLiteral("feedStatus"));
    m_feedStatus->setWordWrap(true);
    m_feedStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_unreadOnly = new QCheckBox(tr("Unread only"), content);
    m_unreadOnly->setObjectName(QStringLiteral("unreadOnly"));
    connect(m_unreadOnly, &QCheckBox::toggled, this, &FeedsPane::scopeChanged);
    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(0, 0, 0, 0);
    statusRow->addWidget(m_feedStatus, 1);
    statusRow->addWidget(m_unreadOnly);
    auto *list = new QWidget(content);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(statusRow);
    listLayout->addWidget(m_table);

    m_reader = new FeedReader(content);
    m_reader->setObjectName(QStringLiteral("feedReader"));
    m_reader->setPlaceholderText(tr("Select an item to read it."));
    connect(m_reader, &FeedReader::remoteImagesBlocked, this, &FeedsPane::showRemoteImagesBar);

    // Remote images would tell a feed's author who read the item and when: they load only when
    // the user asks, for one item or for every item of the feed.
    m_remoteImagesBar = new QWidget(content);
    m_remoteImagesBar->setObjectName(QStringLiteral("remoteImagesBar"));
    m_remoteImagesBar->setAutoFillBackground(true);
    m_remoteImagesBar->setBackgroundRole(QPalette::ToolTipBase);
    m_remoteImagesText = new QLabel(m_remoteImagesBar);
    m_remoteImagesText->setForegroundRole(QPalette::ToolTipText);
    auto *loadOnce = new QToolButton(m_remoteImagesBar);
    loadOnce->setObjectName(QStringLiteral("loadRemoteImages"));
    loadOnce->setText(tr("Load Images"));
    auto *loadAlways = new QToolButton(m_remoteImagesBar);
    loadAlways->setObjectName(QStringLiteral("alwaysLoadRemoteImages"));
    loadAlways->setText(tr("Always Load for This Feed"));
    auto *barLayout = new QHBoxLayout(m_remoteImagesBar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    barLayout->addWidget(m_remoteImagesText, 1);
    barLayout->addWidget(loadOnce);
    barLayout->addWidget(loadAlways);
    m_remoteImagesBar->hide();
    connect(loadOnce, &QToolButton::clicked, this, [this] {
        m_remoteImagesBar->hide();
        m_reader->allowRemoteImages();
    });
    connect(loadAlways, &QToolButton::clicked, this, [this] {
        setRemoteImagesAllowed(m_shownFeedId, true);
        m_remoteImagesBar->hide();
        m_reader->allowRemoteImages();
    });
    auto *readerBox = new QWidget(content);
    auto *readerLayout = new QVBoxLayout(readerBox);
    readerLayout->setContentsMargins(0, 0, 0, 0);
    readerLayout->setSpacing(0);
    readerLayout->addWidget(m_remoteImagesBar);
    readerLayout->addWidget(m_reader);
    // Podcast episodes of the item shown: size, duration, download with progress.
    m_episodeBar = new EpisodeDownloadBar(database, content);
    readerLayout->addWidget(m_episodeBar);
    connect(m_episodeBar, &EpisodeDownloadBar::errorOccurred, this, &Pane::errorOccurred);

    auto *right = new QSplitter(Qt::Vertical, content);
    right->addWidget(list);
    right->addWidget(readerBox);
    auto *splitter = new QSplitter(Qt::Horizontal, content);
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    m_addFeed = new QPushButton(tr("Add Feed..."), content);
    m_addFeed->setObjectName(QStringLiteral("addFeedButton"));
    m_importOpml = new QPushButton(tr("Import OPML..."), content);
    m_exportOpml = new QPushButton(tr("Export OPML..."), content);
    // Sync runs off the window's thread; progress and the outcome show next to the buttons.
    m_syncNow = new QPushButton(tr("Sync Now"), content);
    m_syncNow->setObjectName(QStringLiteral("syncNowButton"));
    m_syncStatus = new QLabel(content);
    m_syncStatus->setObjectName(QStringLiteral("syncStatus"));
    m_syncStatus->setForegroundRole(QPalette::PlaceholderText);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_addFeed);
    actions->addWidget(m_importOpml);
    actions->addWidget(m_exportOpml);
    actions->addStretch();
    actions->addWidget(m_syncStatus);
    actions->addWidget(m_syncNow);
    m_sync = new FeedSync(database, this);
    m_sync->setPasswordSource([this](const FeedPasswordRequest &request) {
        return FeedPasswordPrompt::ask(request, this);
    });
    connect(m_syncNow, &QPushButton::clicked, this, [this] {
        if (m_sync->isRunning())
            m_sync->cancel();
        else
            syncNow();
    });
    // The window shows the progress in its status bar, whichever pane is open.
    connect(m_sync, &FeedSync::progress, this, &FeedsPane::syncProgress);
    connect(m_sync, &FeedSync::feedSynced, this, [this](const FeedSyncReport &report) {
        if (report.outcome == FeedSyncReport::Outcome::Failed)
            ++m_syncFailures;
        m_syncNewItems += report.newItems;
        m_syncNewComments += report.newComments;
        m_syncCommentFailures += report.commentFeedsFailed;
    });
    connect(m_sync, &FeedSync::finished, this, &FeedsPane::syncFinished);
    // While the window is open, due feeds are fetched in the background: first a minute after
    // start, then every ten minutes (each feed's own interval decides whether it is due).
    m_syncTimer = new QTimer(this);
    m_syncTimer->setInterval(std::chrono::minutes(10));
    connect(m_syncTimer, &QTimer::timeout, this, [this] {
        if (!m_readOnly)
            syncNow();
    });
    QTimer::singleShot(std::chrono::minutes(1), m_syncTimer, [this] {
        m_syncTimer->start();
        if (!m_readOnly)
            syncNow();
    });
    connect(m_addFeed, &QPushButton::clicked, this, [this] { addFeed(); });
    connect(m_importOpml, &QPushButton::clicked, this, &FeedsPane::importOpml);
    connect(m_exportOpml, &QPushButton::clicked, this, &FeedsPane::exportOpml);

    auto *layout = new QVBoxLayout(content);
    layout->addLayout(actions);
    layout->addWidget(splitter);

    auto *empty = new EmptyStateWidget(
        QStringLiteral(":/icons/feeds.svg"),
        tr("No feeds yet"),
        tr("Add a feed to follow your community's blogs, forums and podcasts."),
        this);
    m_emptyAddFeed = empty->addAction(tr("Add Feed..."));
    connect(m_emptyAddFeed, &QPushButton::clicked, this, [this] { addFeed(); });
    m_emptyImportOpml = empty->addAction(tr("Import OPML..."));
    connect(m_emptyImportOpml, &QPushButton::clicked, this, &FeedsPane::importOpml);
    connect(empty->addAction(tr("Open Sample Community")),
            &QPushButton::clicked,
            this,
            &Pane::sampleRequested);
    setUp(content, empty);

    connect(m_feeds, &FeedsModel::errorOccurred, this, &Pane::errorOccurred);
    connect(m_items, &PagedTableModel::errorOccurred, this, &Pane::errorOccurred);
    connect(m_tree->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &FeedsPane::scopeChanged);
    connect(m_table->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &FeedsPane::showItem);
    reload();
}

void FeedsPane::reload()
{
    // The tree is built anew: select the same feed or folder again afterwards.
    const QModelIndex current = m_tree->currentIndex();
    const qint64 feedId = current.data(FeedsModel::FeedIdRole).toLongLong();
    const qint64 folderId = current.data(FeedsModel::FolderIdRole).toLongLong();
    const QSignalBlocker blocker(m_tree->selectionModel());
    m_feeds->reload();
    m_tree->expandAll();
    QModelIndex again;
    if (feedId > 0)
        again = m_feeds->indexOfFeed(feedId);
    else if (folderId > 0)
        again = m_feeds->indexOfFolder(folderId);
    if (again.isValid())
        m_tree->setCurrentIndex(again);
    if (!again.isValid() && (feedId > 0 || folderId > 0)) {
        // What was selected is gone (removed here or elsewhere): show everything.
        scopeChanged();
    } else {
        m_items->reload();
        updateFeedStatus();
    }
    updateEmptyState();
}

bool FeedsPane::hasData() const
{
    return m_feeds->feedCount() > 0;
}

QStringList FeedsPane::folderPaths() const
{
    QStringList paths;
    try {
        const FeedRepository repository(connectionName());
        for (const FeedRepository::Folder &folder : repository.folders())
            paths << repository.folderPath(folder.id);
    } catch (const StorageError &error) {
        Q_EMIT const_cast<FeedsPane *>(this)->errorOccurred(error.message());
    }
    paths.sort(Qt::CaseInsensitive);
    return paths;
}

bool FeedsPane::addFeed(const QString &presetUrl)
{
    AddFeedDialog dialog(folderPaths(), this);
    if (!presetUrl.isEmpty())
        dialog.setUrl(presetUrl);
    QStringList followed;
    try {
        for (const FeedRepository::Feed &feed : FeedRepository(connectionName()).feeds())
            followed << feed.url;
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
    }
    dialog.setFollowedUrls(followed);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QList<FeedRepository::NewFeed> feeds = dialog.feeds();
    QList<FeedRepository::AddOutcome> outcomes;
    try {
        outcomes = FeedRepository(connectionName()).addFeeds(feeds);
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return false;
    }
    reload();
    QStringList skipped;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        if (!outcomes.at(i).added)
            skipped << feeds.at(i).url;
    }
    if (!skipped.isEmpty()) {
        Q_EMIT errorOccurred(QCoreApplication::translate("FeedRepository", "You already follow %1.")
                                 .arg(QLocale().createSeparatedList(skipped)));
    }
    return skipped.size() < outcomes.size();
}

void FeedsPane::importOpml()
{
    const QString path
        = QFileDialog::getOpenFileName(this,
                                       tr("Import OPML"),
                                       QString(),
                                       tr("OPML files (*.opml *.xml);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT errorOccurred(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    OpmlSubscriptions::ImportResult result;
    try {
        result = OpmlSubscriptions::importDocument(connectionName(), file.readAll());
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return;
    }
    reload();
    QString text = tr("Added %n feed(s).", nullptr, result.added);
    if (!result.alreadySubscribed.isEmpty())
        text += QLatin1Char(' ')
                + tr("%n feed(s) you already follow were skipped.",
                     nullptr,
                     int(result.alreadySubscribed.size()));
    if (!result.notFeeds.isEmpty())
        text += QLatin1Char(' ')
                + tr("%n entry(s) without a web address were skipped.",
                     nullptr,
                     int(result.notFeeds.size()));
    QMessageBox::information(this, tr("Import OPML"), text);
}

void FeedsPane::exportOpml()
{
    const QString path = QFileDialog::getSaveFileName(this,
                                                      tr("Export OPML"),
                                                      QStringLiteral("subscriptions.opml"),
                                                      tr("OPML files (*.opml)"));
    if (path.isEmpty())
        return;
    QByteArray opml;
    try {
        opml = OpmlSubscriptions::exportDocument(connectionName());
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(opml) != opml.size() || !file.commit())
        Q_EMIT errorOccurred(tr("Cannot write %1: %2").arg(path, file.errorString()));
}

void FeedsPane::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QPushButton *button :
         {m_addFeed, m_importOpml, m_emptyAddFeed, m_emptyImportOpml, m_syncNow})
        button->setEnabled(!readOnly);
}

void FeedsPane::syncNow(const QList<qint64> &feedIds)
{
    if (m_sync->isRunning())
        return;
    m_syncFailures = 0;
    m_syncNewItems = 0;
    m_syncNewComments = 0;
    m_syncCommentFailures = 0;
    if (m_readOnly)
        return;
    m_syncStatus->setText(tr("Syncing..."));
    m_syncNow->setText(tr("Cancel Sync"));
    Q_EMIT syncStarted();
    m_sync->start(feedIds);
}

void FeedsPane::cancelSync()
{
    m_sync->cancel();
}

bool FeedsPane::isSyncing() const
{
    return m_sync->isRunning();
}

void FeedsPane::syncFinished()
{
    m_syncNow->setText(tr("Sync Now"));
    QString text = tr("%n new item(s)", nullptr, m_syncNewItems);
    if (m_syncNewComments > 0)
        text += QStringLiteral(" · ") + tr("%n new comment(s)", nullptr, m_syncNewComments);
    if (m_syncFailures > 0)
        text += QStringLiteral(" · ")
                + tr("%n feed(s) failed; see their tooltips", nullptr, m_syncFailures);
    // A comments feed that failed leaves its feed fine; it is tried again on the next sync.
    if (m_syncCommentFailures > 0)
        text += QStringLiteral(" · ")
                + tr("%n comment feed(s) could not be read", nullptr, m_syncCommentFailures);
    m_syncStatus->setText(text);
    reload();
    Q_EMIT syncDone();
}

void FeedsPane::showItem(const QModelIndex &index)
{
    m_episodeBar->setItemId(index.siblingAtColumn(FeedItemsModel::TitleColumn)
                                .data(PagedTableModel::IdRole)
                                .toLongLong());
    if (!index.isValid()) {
        m_reader->clear();
        return;
    }
    const QModelIndex first = index.siblingAtColumn(FeedItemsModel::TitleColumn);
    QString body;
    try {
        body = FeedRepository(connectionName())
                   .itemHtml(first.data(PagedTableModel::IdRole).toLongLong());
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
    }
    const QString title = index.siblingAtColumn(FeedItemsModel::TitleColumn).data().toString();
    const QString link = first.data(FeedItemsModel::LinkRole).toString();
    QString page = QStringLiteral("<h2>%1</h2><p style='color:#64748b;'>%2 &middot; %3</p>")
                       .arg(title.toHtmlEscaped(),
                            index.siblingAtColumn(FeedItemsModel::FeedColumn)
                                .data()
                                .toString()
                                .toHtmlEscaped(),
                            index.siblingAtColumn(FeedItemsModel::PublishedColumn)
                                .data()
                                .toString()
                                .toHtmlEscaped());
    page += body;
    if (!link.isEmpty())
        page += QStringLiteral("<p><a href=\"%1\">%2</a></p>")
                    .arg(link.toHtmlEscaped(), tr("Open the original"));
    m_shownFeedId = first.data(FeedItemsModel::FeedIdRole).toLongLong();
    m_remoteImagesBar->hide();
    m_reader->showHtml(page, remoteImagesAllowed(m_shownFeedId));
    m_items->markRead(first);
}

qint64 FeedsPane::currentFeedId() const
{
    return m_tree->currentIndex().data(FeedsModel::FeedIdRole).toLongLong();
}

bool FeedsPane::selectFeed(qint64 feedId)
{
    const QModelIndex index = m_feeds->indexOfFeed(feedId);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    return true;
}

void FeedsPane::scopeChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    FeedRepository::ItemScope scope;
    scope.feedId = current.data(FeedsModel::FeedIdRole).toLongLong();
    scope.folderId = current.data(FeedsModel::FolderIdRole).toLongLong();
    scope.unreadOnly = m_unreadOnly->isChecked();
    m_items->setScope(scope);
    m_reader->clear();
    m_episodeBar->setItemId(0);
    m_remoteImagesBar->hide();
    updateFeedStatus();
}

void FeedsPane::updateFeedStatus()
{
    const qint64 feedId = currentFeedId();
    if (feedId <= 0) {
        m_feedStatus->clear();
        m_feedStatus->hide();
        return;
    }
    const FeedRepository::Feed feed = readFeed(feedId);
    if (feed.id == 0)
        return;
    const QLocale locale;
    QStringList parts;
    if (feed.lastFetched.isValid())
        parts << tr("Fetched %1")
                     .arg(locale.toString(feed.lastFetched.toLocalTime(), QLocale::ShortFormat));
    else
        parts << tr("Not fetched yet");
    if (feed.httpStatus > 0)
        parts << tr("HTTP %1").arg(feed.httpStatus);
    if (feed.status == QLatin1String("gone"))
        parts << tr("gone for good; no longer fetched");
    else if (feed.status == QLatin1String("paused"))
        parts << tr("paused");
    else if (feed.nextFetch.isValid())
        parts << tr("next fetch %1")
                     .arg(locale.toString(feed.nextFetch.toLocalTime(), QLocale::ShortFormat));
    QString text = parts.join(QStringLiteral(" \u00B7 ")).toHtmlEscaped();
    if (!feed.movedFromUrl.isEmpty())
        text += QStringLiteral("<br>")
                + tr("Moved from %1 to %2").arg(feed.movedFromUrl, feed.url).toHtmlEscaped();
    if (!feed.errorText.isEmpty())
        text += QStringLiteral("<br><span style='color:#b91c1c;'>%1</span>")
                    .arg(feed.errorText.toHtmlEscaped());
    m_feedStatus->setText(text);
    m_feedStatus->setToolTip(feed.url);
    m_feedStatus->show();
}

void FeedsPane::showTreeMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    const qint64 feedId = index.data(FeedsModel::FeedIdRole).toLongLong();
    QMenu menu(this);
    if (feedId > 0) {
        QAction *sync = menu.addAction(tr("Sync Feed"), this, [this, feedId] { syncNow({feedId}); });
        sync->setEnabled(!m_readOnly && !m_sync->isRunning());
    }
    menu.addAction(tr("Mark All as Read"), this, &FeedsPane::markAllRead);
    if (feedId > 0) {
        menu.addSeparator();
        const FeedRepository::Feed feed = readFeed(feedId);
        if (feed.id == 0)
            return;
        const QUrl site(feed.siteUrl);
        QAction *website = menu.addAction(tr("Open Website"), this, [site] {
            QDesktopServices::openUrl(site);
        });
        website->setEnabled(site.isValid() && !site.isEmpty());
        menu.addAction(tr("Copy Feed Address"), this, [url = feed.url] {
            QGuiApplication::clipboard()->setText(url);
        });
        menu.addSeparator();
        QAction *properties = menu.addAction(tr("Properties..."), this, [this, feedId] {
            showProperties(feedId);
        });
        properties->setEnabled(!m_readOnly);
        QAction *remove = menu.addAction(tr("Remove Feed..."), this, [this, feedId] {
            removeFeed(feedId);
        });
        remove->setEnabled(!m_readOnly);
    }
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void FeedsPane::showItemMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    const QModelIndex first = index.siblingAtColumn(FeedItemsModel::TitleColumn);
    const QUrl link(first.data(FeedItemsModel::LinkRole).toString());
    const bool read = first.data(FeedItemsModel::ReadRole).toBool();
    const bool starred = first.data(FeedItemsModel::StarredRole).toBool();
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Open the Original"), this, [link] {
        QDesktopServices::openUrl(link);
    });
    open->setEnabled(link.isValid() && !link.isEmpty());
    QAction *copy = menu.addAction(tr("Copy Link"), this, [link] {
        QGuiApplication::clipboard()->setText(link.toString());
    });
    copy->setEnabled(!link.isEmpty());
    menu.addSeparator();
    const QPersistentModelIndex persistent(first);
    QAction *readAction = menu.addAction(read ? tr("Mark as Unread") : tr("Mark as Read"),
                                         this,
                                         [this, persistent, read] {
                                             m_items->setRead(persistent, !read);
                                             m_feeds->reload();
                                         });
    QAction *star = menu.addAction(starred ? tr("Remove Star") : tr("Star"),
                                   this,
                                   [this, persistent, starred] {
                                       m_items->setStarred(persistent, !starred);
                                   });
    star->setToolTip(tr("Starred items are kept however many items the feed keeps."));
    for (QAction *action : {readAction, star})
        action->setEnabled(!m_readOnly);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void FeedsPane::markAllRead()
{
    m_items->markAllRead();
    reload();
}

void FeedsPane::showProperties(qint64 feedId)
{
    FeedPropertiesDialog dialog(database(), feedId, folderPaths(), this);
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

FeedRepository::Feed FeedsPane::readFeed(qint64 feedId) const
{
    try {
        return FeedRepository(connectionName()).feed(feedId);
    } catch (const StorageError &error) {
        Q_EMIT const_cast<FeedsPane *>(this)->errorOccurred(error.message());
        return {};
    }
}

bool FeedsPane::removeFeed(qint64 feedId)
{
    const FeedRepository::Feed feed = readFeed(feedId);
    if (feed.id == 0)
        return false;
    const QString title = feed.title.isEmpty() ? feed.url : feed.title;
    const auto answer = QMessageBox::question(
        this,
        tr("Remove Feed"),
        tr("Stop following \"%1\"? Its items are removed from the feed list; the discussions "
           "and members they brought in stay.")
            .arg(title),
        QMessageBox::Yes | QMessageBox::Cancel,
        QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return false;
    try {
        FeedRepository(connectionName()).removeFeed(feedId);
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return false;
    }
    reload();
    return true;
}

void FeedsPane::showRemoteImagesBar(int count)
{
    m_remoteImagesText->setText(
        tr("%n remote image(s) not loaded, so the sender cannot see that you read this.",
           nullptr,
           count));
    m_remoteImagesBar->setVisible(!m_reader->remoteImagesAllowed());
}

bool FeedsPane::remoteImagesAllowed(qint64 feedId) const
{
    return feedId > 0 && readFeed(feedId).remoteContentAllowed;
}

void FeedsPane::setRemoteImagesAllowed(qint64 feedId, bool allowed)
{
    // Stored with the feed, so the choice holds after a restart and for the whole team.
    try {
        FeedRepository(connectionName()).setRemoteContentAllowed(feedId, allowed);
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
    }
}
