// Discussions: pages for the discussions table and the posts of one thread.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class DiscussionRepository final
{
public:
    enum class SortKey { Title, Source, Started, LastPost, Posts, Participants };

    struct Row
    {
        qint64 id = 0;
        QString title;
        QString source;
        QDateTime started;
        QDateTime lastPost;
        int posts = 0;
        int participants = 0;
    };

    struct Post
    {
        qint64 id = 0;
        qint64 parentId = 0;
        qint64 authorId = 0;
        QString author;
        QDateTime created;
        QString text;
        QString html;
        QString url;
        QStringList hashtags;
        QStringList links;
    };

    explicit DiscussionRepository(QString connectionName);

    [[nodiscard]] QList<Row> page(
        const QString &filter, SortKey sortKey, Qt::SortOrder order, int offset, int limit) const;
    // Every post of a discussion, oldest first.
    [[nodiscard]] QList<Post> posts(qint64 discussionId) const;
    [[nodiscard]] int count() const;

private:
    QString m_connectionName;
};
