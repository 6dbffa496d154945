// Builds the reply tree of a discussion.
#include "threadmodel.h"

#include "discussionrepository.h"
#include "storageerror.h"

#include <QHash>
#include <QLocale>

ThreadModel::ThreadModel(QString connectionName, QObject *parent)
    : QStandardItemModel(0, ColumnCount, parent)
    , m_connectionName(std::move(connectionName))
{
    setHorizontalHeaderLabels({tr("Author"), tr("Posted"), tr("Post")});
}

int ThreadModel::setDiscussion(qint64 discussionId)
{
    m_discussionId = discussionId;
    removeRows(0, rowCount());
    if (discussionId <= 0)
        return 0;
    QList<DiscussionRepository::Post> posts;
    try {
        posts = DiscussionRepository(m_connectionName).posts(discussionId);
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return 0;
    }
    QHash<qint64, QStandardItem *> items;
    for (const DiscussionRepository::Post &post : std::as_const(posts)) {
        const QString author = post.author.isEmpty() ? tr("Deleted member") : post.author;
        auto *authorItem = new QStandardItem(author);
        authorItem->setData(post.id, PostIdRole);
        authorItem->setData(post.authorId, AuthorIdRole);
        authorItem->setData(post.text, TextRole);
        authorItem->setData(post.html, HtmlRole);
        authorItem->setData(post.url, UrlRole);
        authorItem->setData(post.created, CreatedRole);
        authorItem->setData(post.hashtags, HashtagsRole);
        authorItem->setData(post.links, LinksRole);
        auto *postedItem = new QStandardItem(
            QLocale().toString(post.created.toLocalTime(), QLocale::ShortFormat));
        QString excerpt = post.text.simplified();
        if (excerpt.size() > 140)
            excerpt = excerpt.left(139) + QChar(0x2026);
        auto *excerptItem = new QStandardItem(excerpt);
        excerptItem->setToolTip(post.text);
        const QList<QStandardItem *> row{authorItem, postedItem, excerptItem};
        for (QStandardItem *item : row)
            item->setEditable(false);
        QStandardItem *parentItem = items.value(post.parentId, invisibleRootItem());
        parentItem->appendRow(row);
        items.insert(post.id, authorItem);
    }
    return int(posts.size());
}
