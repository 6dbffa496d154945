// Where podcast episodes are saved: the folder the user chose (setting podcasts/downloadFolder),
// else the Music folder, else the Downloads folder. The GUI and the command line share it.
#pragma once

#include <QString>

class DownloadFolder final
{
public:
    // The folder the user chose; empty until one was chosen.
    [[nodiscard]] static QString chosen();
    static void choose(const QString &folder);
    // The folder to use when none was chosen.
    [[nodiscard]] static QString fallback();
    // chosen(), else fallback().
    [[nodiscard]] static QString current();
};
