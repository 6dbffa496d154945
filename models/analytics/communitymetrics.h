// Headline figures and weekly activity of a community, computed in SQL for the dashboard.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

struct CommunityMetrics
{
    struct Week
    {
        QDate start;
        int posts = 0;
        int activeMembers = 0;
    };

    struct Contributor
    {
        qint64 memberId = 0;
        QString name;
        int posts = 0;
    };

    QDateTime computedAt;
    int windowDays = 30;
    int members = 0;
    int activeMembers = 0; // posted in the window
    int newMembers = 0;    // first seen in the window
    int discussions = 0;
    int posts = 0;
    int postsInWindow = 0;
    int feeds = 0;
    int unansweredDiscussions = 0; // started in the window, no reply yet
    double responseRate = 0;       // share of discussions started in the window with a reply
    QList<Week> weeks;             // oldest first
    QList<Contributor> topContributors;

    // Reads every figure at `now` over the last windowDays and `weekCount` weeks.
    [[nodiscard]] static CommunityMetrics compute(const QString &connectionName,
                                                  const QDateTime &now,
                                                  int windowDays = 30,
                                                  int weekCount = 26);
};
