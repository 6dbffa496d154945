// The discussions table: title, source, dates and size of each thread, paged from SQL and
// narrowed by a title filter and DiscussionRepository::Filters.
#pragma once

#include "discussionrepository.h"
#include "pagedrowmodel.h"

class DiscussionsModel final : public PagedRowModel<DiscussionRepository::Row>
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

    [[nodiscard]] const DiscussionRepository::Filters &filters() const { return m_filters; }
    // Shows only the discussions that pass (reads the first page again).
    void setFilters(const DiscussionRepository::Filters &filters);

protected:
    QList<DiscussionRepository::Row> readRows(int offset, int limit) override;

private:
    DiscussionRepository m_repository;
    DiscussionRepository::Filters m_filters;
};
