// The discussions table: title, source, dates and size of each thread, paged from SQL.
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

protected:
    QList<DiscussionRepository::Row> readRows(int offset, int limit) override;

private:
    DiscussionRepository m_repository;
};
