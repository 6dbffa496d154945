// Base for large tables read from SQL a page at a time (Qt's fetchMore pattern), with sorting
// and a quick filter done by the database, never by loading everything.
#pragma once

#include <QAbstractTableModel>

class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, SortValueRole };

    static constexpr int pageSize = 200;

    explicit PagedTableModel(QString connectionName, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    [[nodiscard]] QString filterText() const { return m_filter; }
    void setFilterText(const QString &filter);
    // Drops the loaded rows and reads the first page again (after the data changed).
    void reload();

    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }

Q_SIGNALS:
    void errorOccurred(const QString &message);

protected:
    // Reads rows [offset, offset + limit) into a staging list and returns how many there are.
    // May throw StorageError.
    virtual int readPage(int offset, int limit) = 0;
    // Appends the staged rows; called between beginInsertRows() and endInsertRows().
    virtual void appendStagedRows() = 0;
    virtual void clearRows() = 0;
    [[nodiscard]] virtual int loadedRowCount() const = 0;

    [[nodiscard]] const QString &connectionName() const { return m_connectionName; }
    // The order before any sort() call; nothing is read until a view asks (fetchMore).
    void setInitialSort(int column, Qt::SortOrder order);

private:
    QString m_connectionName;
    QString m_filter;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_atEnd = false;
    bool m_hasRead = false;  // a page was read since the last reset
    bool m_changing = false; // inside a reset or an insertion of this model
};
