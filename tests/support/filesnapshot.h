// What a file looked like at one moment, to prove that refusing it left it untouched.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

struct FileSnapshot
{
    bool exists = false;
    QByteArray contents;
    QDateTime modified;

    [[nodiscard]] static FileSnapshot take(const QString &filePath);
    // The names in a folder, including hidden files, to see that nothing was added next to a file.
    [[nodiscard]] static QStringList entries(const QString &dirPath);
};
