// `watercooler feeds download ITEM_ID`: saves a feed item's enclosures (podcast episodes).
#pragma once

#include <QStringList>

class DownloadCommand final
{
public:
    // The arguments are the program, the database option if given, "feeds", "download" and
    // what follows.
    [[nodiscard]] static int run(const QStringList &arguments);
};
