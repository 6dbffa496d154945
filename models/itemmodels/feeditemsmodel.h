// Items of one feed (or of all feeds), newest first, paged from SQL; unread items are bold.
#pragma once

#include "feedrepository.h"
#include "pagedrowmodel.h"

class FeedItemsModel final : public PagedRowModel<FeedRepository::Item>
{
    Q_OBJECT

public:
    enum Column { TitleColumn, FeedColumn, AuthorColumn, PublishedColumn, ColumnCount };
    enum ItemRole {
        DiscussionIdRole = SortValueRole + 1,
        ReadRole,
        LinkRole,
        StarredRole,
        FeedIdRole,
        EnclosureCountRole
    };

    explicit FeedItemsModel(const QString &connectionName, QObject *parent = nullptr);

    // 0 shows the items of every feed.
    void setFeedId(qint64 feedId);
    [[nodiscard]] qint64 feedId() const { return m_scope.feedId; }
    // One feed, a folder with its sub-folders, or everything; optionally unread or starred only.
    void setScope(const FeedRepository::ItemScope &scope);
    [[nodiscard]] FeedRepository::ItemScope scope() const { return m_scope; }
    void markRead(const QModelIndex &index);
    void setRead(const QModelIndex &index, bool read);
    void setStarred(const QModelIndex &index, bool starred);
    // Marks every item of the current scope read, also those not fetched into the model yet.
    void markAllRead();

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section,
                                      Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

protected:
    QList<FeedRepository::Item> readRows(int offset, int limit) override;

private:
    FeedRepository m_repository;
    FeedRepository::ItemScope m_scope;
};
