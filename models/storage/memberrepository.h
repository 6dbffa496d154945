// Members: pages for the members table, one member's detail, and counts.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class MemberRepository final
{
public:
    enum class SortKey {
        Name,
        Posts,
        RepliesGiven,
        RepliesReceived,
        Mentions,
        FirstSeen,
        LastSeen,
        Level // engagement level, then score
    };

    struct Row
    {
        qint64 id = 0;
        QString name;
        QStringList handles; // "source: @handle" style, for display
        QStringList tags;
        int posts = 0;
        int repliesGiven = 0;
        int repliesReceived = 0;
        int mentionsReceived = 0;
        QDateTime firstSeen;
        QDateTime lastSeen;
        double engagementScore = 0;
        int engagementLevel = 0; // EngagementFormula::Level
    };

    struct Identity
    {
        QString source;
        QString kind;
        QString value;
    };

    struct RecentPost
    {
        qint64 postId = 0;
        qint64 discussionId = 0;
        QString discussionTitle;
        QDateTime created;
        QString text;
    };

    struct Interaction
    {
        qint64 memberId = 0;
        QString name;
        int count = 0;
    };

    struct Detail
    {
        Row row;
        QString email;
        QString notes;
        qint64 rowVersion = 0;
        QList<Identity> identities;
        QList<RecentPost> recentPosts;
        QList<Interaction> interactions;
    };

    explicit MemberRepository(QString connectionName);

    // One page of members whose name, handle or tag contains filter (case-insensitive), of one
    // engagement level only when level >= 0.
    [[nodiscard]] QList<Row> page(const QString &filter,
                                  SortKey sortKey,
                                  Qt::SortOrder order,
                                  int offset,
                                  int limit,
                                  int level = -1) const;
    [[nodiscard]] Detail detail(qint64 memberId) const;
    [[nodiscard]] int count() const;

    // Saves a member's notes over expectedVersion (Detail::rowVersion) and returns the new
    // version. Throws ConcurrentChangeError when someone else saved the member in between.
    qint64 updateNotes(qint64 memberId, const QString &notes, qint64 expectedVersion);

private:
    void fillHandlesAndTags(QList<Row> &rows) const;

    QString m_connectionName;
};
