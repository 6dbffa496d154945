// One episode download on the downloader's thread: a ".part" file that resumes with Range and
// If-Range, becomes the final file by an atomic rename, and never replaces a different file.
#pragma once

#include "episodedownload.h"

#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

class EpisodeTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EpisodeTransfer)

public:
    static constexpr int MaximumRedirects = 5;
    // Times a dropped connection is picked up again where it stopped, within one download.
    static constexpr int MaximumResumes = 3;

    EpisodeTransfer(EpisodeDownloadRequest request, int timeoutMs, QObject *parent = nullptr);
    ~EpisodeTransfer() override;

    // Both run on the thread the transfer lives on.
    void start(QNetworkAccessManager *network);
    // Stops; the part file stays for a later resume. finished() follows.
    void cancel();

Q_SIGNALS:
    void progress(int id, qint64 received, qint64 total);
    void finished(const EpisodeDownloadResult &result);

private:
    enum class Answer { None, Redirect, Body, WrongRange, RangeNotSatisfiable, Failed };

    [[nodiscard]] bool claimPartFile();
    [[nodiscard]] bool writeMeta();
    void sendRequest(const QUrl &url);
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void restartFromZero(const QUrl &url);
    void complete();
    [[nodiscard]] QString finalBaseName() const;
    [[nodiscard]] QString networkError(QNetworkReply *reply) const;
    void emitProgress(bool force);
    void fail(const QString &message);
    void finish();
    void dropReply();

    EpisodeDownloadRequest m_request;
    EpisodeDownloadResult m_result;
    int m_timeoutMs;
    QNetworkAccessManager *m_network = nullptr;
    QNetworkReply *m_reply = nullptr;
    QFile m_part;
    QString m_partName; // "name.ext.part"
    QString m_metaPath;
    // The stored validator pair of the bytes in the part file; If-Range sends one of them.
    QString m_etag;
    QString m_lastModified;
    qint64 m_offset = 0;   // bytes in the part file when the current request was sent
    qint64 m_received = 0; // bytes in the part file now
    qint64 m_total = -1;   // the whole file's size as the server announced it, -1 when unknown
    QString m_contentType;
    // The file name of the server's Content-Disposition, made safe; empty when it gives none.
    QString m_serverName;
    QList<QUrl> m_visited; // the requested address and the redirects from it
    Answer m_answer = Answer::None;
    bool m_askedRange = false;
    bool m_restarted = false;
    int m_resumes = 0;
    bool m_cancelled = false;
    bool m_done = false;
    QString m_error;
    QElapsedTimer m_sinceProgress;
};
