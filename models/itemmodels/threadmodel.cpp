// Builds the reply tree of a discussion.
#include "threadmodel.h"

#include "discussionrepository.h"
#include "storageerror.h"
#include "textextractor.h"

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
    m_items.clear();
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
    // Every row is made first, then hung under its parent: a reply may carry an earlier time
    // than the post it answers (clocks differ), and still belongs under it.
    QList<QList<QStandardItem *>> rows;
    rows.reserve(posts.size());
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
        QVariantMap mentions;
        for (const DiscussionRepository::Mention &mention : post.mentions)
            mentions.insert(TextExtractor::normalizeHandle(mention.handle), mention.memberId);
        authorItem->setData(mentions, MentionsRole);
        authorItem->setData(post.tags, TagsRole);
        authorItem->setData(post.needsResponse, NeedsResponseRole);
        auto *postedItem = new QStandardItem(
            QLocale().toString(post.created.toLocalTime(), QLocale::ShortFormat));
        QString excerpt = post.text.simplified();
        if (excerpt.size() > 140)
            excerpt = excerpt.left(139) + QChar(0x2026);
        if (post.needsResponse) {
            excerpt = QChar(0x2691) + QLatin1Char(' ') + excerpt; // a flag
            authorItem->setToolTip(tr("Needs a response"));
        }
        auto *excerptItem = new QStandardItem(excerpt);
        excerptItem->setToolTip(post.text);
        const QList<QStandardItem *> row{authorItem, postedItem, excerptItem};
        for (QStandardItem *item : row)
            item->setEditable(false);
        m_items.insert(post.id, authorItem);
        rows << row;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const DiscussionRepository::Post &post = posts.at(i);
        QStandardItem *parentItem = m_items.value(post.parentId, invisibleRootItem());
        // A reply chain that loops (bad data) is cut where it would close the circle.
        for (QStandardItem *up = parentItem; up && up != invisibleRootItem(); up = up->parent()) {
            if (up == rows.at(i).constFirst()) {
                parentItem = invisibleRootItem();
                break;
            }
        }
        parentItem->appendRow(rows.at(i));
    }
    return int(posts.size());
}

QModelIndex ThreadModel::indexOfPost(qint64 postId) const
{
    const QStandardItem *item = m_items.value(postId);
    return item ? item->index() : QModelIndex();
}
