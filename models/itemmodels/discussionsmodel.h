// The discussions table: title, source, dates and size of each thread, paged from SQL.
#pragma once

#include "discussionrepository.h"
#include "pagedtablemodel.h"

class DiscussionsModel final : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        TitleColumn,
        SourceColumn,
        StartedColumn,
        LastPostColumn,
        PostsColumn,
        ParticipantsColumn,
        ColumnCount
    };

    explicit DiscussionsModel(const QString &connectionName, QObject *parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section,
                                      Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

protected:
    int readPage(int offset, int limit) override;
    void appendStagedRows() override;
    void clearRows() override;
    [[nodiscard]] int loadedRowCount() const override { return int(m_rows.size()); }

private:
    DiscussionRepository m_repository;
    QList<DiscussionRepository::Row> m_rows;
    QList<DiscussionRepository::Row> m_staged;
};
