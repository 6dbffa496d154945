// The Feeds pane: folders and feeds with unread counts, their items, and a reader.
#pragma once

#include "pane.h"

class FeedItemsModel;
class FeedsModel;
class QPushButton;
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
    void setReadOnly(bool readOnly) override;

    // Asks for a feed and subscribes to it; true when one was added.
    bool addFeed(const QString &presetUrl = {});
    void importOpml();
    void exportOpml();

private:
    [[nodiscard]] QStringList folderPaths() const;
    void showItem(const QModelIndex &index);

    FeedsModel *m_feeds = nullptr;
    FeedItemsModel *m_items = nullptr;
    QTreeView *m_tree = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_reader = nullptr;
    QPushButton *m_addFeed = nullptr;
    QPushButton *m_importOpml = nullptr;
    QPushButton *m_exportOpml = nullptr;
    QPushButton *m_emptyAddFeed = nullptr;
    QPushButton *m_emptyImportOpml = nullptr;
};
