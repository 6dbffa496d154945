// The tree of folders and feeds with unread counts and each feed's status.
#pragma once

#include <QStandardItemModel>

class FeedsModel final : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Role {
        FeedIdRole = Qt::UserRole + 1,
        FolderIdRole,
        UnreadRole,
        StatusRole,
        UrlRole,
        AllItemsRole
    };

    explicit FeedsModel(QString connectionName, QObject *parent = nullptr);

    // Reads folders and feeds again; returns the number of feeds.
    int reload();
    [[nodiscard]] int feedCount() const { return m_feedCount; }
    // Puts an "All Items" row (AllItemsRole true) above the folders while there are feeds.
    void setShowsAllItems(bool shows);
    // The row of this feed or folder, or invalid; for keeping a selection across reload().
    [[nodiscard]] QModelIndex indexOfFeed(qint64 feedId) const;
    [[nodiscard]] QModelIndex indexOfFolder(qint64 folderId) const;

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    [[nodiscard]] QModelIndex find(int role, qint64 id) const;

    QString m_connectionName;
    int m_feedCount = 0;
    bool m_showsAllItems = false;
};
