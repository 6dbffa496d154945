// The Feeds pane: folders and feeds with unread counts, their items, and a reader.
#pragma once

#include "pane.h"

class FeedItemsModel;
class FeedsModel;
class FeedSync;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
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

    // Asks for a feed, or a web page whose feeds to choose from, and subscribes to them; true
    // when at least one was added. Feeds already followed are reported through errorOccurred().
    bool addFeed(const QString &presetUrl = {});
    void importOpml();
    void exportOpml();
    // Fetches the given feeds (or the due ones) off the window's thread; the button cancels.
    void syncNow(const QList<qint64> &feedIds = {});
    [[nodiscard]] bool isSyncing() const;

Q_SIGNALS:
    void syncDone();

private:
    [[nodiscard]] QStringList folderPaths() const;
    void syncFinished();
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
    QPushButton *m_syncNow = nullptr;
    QProgressBar *m_syncProgress = nullptr;
    QLabel *m_syncStatus = nullptr;
    FeedSync *m_sync = nullptr;
    int m_syncFailures = 0;
    int m_syncNewItems = 0;
    QTimer *m_syncTimer = nullptr;
    bool m_readOnly = false;
};
