// `watercooler sync [--feed ID]... [--json]`: fetches feeds once and stores what they brought.
#pragma once

#include <QStringList>

class SyncCommand final
{
public:
    // The arguments are the program, the database option if given, "sync" and what follows.
    [[nodiscard]] static int run(const QStringList &arguments);
};
