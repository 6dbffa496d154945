// The posts of one discussion as a tree: replies nested under the post they answer.
#pragma once

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
        LinksRole
    };

    explicit ThreadModel(QString connectionName, QObject *parent = nullptr);

    // Loads the thread; returns the number of posts.
    int setDiscussion(qint64 discussionId);
    [[nodiscard]] qint64 discussionId() const { return m_discussionId; }

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    QString m_connectionName;
    qint64 m_discussionId = 0;
};
