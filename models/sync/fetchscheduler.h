// Runs many feed fetches politely: limits per host and overall, spacing, cooldowns and backoff.
#pragma once

#include "fetchresult.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

class FeedFetcher;

class FetchScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FetchScheduler)

public:
    static constexpr int DefaultMaximumConcurrent = 6;
    static constexpr int DefaultMaximumPerHost = 2;
    static constexpr int DefaultHostSpacingMs = 250;
    static constexpr int DefaultRefreshIntervalSeconds = 60 * 60;
    // A 429 or 503 without a usable Retry-After keeps its host quiet this long.
    static constexpr int DefaultCooldownSeconds = 60;
    // Feeds whose host asks for a longer pause than this are postponed instead of waited for.
    static constexpr int DefaultMaximumHostWaitSeconds = 120;

    explicit FetchScheduler(QObject *parent = nullptr);

    // The fetcher doing the downloads, for its timeout and size limit.
    [[nodiscard]] FeedFetcher *fetcher() const { return m_fetcher; }

    void setMaximumConcurrent(int count);
    void setMaximumPerHost(int count);
    void setHostSpacing(int milliseconds);
    void setRefreshInterval(int seconds);
    void setMaximumHostWait(int seconds);

    // Queues a fetch; a request whose key() is already queued or running is not queued twice.
    void enqueue(const FetchRequest &request);
    void enqueue(const QList<FetchRequest> &requests);
    // Aborts every running fetch and empties the queue; emits allFinished().
    void cancel();

    [[nodiscard]] bool isIdle() const { return m_queue.isEmpty() && m_running.isEmpty(); }
    // Failures of a feed in a row so far, 0 after a success.
    [[nodiscard]] int consecutiveFailures(qint64 feedId) const
    {
        return m_failures.value(FetchKey{feedId, 0});
    }

    // When to fetch a feed next. consecutiveFailures counts result when it failed and is 0 when
    // it succeeded. A success waits the longest of the refresh interval, the feed's announced ttl
    // and max-age (the last two at most a day each); a failure waits the refresh interval doubled
    // per further failure, at most a day, and never less than Retry-After asks. Invalid for a
    // feed that is gone.
    [[nodiscard]] static QDateTime nextAttempt(const FetchResult &result,
                                               int consecutiveFailures,
                                               const QDateTime &now,
                                               int refreshIntervalSeconds,
                                               int ttlSeconds = 0);
    // The earliest next fetch a feed's announced ttl allows, at most a day after now; now for 0.
    [[nodiscard]] static QDateTime afterTtl(const QDateTime &now, int ttlSeconds);

Q_SIGNALS:
    void feedFinished(const FetchResult &result, const QDateTime &nextAttempt);
    void progress(int done, int total);
    void allFinished();

private:
    struct Running
    {
        QString host;
        FetchRequest request;
    };

    void schedule();
    void onFetched(const FetchResult &result);
    void postponeHost(const QString &host, const QDateTime &until);
    void complete(const FetchResult &result, const FetchRequest &request);

    FeedFetcher *m_fetcher = nullptr;
    QTimer m_wakeTimer;
    QList<FetchRequest> m_queue;
    QHash<FetchKey, Running> m_running;
    QHash<QString, int> m_hostRunning;
    QHash<QString, QDateTime> m_hostLastStart;
    QHash<QString, QDateTime> m_hostBlockedUntil;
    QHash<FetchKey, int> m_failures;
    int m_maximumConcurrent = DefaultMaximumConcurrent;
    int m_maximumPerHost = DefaultMaximumPerHost;
    int m_hostSpacingMs = DefaultHostSpacingMs;
    int m_refreshIntervalSeconds = DefaultRefreshIntervalSeconds;
    int m_maximumHostWaitSeconds = DefaultMaximumHostWaitSeconds;
    int m_done = 0;
    int m_total = 0;
};
