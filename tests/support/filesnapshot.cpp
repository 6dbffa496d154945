// Reads a file's bytes and modification time.
#include "filesnapshot.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

FileSnapshot FileSnapshot::take(const QString &filePath)
{
    FileSnapshot snapshot;
    const QFileInfo info(filePath);
    snapshot.exists = info.exists();
    if (!snapshot.exists)
        return snapshot;
    snapshot.modified = info.lastModified();
    QFile file(filePath);
    if (file.open(QIODevice::ReadOnly))
        snapshot.contents = file.readAll();
    return snapshot;
}

QStringList FileSnapshot::entries(const QString &dirPath)
{
    return QDir(dirPath).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                       | QDir::NoDotAndDotDot,
                                   QDir::Name);
}
