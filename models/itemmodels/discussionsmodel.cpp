// Display and sort keys for the discussions table.
#include "discussionsmodel.h"

#include <QLocale>

DiscussionsModel::DiscussionsModel(const QString &connectionName, QObject *parent)
    : PagedRowModel(connectionName, parent)
    , m_repository(connectionName)
{
    setInitialSort(LastPostColumn, Qt::DescendingOrder);
}

int DiscussionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiscussionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DiscussionRepository::Row &row = rowAt(index.row());
    if (role == IdRole)
        return row.id;
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() >= PostsColumn;
        return QVariant::fromValue(Qt::Alignment(numeric ? Qt::AlignRight | Qt::AlignVCenter
                                                         : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortValueRole)
        return {};
    const bool display = role != SortValueRole;
    auto time = [&](const QDateTime &value) -> QVariant {
        if (!display)
            return value;
        return value.isValid() ? QLocale().toString(value.toLocalTime(), QLocale::ShortFormat)
                               : QString();
    };
    switch (index.column()) {
    case TitleColumn:
        return row.title;
    case SourceColumn:
        return row.source;
    case StartedColumn:
        return time(row.started);
    case LastPostColumn:
        return time(row.lastPost);
    case PostsColumn:
        return row.posts;
    case ParticipantsColumn:
        return row.participants;
    default:
        return {};
    }
}

QVariant DiscussionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case SourceColumn:
        return tr("Source");
    case StartedColumn:
        return tr("Started");
    case LastPostColumn:
        return tr("Last post");
    case PostsColumn:
        return tr("Posts");
    case ParticipantsColumn:
        return tr("Participants");
    default:
        return {};
    }
}

void DiscussionsModel::setFilters(const DiscussionRepository::Filters &filters)
{
    if (filters == m_filters)
        return;
    m_filters = filters;
    reload();
}

QList<DiscussionRepository::Row> DiscussionsModel::readRows(int offset, int limit)
{
    using Key = DiscussionRepository::SortKey;
    static const Key keys[]
        = {Key::Title, Key::Source, Key::Started, Key::LastPost, Key::Posts, Key::Participants};
    return m_repository.page(filterText(), m_filters, keys[sortColumn()], sortOrder(), offset, limit);
}
