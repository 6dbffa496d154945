// The posts of one discussion as a tree: replies nested under the post they answer.
#pragma once

#include <QHash>
#include <QStandardItemModel>

class ThreadModel final : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Column { AuthorColumn, PostedColumn, ExcerptColumn, ColumnCount };
    enum Role {
        PostIdRole = Qt::UserRole + 1,
        AuthorIdRole,
        TextRole,
        HtmlRole,
        UrlRole,
        CreatedRole,
        HashtagsRole,
        LinksRole,
        // The handles mentioned in the post (normalized) mapped to their members' ids (0: unknown).
        MentionsRole,
        TagsRole,
        NeedsResponseRole
    };

    explicit ThreadModel(QString connectionName, QObject *parent = nullptr);

    // Loads the thread; returns the number of posts.
    int setDiscussion(qint64 discussionId);
    [[nodiscard]] qint64 discussionId() const { return m_discussionId; }
    // The first-column index of a post in the tree, invalid when it is not in this thread.
    [[nodiscard]] QModelIndex indexOfPost(qint64 postId) const;

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    QString m_connectionName;
    qint64 m_discussionId = 0;
    QHash<qint64, QStandardItem *> m_items; // post id -> first-column item
};
