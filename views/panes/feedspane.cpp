// Feed tree, item list and a reader that never loads remote content on its own.
#include "feedspane.h"

#include "addfeeddialog.h"
#include "emptystatewidget.h"
#include "feeditemsmodel.h"
#include "feedrepository.h"
#include "feedsmodel.h"
#include "feedsync.h"
#include "opmlsubscriptions.h"
#include "storageerror.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

FeedsPane::FeedsPane(const Database &database, QWidget *parent)
    : Pane(database, parent)
{
    auto *content = new QWidget(this);
    m_feeds = new FeedsModel(connectionName(), this);
    m_tree = new QTreeView(content);
    m_tree->setObjectName(QStringLiteral("feedsTree"));
    m_tree->setModel(m_feeds);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);

    m_items = new FeedItemsModel(connectionName(), this);
    m_table = createTable(QStringLiteral("feedItemsTable"), m_items, content);
    m_table->horizontalHeader()->setSectionResizeMode(FeedItemsModel::TitleColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(FeedItemsModel::FeedColumn, 170);
    m_table->setColumnWidth(FeedItemsModel::AuthorColumn, 140);
    m_table->setColumnWidth(FeedItemsModel::PublishedColumn, dateColumnWidth(m_table, true));

    m_reader = new QTextBrowser(content);
    m_reader->setObjectName(QStringLiteral("feedReader"));
    m_reader->setOpenLinks(false);
    m_reader->setPlaceholderText(tr("Select an item to read it."));

    auto *right = new QSplitter(Qt::Vertical, content);
    right->addWidget(m_table);
    right->addWidget(m_reader);
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
    m_syncProgress = new QProgressBar(content);
    m_syncProgress->setObjectName(QStringLiteral("syncProgress"));
    m_syncProgress->setMaximumWidth(180);
    m_syncProgress->hide();
    m_syncStatus = new QLabel(content);
    m_syncStatus->setObjectName(QStringLiteral("syncStatus"));
    m_syncStatus->setForegroundRole(QPalette::PlaceholderText);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_addFeed);
    actions->addWidget(m_importOpml);
    actions->addWidget(m_exportOpml);
    actions->addStretch();
    actions->addWidget(m_syncStatus);
    actions->addWidget(m_syncProgress);
    actions->addWidget(m_syncNow);
    m_sync = new FeedSync(database, this);
    connect(m_syncNow, &QPushButton::clicked, this, [this] {
        if (m_sync->isRunning())
            m_sync->cancel();
        else
            syncNow();
    });
    connect(m_sync, &FeedSync::progress, this, [this](int done, int total) {
        m_syncProgress->setMaximum(std::max(total, 1));
        m_syncProgress->setValue(done);
    });
    connect(m_sync, &FeedSync::feedSynced, this, [this](const FeedSyncReport &report) {
        if (report.outcome == FeedSyncReport::Outcome::Failed)
            ++m_syncFailures;
        m_syncNewItems += report.newItems;
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
            [this](const QModelIndex &current) {
                m_items->setFeedId(current.data(FeedsModel::FeedIdRole).toLongLong());
                m_reader->clear();
            });
    connect(m_table->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &FeedsPane::showItem);
    reload();
}

void FeedsPane::reload()
{
    m_feeds->reload();
    m_tree->expandAll();
    m_items->reload();
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
    m_syncStatus->setText(tr("Syncing..."));
    m_syncProgress->setValue(0);
    m_syncProgress->show();
    m_syncNow->setText(tr("Cancel Sync"));
    m_sync->start(feedIds);
}

bool FeedsPane::isSyncing() const
{
    return m_sync->isRunning();
}

void FeedsPane::syncFinished()
{
    m_syncProgress->hide();
    m_syncNow->setText(tr("Sync Now"));
    QString text = tr("%n new item(s)", nullptr, m_syncNewItems);
    if (m_syncFailures > 0)
        text += QStringLiteral(" · ")
                + tr("%n feed(s) failed; see their tooltips", nullptr, m_syncFailures);
    m_syncStatus->setText(text);
    reload();
    Q_EMIT syncDone();
}

void FeedsPane::showItem(const QModelIndex &index)
{
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
    m_reader->setHtml(page);
    m_items->markRead(first);
}
