// Paging, sorting and filtering shared by the large tables.
#include "pagedtablemodel.h"

#include "storageerror.h"

#include <QScopedValueRollback>

PagedTableModel::PagedTableModel(QString connectionName, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connectionName(std::move(connectionName))
{}

int PagedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : loadedRowCount();
}

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    // Listeners of the signals below (proxies, views, QAbstractItemModelTester) may ask for more
    // rows while this change is being delivered; reading then would overwrite the staged rows.
    if (parent.isValid() || m_atEnd || m_changing)
        return;
    const QScopedValueRollback<bool> changing(m_changing, true);
    int count = 0;
    try {
        count = readPage(loadedRowCount(), pageSize);
    } catch (const StorageError &error) {
        m_atEnd = true;
        Q_EMIT errorOccurred(error.message());
        return;
    }
    m_hasRead = true;
    if (count < pageSize)
        m_atEnd = true;
    if (count == 0)
        return;
    const int first = loadedRowCount();
    beginInsertRows({}, first, first + count - 1);
    appendStagedRows();
    endInsertRows();
}

void PagedTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    // Views repeat the current order when they are set up; that needs no second read.
    if (column == m_sortColumn && order == m_sortOrder && m_hasRead)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

void PagedTableModel::setInitialSort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
}

void PagedTableModel::setFilterText(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void PagedTableModel::reload()
{
    {
        const QScopedValueRollback<bool> changing(m_changing, true);
        beginResetModel();
        clearRows();
        m_atEnd = false;
        m_hasRead = false;
        endResetModel();
    }
    fetchMore({});
}
