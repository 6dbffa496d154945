// Builds the folder tree; a feed's tooltip tells its URL, last fetch and any error.
#include "feedsmodel.h"

#include "feedrepository.h"
#include "storageerror.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QLocale>

FeedsModel::FeedsModel(QString connectionName, QObject *parent)
    : QStandardItemModel(parent)
    , m_connectionName(std::move(connectionName))
{
    setHorizontalHeaderLabels({tr("Feeds")});
    reload();
}

int FeedsModel::reload()
{
    QList<FeedRepository::Folder> folders;
    QList<FeedRepository::Feed> feeds;
    try {
        const FeedRepository repository(m_connectionName);
        folders = repository.folders();
        feeds = repository.feeds();
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return m_feedCount;
    }

    removeRows(0, rowCount());
    QHash<qint64, QStandardItem *> folderItems;
    for (const FeedRepository::Folder &folder : std::as_const(folders)) {
        auto *item = new QStandardItem(folder.name);
        item->setData(folder.id, FolderIdRole);
        item->setEditable(false);
        folderItems.insert(folder.id, item);
    }
    // Parents first: attach each folder to its parent, or to the top.
    for (const FeedRepository::Folder &folder : std::as_const(folders)) {
        QStandardItem *parentItem = folderItems.value(folder.parentId, invisibleRootItem());
        parentItem->appendRow(folderItems.value(folder.id));
    }
    QHash<QStandardItem *, int> unreadPerFolder;
    for (const FeedRepository::Feed &feed : std::as_const(feeds)) {
        const QString title = feed.title.isEmpty() ? feed.url : feed.title;
        auto *item = new QStandardItem(
            feed.unreadCount > 0 ? tr("%1 (%2)").arg(title).arg(feed.unreadCount) : title);
        item->setEditable(false);
        item->setData(feed.id, FeedIdRole);
        item->setData(feed.unreadCount, UnreadRole);
        item->setData(feed.status, StatusRole);
        item->setData(feed.url, UrlRole);
        QStringList tip{feed.url};
        if (feed.lastFetched.isValid())
            tip << tr("Last fetched: %1")
                       .arg(QLocale().toString(feed.lastFetched.toLocalTime(),
                                               QLocale::ShortFormat));
        else
            tip << tr("Not fetched yet");
        if (feed.httpStatus > 0)
            tip << tr("HTTP status: %1").arg(feed.httpStatus);
        if (!feed.errorText.isEmpty())
            tip << tr("Error: %1").arg(feed.errorText);
        if (!feed.movedFromUrl.isEmpty())
            tip << tr("Moved from %1").arg(feed.movedFromUrl);
        if (feed.nextFetch.isValid() && feed.status == QLatin1String("active"))
            tip << tr("Next fetch: %1")
                       .arg(QLocale().toString(feed.nextFetch.toLocalTime(), QLocale::ShortFormat));
        if (feed.status == QLatin1String("gone"))
            tip << tr("The feed is gone for good; it is no longer fetched.");
        else if (feed.status == QLatin1String("paused"))
            tip << tr("Paused: not fetched.");
        item->setToolTip(tip.join(QLatin1Char('\n')));
        // A feed with a problem stands out; the tooltip says what it is.
        if (!feed.errorText.isEmpty() || feed.status == QLatin1String("gone")) {
            item->setForeground(QColor(185, 28, 28));
            item->setText(item->text() + QStringLiteral(" \u26A0"));
        }
        if (feed.unreadCount > 0) {
            QFont font;
            font.setBold(true);
            item->setFont(font);
        }
        QStandardItem *parentItem = folderItems.value(feed.folderId, invisibleRootItem());
        parentItem->appendRow(item);
        for (QStandardItem *p = parentItem; p && p != invisibleRootItem();
             p = p->parent() ? p->parent() : nullptr)
            unreadPerFolder[p] += feed.unreadCount;
    }
    for (auto it = unreadPerFolder.cbegin(); it != unreadPerFolder.cend(); ++it) {
        if (it.value() > 0) {
            it.key()->setText(tr("%1 (%2)").arg(it.key()->text()).arg(it.value()));
            QFont font;
            font.setBold(true);
            it.key()->setFont(font);
        }
        it.key()->setData(it.value(), UnreadRole);
    }
    m_feedCount = int(feeds.size());
    if (m_showsAllItems && m_feedCount > 0) {
        int unread = 0;
        for (const FeedRepository::Feed &feed : std::as_const(feeds))
            unread += feed.unreadCount;
        auto *all = new QStandardItem(unread > 0 ? tr("All Items (%1)").arg(unread)
                                                 : tr("All Items"));
        all->setEditable(false);
        all->setData(true, AllItemsRole);
        all->setData(unread, UnreadRole);
        if (unread > 0) {
            QFont font;
            font.setBold(true);
            all->setFont(font);
        }
        insertRow(0, all);
    }
    return m_feedCount;
}

void FeedsModel::setShowsAllItems(bool shows)
{
    if (m_showsAllItems == shows)
        return;
    m_showsAllItems = shows;
    reload();
}

QModelIndex FeedsModel::indexOfFeed(qint64 feedId) const
{
    return find(FeedIdRole, feedId);
}

QModelIndex FeedsModel::indexOfFolder(qint64 folderId) const
{
    return find(FolderIdRole, folderId);
}

QModelIndex FeedsModel::find(int role, qint64 id) const
{
    const QModelIndexList found = match(index(0, 0),
                                        role,
                                        id,
                                        1,
                                        Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.constFirst();
}
