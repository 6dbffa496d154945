// Display of search hits: snippet with highlights, discussion, author and time; pages read on a
// worker thread.
#include "searchresultsmodel.h"

#include "database.h"
#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QLocale>
#include <QMetaObject>
#include <QPoint>
#include <QtConcurrent>

#include <limits>

SearchResultsModel::SearchResultsModel(const Database &database, QObject *parent)
    : PagedRowModel(database.connectionName(), parent)
    , m_database(database)
    , m_generation(std::make_shared<std::atomic<quint64>>(0))
    , m_workerPrepared(std::make_shared<bool>(false))
{
    setInitialSort(PostedColumn, Qt::DescendingOrder);
    // One worker that keeps its connection (and the database's caches) between searches.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    // Whatever is read for the rows being dropped no longer belongs to this model.
    connect(this, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        ++*m_generation;
        m_delivered.reset();
        m_pending = false; // reload() starts the read of the new rows right after
    });
}

SearchResultsModel::~SearchResultsModel()
{
    // Reads still queued are skipped; the worker closes its connection in its own thread.
    m_generation->store(std::numeric_limits<quint64>::max());
    const Database *database = &m_database;
    m_pool.start([database] { database->releaseThreadConnection(); });
    m_pool.waitForDone();
}

int SearchResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SearchResultsModel::highlightedHtml(const QString &text,
                                            const QList<std::pair<qsizetype, qsizetype>> &highlights)
{
    QString html;
    qsizetype at = 0;
    for (const auto &[start, length] : highlights) {
        if (start < at || start + length > text.size())
            continue;
        html += text.mid(at, start - at).toHtmlEscaped();
        html += QLatin1String("<b>") + text.mid(start, length).toHtmlEscaped()
                + QLatin1String("</b>");
        at = start + length;
    }
    html += text.mid(at).toHtmlEscaped();
    return html;
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DiscussionRepository::Hit &hit = rowAt(index.row());
    switch (role) {
    case IdRole:
        return hit.postId;
    case DiscussionIdRole:
        return hit.discussionId;
    case AuthorIdRole:
        return hit.authorId;
    case NeedsResponseRole:
        return hit.needsResponse;
    case HighlightedSnippetRole:
        return highlightedHtml(hit.snippet, hit.highlights);
    case HighlightsRole: {
        QVariantList list;
        for (const auto &[start, length] : hit.highlights)
            list << QPoint(int(start), int(length));
        return list;
    }
    case SortValueRole:
        return index.column() == PostedColumn ? QVariant(hit.created) : data(index);
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SnippetColumn:
            return hit.snippet;
        case DiscussionColumn:
            return hit.title;
        case AuthorColumn:
            return hit.author.isEmpty() ? tr("Deleted member") : hit.author;
        case PostedColumn:
            return QLocale().toString(hit.created.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SnippetColumn:
        return tr("Post");
    case DiscussionColumn:
        return tr("Discussion");
    case AuthorColumn:
        return tr("Author");
    case PostedColumn:
        return tr("Posted");
    default:
        return {};
    }
}

void SearchResultsModel::setFilters(const DiscussionRepository::Filters &filters)
{
    if (filters == m_filters)
        return;
    m_filters = filters;
    reload();
}

bool SearchResultsModel::canFetchMore(const QModelIndex &parent) const
{
    return !m_pending && PagedTableModel::canFetchMore(parent);
}

void SearchResultsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_pending = true;
    setSearching(true);
    const quint64 generation = m_generation->load();
    const std::shared_ptr<std::atomic<quint64>> current = m_generation;
    const Database *database = &m_database;
    const QString text = filterText();
    const DiscussionRepository::Filters filters = m_filters;
    const int offset = rowCount();
    const std::shared_ptr<bool> prepared = m_workerPrepared;
    QFuture<Page> read = QtConcurrent::run(&m_pool, [=] {
        Page page;
        page.generation = generation;
        if (current->load() != generation)
            return page; // superseded while it waited
        try {
            const QString connection = database->connectionName();
            if (!*prepared) {
                const QStringList setup = SqlDialect::pageReaderSetup(database->backend());
                for (const QString &statement : setup)
                    SqlQuery::execDirect(connection, statement);
                *prepared = true;
            }
            page.hits = DiscussionRepository(connection).search(text, filters, offset, pageSize);
        } catch (const StorageError &error) {
            page.error = error.message();
            // A connection that failed (a lost server, say) is opened again by the next read.
            database->releaseThreadConnection();
            *prepared = false;
        }
        return page;
    });
    // Always through the event loop: a read that finished before the continuation was attached
    // would otherwise deliver inside this call, and callers of fetchMore() do not expect rows
    // (or a finished search) before it returns.
    read.then(this, [this](const Page &page) {
        QMetaObject::invokeMethod(
            this, [this, page] { deliver(page); }, Qt::QueuedConnection);
    });
}

void SearchResultsModel::deliver(const Page &page)
{
    if (page.generation != m_generation->load())
        return; // a newer query or a reload took over
    m_delivered = page;
    m_pending = false;
    // Inserts the page through readRows(); views may ask for the next page from then on.
    PagedTableModel::fetchMore({});
    m_delivered.reset();
    setSearching(m_pending);
}

void SearchResultsModel::setSearching(bool searching)
{
    if (searching == m_searching)
        return;
    m_searching = searching;
    Q_EMIT searchingChanged(searching);
}

QList<DiscussionRepository::Hit> SearchResultsModel::readRows(int offset, int limit)
{
    Q_UNUSED(offset)
    Q_UNUSED(limit)
    if (!m_delivered)
        return {};
    Page page = std::move(*m_delivered);
    m_delivered.reset();
    if (!page.error.isEmpty())
        throw StorageError(page.error);
    return page.hits;
}
