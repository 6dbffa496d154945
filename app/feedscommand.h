// `watercooler feeds ...`: subscriptions from the command line (add, list, remove, OPML) and
// a look at how a feed file reads.
#pragma once

#include <QStringList>

class FeedsCommand final
{
public:
    // The arguments are the program, the database option if given, "feeds" and what follows.
    [[nodiscard]] static int run(const QStringList &arguments);
};
