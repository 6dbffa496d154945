// The tree of folders and feeds with unread counts and each feed's status.
#pragma once

#include <QStandardItemModel>

class FeedsModel final : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Role { FeedIdRole = Qt::UserRole + 1, FolderIdRole, UnreadRole, StatusRole, UrlRole };

    explicit FeedsModel(QString connectionName, QObject *parent = nullptr);

    // Reads folders and feeds again; returns the number of feeds.
    int reload();
    [[nodiscard]] int feedCount() const { return m_feedCount; }

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    QString m_connectionName;
    int m_feedCount = 0;
};
