// Display of feed items.
#include "feeditemsmodel.h"

#include "storageerror.h"

#include <QFont>
#include <QLocale>

FeedItemsModel::FeedItemsModel(const QString &connectionName, QObject *parent)
    : PagedRowModel(connectionName, parent)
    , m_repository(connectionName)
{}

void FeedItemsModel::setFeedId(qint64 feedId)
{
    m_feedId = feedId;
    reload();
}

void FeedItemsModel::markRead(const QModelIndex &index)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return;
    FeedRepository::Item &item = rowAt(index.row());
    if (item.read)
        return;
    try {
        m_repository.setRead(item.id, true);
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return;
    }
    item.read = true;
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
}

int FeedItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FeedItemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FeedRepository::Item &item = rowAt(index.row());
    switch (role) {
    case IdRole:
        return item.id;
    case DiscussionIdRole:
        return item.discussionId;
    case ReadRole:
        return item.read;
    case LinkRole:
        return item.link;
    case Qt::FontRole: {
        QFont font;
        font.setBold(!item.read);
        return font;
    }
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TitleColumn:
            return item.enclosureCount > 0 ? QStringLiteral("\u266A ") + item.title : item.title;
        case FeedColumn:
            return item.feedTitle;
        case AuthorColumn:
            return item.author;
        case PublishedColumn:
            return QLocale().toString(item.published.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    case SortValueRole:
        return index.column() == PublishedColumn ? QVariant(item.published)
                                                 : data(index, Qt::DisplayRole);
    default:
        return {};
    }
}

QVariant FeedItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case FeedColumn:
        return tr("Feed");
    case AuthorColumn:
        return tr("Author");
    case PublishedColumn:
        return tr("Published");
    default:
        return {};
    }
}

QList<FeedRepository::Item> FeedItemsModel::readRows(int offset, int limit)
{
    return m_repository.items(m_feedId, offset, limit);
}
