// Feed tree, item list and a reader that never loads remote content on its own.
#include "feedspane.h"

#include "emptystatewidget.h"
#include "feeditemsmodel.h"
#include "feedrepository.h"
#include "feedsmodel.h"
#include "storageerror.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
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
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(splitter);

    auto *empty = new EmptyStateWidget(
        QStringLiteral(":/icons/feeds.svg"),
        tr("No feeds yet"),
        tr("Add a feed to follow your community's blogs, forums and podcasts."),
        this);
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
