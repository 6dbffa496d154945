// The engagement formula the user sees and edits: a weight per kind of activity, a look-back
// window and the score thresholds of the levels. Stored in the database so a team shares it.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <array>

class EngagementFormula final
{
    Q_DECLARE_TR_FUNCTIONS(EngagementFormula)

public:
    // What a member did. A post starts a discussion outside feeds, a reply answers in one; a feed
    // item starts a discussion of a feed and a comment answers there; a mention is one @name in
    // what the member wrote.
    enum class Activity { Post, Reply, Mention, FeedItem, Comment };
    static constexpr int ActivityCount = 5;

    // Stored as numbers in members.engagement_level; the order is the order of engagement.
    enum class Level { Inactive, Exploring, Participating, Contributing, Leading };
    static constexpr int LevelCount = 5;

    EngagementFormula();

    [[nodiscard]] double weight(Activity activity) const;
    void setWeight(Activity activity, double weight);
    [[nodiscard]] int windowDays() const { return m_windowDays; }
    void setWindowDays(int days) { m_windowDays = days; }
    // The lowest score of Participating, Contributing or Leading (Exploring starts above none:
    // any activity in the window).
    [[nodiscard]] double threshold(Level level) const;
    void setThreshold(Level level, double score);

    // The level of a score; Inactive when there was no activity in the window at all.
    [[nodiscard]] Level levelFor(double score, bool active) const;

    // Why the formula cannot be used (negative weights, thresholds out of order...), or empty.
    [[nodiscard]] QString problem() const;

    [[nodiscard]] static QString activityName(Activity activity);
    [[nodiscard]] static QString levelName(Level level);
    [[nodiscard]] static QString levelName(int level);

    // Reads the stored formula (defaults for what was never saved); saves it in one transaction.
    [[nodiscard]] static EngagementFormula load(const QString &connectionName);
    void save(const QString &connectionName) const;

    friend bool operator==(const EngagementFormula &, const EngagementFormula &) = default;

private:
    std::array<double, ActivityCount> m_weights{};
    std::array<double, 3> m_thresholds{}; // Participating, Contributing, Leading
    int m_windowDays = 90;
};
