// Display of search hits: snippet with highlights, discussion, author and time.
#include "searchresultsmodel.h"

#include <QLocale>
#include <QPoint>

SearchResultsModel::SearchResultsModel(const QString &connectionName, QObject *parent)
    : PagedRowModel(connectionName, parent)
    , m_repository(connectionName)
{
    setInitialSort(PostedColumn, Qt::DescendingOrder);
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

QList<DiscussionRepository::Hit> SearchResultsModel::readRows(int offset, int limit)
{
    return m_repository.search(filterText(), m_filters, offset, limit);
}
