// The Feeds pane: folders and feeds with unread counts, their items, and a reader.
#pragma once

#include "feedrepository.h"
#include "pane.h"

#include <QSet>

class EpisodeDownloadBar;
class FeedItemsModel;
class FeedReader;
class FeedsModel;
class FeedSync;
class QCheckBox;
class QLabel;
class QPushButton;
class QTimer;
class QTableView;
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
    // The feed selected in the tree, or 0.
    [[nodiscard]] qint64 currentFeedId() const;
    // Selects a feed in the tree; false when there is no such feed.
    bool selectFeed(qint64 feedId);
    // Marks every item of the selected feed, folder or of all feeds read.
    void markAllRead();
    // The feed's settings (title, folder, interval, item limit, comments, sign-in) in a dialog.
    void showProperties(qint64 feedId);
    // Asks, then ends the subscription to a feed; its discussions stay.
    bool removeFeed(qint64 feedId);

    // Stops a running sync; what was stored stays.
    void cancelSync();

Q_SIGNALS:
    void syncStarted();
    void syncProgress(int done, int total);
    void syncDone();

private:
    [[nodiscard]] QStringList folderPaths() const;
    void syncFinished();
    void showItem(const QModelIndex &index);
    void scopeChanged();
    void updateFeedStatus();
    void showTreeMenu(const QPoint &position);
    void showItemMenu(const QPoint &position);
    void showRemoteImagesBar(int count);
    // The feed with this id; id 0 (and the error reported) when it cannot be read.
    [[nodiscard]] FeedRepository::Feed readFeed(qint64 feedId) const;
    [[nodiscard]] bool remoteImagesAllowed(qint64 feedId) const;
    void setRemoteImagesAllowed(qint64 feedId, bool allowed);

    FeedsModel *m_feeds = nullptr;
    FeedItemsModel *m_items = nullptr;
    QTreeView *m_tree = nullptr;
    QTableView *m_table = nullptr;
    FeedReader *m_reader = nullptr;
    QLabel *m_feedStatus = nullptr;
    QCheckBox *m_unreadOnly = nullptr;
    QWidget *m_remoteImagesBar = nullptr;
    QLabel *m_remoteImagesText = nullptr;
    qint64 m_shownFeedId = 0;
    EpisodeDownloadBar *m_episodeBar = nullptr;
    QPushButton *m_addFeed = nullptr;
    QPushButton *m_importOpml = nullptr;
    QPushButton *m_exportOpml = nullptr;
    QPushButton *m_emptyAddFeed = nullptr;
    QPushButton *m_emptyImportOpml = nullptr;
    QPushButton *m_syncNow = nullptr;
    QLabel *m_syncStatus = nullptr;
    FeedSync *m_sync = nullptr;
    int m_syncFailures = 0;
    int m_syncNewItems = 0;
    int m_syncNewComments = 0;
    int m_syncCommentFailures = 0;
    QTimer *m_syncTimer = nullptr;
    bool m_readOnly = false;
};
