// The episode download folder in the user's settings, with a sensible default.
#include "downloadfolder.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace {

const QString settingKey = QStringLiteral("podcasts/downloadFolder");

QSettings settings()
{
    return QSettings(QSettings::UserScope, QStringLiteral("watercooler"));
}

} // namespace

QString DownloadFolder::chosen()
{
    return settings().value(settingKey).toString();
}

void DownloadFolder::choose(const QString &folder)
{
    QSettings s = settings();
    s.setValue(settingKey, QDir::cleanPath(folder));
}

QString DownloadFolder::fallback()
{
    const QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    if (!music.isEmpty() && QDir(music).exists())
        return music;
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return downloads.isEmpty() ? QDir::homePath() : downloads;
}

QString DownloadFolder::current()
{
    const QString folder = chosen();
    return folder.isEmpty() ? fallback() : folder;
}
