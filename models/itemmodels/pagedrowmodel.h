// PagedTableModel holding its rows as a list of repository row structs.
#pragma once

#include "pagedtablemodel.h"

#include <QList>

template<typename Row>
class PagedRowModel : public PagedTableModel
{
public:
    using PagedTableModel::PagedTableModel;

protected:
    // Reads rows [offset, offset + limit) from the repository. May throw StorageError.
    virtual QList<Row> readRows(int offset, int limit) = 0;

    [[nodiscard]] const Row &rowAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] Row &rowAt(int row) { return m_rows[row]; }

private:
    int readPage(int offset, int limit) final
    {
        m_staged = readRows(offset, limit);
        return int(m_staged.size());
    }
    void appendStagedRows() final
    {
        m_rows.append(std::move(m_staged));
        m_staged.clear();
    }
    void clearRows() final { m_rows.clear(); }
    [[nodiscard]] int loadedRowCount() const final { return int(m_rows.size()); }

    QList<Row> m_rows;
    QList<Row> m_staged;
};
