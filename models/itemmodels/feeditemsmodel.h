// Items of one feed (or of all feeds), newest first, paged from SQL; unread items are bold.
#pragma once

#include "feedrepository.h"
#include "pagedtablemodel.h"

class FeedItemsModel final : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, FeedColumn, AuthorColumn, PublishedColumn, ColumnCount };
    enum ItemRole { DiscussionIdRole = SortValueRole + 1, ReadRole, LinkRole };

    explicit FeedItemsModel(const QString &connectionName, QObject *parent = nullptr);

    // 0 shows the items of every feed.
    void setFeedId(qint64 feedId);
    [[nodiscard]] qint64 feedId() const { return m_feedId; }
    void markRead(const QModelIndex &index);

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
    FeedRepository m_repository;
    qint64 m_feedId = 0;
    QList<FeedRepository::Item> m_rows;
    QList<FeedRepository::Item> m_staged;
};
