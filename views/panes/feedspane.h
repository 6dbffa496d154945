// The Feeds pane: folders and feeds with unread counts, their items, and a reader.
#pragma once

#include "pane.h"

class FeedItemsModel;
class FeedsModel;
class QTableView;
class QTextBrowser;
class QTreeView;

class FeedsPane final : public Pane
{
    Q_OBJECT

public:
    explicit FeedsPane(const Database &database, QWidget *parent = nullptr);

    void reload() override;
    [[nodiscard]] bool hasData() const override;

private:
    void showItem(const QModelIndex &index);

    FeedsModel *m_feeds = nullptr;
    FeedItemsModel *m_items = nullptr;
    QTreeView *m_tree = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_reader = nullptr;
};
