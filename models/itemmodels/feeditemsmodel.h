// Items of one feed (or of all feeds), newest first, paged from SQL; unread items are bold.
#pragma once

#include "feedrepository.h"
#include "pagedrowmodel.h"

class FeedItemsModel final : public PagedRowModel<FeedRepository::Item>
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
    QList<FeedRepository::Item> readRows(int offset, int limit) override;

private:
    FeedRepository m_repository;
    qint64 m_feedId = 0;
};
