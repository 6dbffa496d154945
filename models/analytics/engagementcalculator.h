// Computes every member's engagement score and level in SQL, set-based (a few UPDATE statements
// over ranges of members, never one round trip per member), and explains one member's.
#pragma once

#include "engagementformula.h"

#include <QDateTime>
#include <QList>

#include <array>
#include <functional>

class EngagementCalculator final
{
public:
    // Called with members done and members in all; returning false cancels (nothing is stored).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    struct Explanation
    {
        EngagementFormula formula;
        QDateTime asOf; // the end of the window
        std::array<int, EngagementFormula::ActivityCount> counts{};
        double score = 0;
        EngagementFormula::Level level = EngagementFormula::Level::Inactive;
    };

    explicit EngagementCalculator(QString connectionName);

    // Recomputes all members with the stored formula for the window ending at asOf (now when
    // invalid) in one transaction, and remembers asOf for later partial recomputes. Throws
    // StorageError (OperationCancelled when cancelled).
    void recomputeAll(const QDateTime &asOf = {}, const Progress &progress = {});
    // Recomputes some members (after a merge, an edit) for the window of the last full run.
    void recomputeMembers(const QList<qint64> &memberIds);

    // The counts behind a member's score, computed the way recomputeAll() does.
    [[nodiscard]] Explanation explain(qint64 memberId) const;
    // The end of the window of the last full recompute (now when there was none).
    [[nodiscard]] QDateTime lastAsOf() const;
    // Whether the levels were never computed or last computed more than maxAge seconds ago.
    [[nodiscard]] bool isStale(qint64 maxAge = 86400) const;

private:
    // Runs the score and level updates on the members selected by where (with its values).
    void update(const EngagementFormula &formula,
                qint64 asOf,
                const QString &where,
                const QVariantList &values) const;

    QString m_connectionName;
};
