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
    FeedRepository::ItemScope scope;
    scope.feedId = feedId;
    setScope(scope);
}

void FeedItemsModel::setScope(const FeedRepository::ItemScope &scope)
{
    m_scope = scope;
    reload();
}

void FeedItemsModel::markRead(const QModelIndex &index)
{
    setRead(index, true);
}

void FeedItemsModel::setRead(const QModelIndex &index, bool read)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return;
    FeedRepository::Item &item = rowAt(index.row());
    if (item.read == read)
        return;
    try {
        m_repository.setRead(item.id, read);
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return;
    }
    item.read = read;
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
}

void FeedItemsModel::setStarred(const QModelIndex &index, bool starred)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return;
    FeedRepository::Item &item = rowAt(index.row());
    if (item.starred == starred)
        return;
    try {
        m_repository.setStarred(item.id, starred);
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return;
    }
    item.starred = starred;
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
}

void FeedItemsModel::markAllRead()
{
    try {
        m_repository.markAllRead(m_scope);
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return;
    }
    // An unread-only list empties; otherwise the rows stay where they are, now read.
    if (m_scope.unreadOnly) {
        reload();
        return;
    }
    for (int row = 0; row < rowCount(); ++row)
        rowAt(row).read = true;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
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
    case StarredRole:
        return item.starred;
    case FeedIdRole:
        return item.feedId;
    case EnclosureCountRole:
        return item.enclosureCount;
    case Qt::FontRole: {
        QFont font;
        font.setBold(!item.read);
        return font;
    }
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TitleColumn: {
            QString title = item.title;
            if (item.enclosureCount > 0)
                title.prepend(QStringLiteral("\u266A "));
            if (item.starred)
                title.prepend(QStringLiteral("\u2605 "));
            return title;
        }
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
    return m_repository.items(m_scope, offset, limit);
}
