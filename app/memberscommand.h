// `watercooler members ...`: merge members and undo merges, suggest duplicates, erase a member's
// personal data and recompute engagement levels.
#pragma once

#include <QStringList>

class MembersCommand final
{
public:
    // The arguments are the program, the database option if given, "members" and what follows.
    [[nodiscard]] static int run(const QStringList &arguments);
};
