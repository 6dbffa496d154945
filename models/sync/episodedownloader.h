// Downloads podcast episodes into a folder on a thread of their own: at most two at once, the rest
// queued; progress, cancel (the part stays for a later resume) and one result per download.
#pragma once

#include "episodedownload.h"

#include <QHash>
#include <QList>
#include <QObject>

class Database;
class EpisodeTransfer;
class QNetworkAccessManager;
class QThread;

class EpisodeDownloader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EpisodeDownloader)

public:
    static constexpr int MaximumRunning = 2;
    static constexpr int DefaultTimeoutMs = 30 * 1000;

    // Without a database only addresses can be downloaded. With one (it must outlive this
    // object), enclosures can be downloaded by id and their files are recorded in it.
    explicit EpisodeDownloader(const Database *database = nullptr, QObject *parent = nullptr);
    ~EpisodeDownloader() override;

    // For every request: connecting and each pause in the transfer.
    void setTimeout(int milliseconds);

    // Queues a download and returns its id; finished() reports it, even when it cannot start.
    // The same address for the same folder while it is queued or running gives the same id.
    int download(const QUrl &url, const QString &folder);
    int download(qint64 enclosureId, const QString &folder);
    void cancel(int id);
    void cancelAll();

    // The running or queued download of this enclosure, or 0.
    [[nodiscard]] int downloadOf(qint64 enclosureId) const;
    [[nodiscard]] bool isRunning(int id) const { return m_running.contains(id); }
    [[nodiscard]] int runningCount() const { return int(m_running.size()); }
    [[nodiscard]] int queuedCount() const { return int(m_queue.size()); }

Q_SIGNALS:
    void started(int id);
    // total is -1 while the size is unknown.
    void progress(int id, qint64 received, qint64 total);
    void finished(const EpisodeDownloadResult &result);

private:
    int enqueue(EpisodeDownloadRequest request);
    void startNext();
    void onTransferFinished(EpisodeDownloadResult result);
    void reportLater(const EpisodeDownloadResult &result);

    const Database *m_database = nullptr;
    QThread *m_thread = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QList<EpisodeDownloadRequest> m_queue;
    QHash<int, EpisodeTransfer *> m_running;
    QHash<int, EpisodeDownloadRequest> m_requests; // queued and running
    int m_lastId = 0;
    int m_timeoutMs = DefaultTimeoutMs;
};
