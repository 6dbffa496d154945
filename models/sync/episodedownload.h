// The value structs an episode download starts from and ends with.
#pragma once

#include <QMetaType>
#include <QString>
#include <QUrl>

struct EpisodeDownloadRequest
{
    int id = 0;
    qint64 enclosureId = 0; // 0 for a plain address
    QUrl url;
    QString folder;
    // What the feed announced; names a file whose address has no extension.
    QString mimeType;
};

struct EpisodeDownloadResult
{
    int id = 0;
    qint64 enclosureId = 0;
    QUrl url;
    QString filePath;   // the complete file; empty unless the download succeeded
    qint64 bytes = 0;   // the size of the complete file, or of the part kept for a later resume
    int httpStatus = 0; // of the last response, 0 when none arrived
    bool resumed = false;
    bool cancelled = false;
    QString errorString; // empty when it worked or was cancelled

    [[nodiscard]] bool succeeded() const { return !cancelled && errorString.isEmpty(); }
};

Q_DECLARE_METATYPE(EpisodeDownloadResult)
