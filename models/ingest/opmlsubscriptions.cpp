// Between OPML documents and the feeds and folders tables.
#include "opmlsubscriptions.h"

#include "feedrepository.h"
#include "opmldocument.h"
#include "storageerror.h"
#include "transaction.h"

#include <QHash>
#include <QUrl>

#include <functional>

OpmlSubscriptions::ImportResult OpmlSubscriptions::importDocument(const QString &connectionName,
                                                                  const QByteArray &opml)
{
    QString error;
    const OpmlDocument document = OpmlDocument::read(opml, &error);
    if (!error.isEmpty())
        throw StorageError(tr("This is not a usable OPML file: %1").arg(error));

    ImportResult result;
    const QList<FeedEntry> entries = document.feeds(&result.duplicates);
    FeedRepository feeds(connectionName);
    Transaction transaction(connectionName);
    for (const FeedEntry &entry : entries) {
        // Some readers keep their own entries (saved searches, "vfolder") in the list.
        const QUrl url(entry.xmlUrl);
        if (!url.isValid()
            || !QStringList{QStringLiteral("http"), QStringLiteral("https")}.contains(
                url.scheme())) {
            result.notFeeds << entry.xmlUrl;
            continue;
        }
        if (feeds.feedIdForUrl(entry.xmlUrl) != 0) {
            result.alreadySubscribed << entry.xmlUrl;
            continue;
        }
        FeedRepository::NewFeed feed;
        feed.url = entry.xmlUrl;
        feed.title = entry.title;
        feed.siteUrl = entry.htmlUrl;
        feed.folderPath = entry.folderPath;
        feeds.addFeed(feed);
        ++result.added;
    }
    transaction.commit();
    result.duplicates.removeIf([&](const QString &url) { return result.notFeeds.contains(url); });
    return result;
}

QByteArray OpmlSubscriptions::exportDocument(const QString &connectionName)
{
    const FeedRepository repository(connectionName);
    const QList<FeedRepository::Folder> folders = repository.folders();
    const QList<FeedRepository::Feed> feeds = repository.feeds();

    // Build the folder tree bottom-up: children first, then attach them to their parents.
    QHash<qint64, OpmlOutline> folderOutlines;
    QHash<qint64, QList<qint64>> childFolders;
    for (const FeedRepository::Folder &folder : folders) {
        OpmlOutline outline;
        outline.text = folder.name;
        outline.title = folder.name;
        folderOutlines.insert(folder.id, outline);
        childFolders[folder.parentId] << folder.id;
    }
    QList<OpmlOutline> topLevel;
    for (const FeedRepository::Feed &feed : feeds) {
        OpmlOutline outline;
        outline.type = QStringLiteral("rss");
        outline.text = feed.title.isEmpty() ? feed.url : feed.title;
        outline.title = outline.text;
        outline.xmlUrl = feed.url;
        outline.htmlUrl = feed.siteUrl;
        if (feed.folderId != 0 && folderOutlines.contains(feed.folderId))
            folderOutlines[feed.folderId].children << outline;
        else
            topLevel << outline;
    }
    std::function<OpmlOutline(qint64)> assemble = [&](qint64 folderId) {
        OpmlOutline outline = folderOutlines.value(folderId);
        for (const qint64 child : childFolders.value(folderId))
            outline.children.prepend(assemble(child));
        return outline;
    };
    QList<OpmlOutline> outlines;
    for (const qint64 folderId : childFolders.value(0)) {
        const OpmlOutline folder = assemble(folderId);
        if (!folder.children.isEmpty())
            outlines << folder;
    }
    outlines << topLevel;

    OpmlDocument document;
    document.setTitle(tr("Watercooler subscriptions"));
    document.setOutlines(outlines);
    return document.write();
}
