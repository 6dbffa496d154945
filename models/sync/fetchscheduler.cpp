// Runs many feed fetches politely: limits per host and overall, spacing, cooldowns and backoff.
#include "fetchscheduler.h"

#include "feedfetcher.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace {

constexpr qint64 secondsPerDay = 24 * 60 * 60;
constexpr qint64 longestRetryAfterSeconds = 7 * secondsPerDay;

QString hostOf(const QUrl &url)
{
    return url.host().toLower();
}

bool asksToWait(const FetchResult &result)
{
    return result.httpStatus == 429 || result.httpStatus == 503;
}

} // namespace

FetchScheduler::FetchScheduler(QObject *parent)
    : QObject(parent)
    , m_fetcher(new FeedFetcher(this))
{
    m_wakeTimer.setSingleShot(true);
    m_wakeTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_wakeTimer, &QTimer::timeout, this, &FetchScheduler::schedule);
    connect(m_fetcher, &FeedFetcher::finished, this, &FetchScheduler::onFetched);
}

void FetchScheduler::setMaximumConcurrent(int count)
{
    m_maximumConcurrent = qMax(1, count);
}

void FetchScheduler::setMaximumPerHost(int count)
{
    m_maximumPerHost = qMax(1, count);
}

void FetchScheduler::setHostSpacing(int milliseconds)
{
    m_hostSpacingMs = qMax(0, milliseconds);
}

void FetchScheduler::setRefreshInterval(int seconds)
{
    m_refreshIntervalSeconds = qMax(1, seconds);
}

void FetchScheduler::setMaximumHostWait(int seconds)
{
    m_maximumHostWaitSeconds = qMax(0, seconds);
}

void FetchScheduler::enqueue(const FetchRequest &request)
{
    enqueue(QList<FetchRequest>{request});
}

void FetchScheduler::enqueue(const QList<FetchRequest> &requests)
{
    if (isIdle())
        m_done = m_total = 0;
    for (const FetchRequest &request : requests) {
        const bool queued = std::any_of(m_queue.cbegin(),
                                        m_queue.cend(),
                                        [&](const FetchRequest &r) {
                                            return r.key() == request.key();
                                        });
        if (queued || m_running.contains(request.key()))
            continue;
        // Failures stored by an earlier run continue the backoff where it stopped.
        if (request.previousFailures > m_failures.value(request.key()))
            m_failures.insert(request.key(), request.previousFailures);
        m_queue.append(request);
        ++m_total;
    }
    Q_EMIT progress(m_done, m_total);
    schedule();
}

void FetchScheduler::cancel()
{
    m_wakeTimer.stop();
    m_fetcher->abortAll();
    m_queue.clear();
    m_running.clear();
    m_hostRunning.clear();
    Q_EMIT allFinished();
}

void FetchScheduler::schedule()
{
    m_wakeTimer.stop();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 wakeInMs = -1;
    for (qsizetype i = 0; i < m_queue.size() && m_running.size() < m_maximumConcurrent;) {
        const QString host = hostOf(m_queue.at(i).url);
        // A host at its limit is looked at again when one of its fetches ends.
        if (m_hostRunning.value(host) >= m_maximumPerHost) {
            ++i;
            continue;
        }
        qint64 waitMs = 0;
        const QDateTime blockedUntil = m_hostBlockedUntil.value(host);
        if (blockedUntil.isValid())
            waitMs = qMax(waitMs, now.msecsTo(blockedUntil));
        const QDateTime lastStart = m_hostLastStart.value(host);
        if (lastStart.isValid())
            waitMs = qMax(waitMs, m_hostSpacingMs - lastStart.msecsTo(now));
        if (waitMs > 0) {
            wakeInMs = wakeInMs < 0 ? waitMs : qMin(wakeInMs, waitMs);
            ++i;
            continue;
        }
        const FetchRequest request = m_queue.takeAt(i);
        m_running.insert(request.key(), Running{host, request});
        ++m_hostRunning[host];
        m_hostLastStart.insert(host, now);
        m_fetcher->fetch(request);
    }
    if (wakeInMs >= 0)
        m_wakeTimer.start(int(qMin<qint64>(wakeInMs, std::numeric_limits<int>::max())));
}

void FetchScheduler::onFetched(const FetchResult &result)
{
    const auto it = m_running.find(result.key());
    if (it == m_running.end())
        return;
    const QString host = it->host;
    const FetchRequest request = it->request;
    m_running.erase(it);
    --m_hostRunning[host];

    if (result.succeeded())
        m_failures.remove(result.key());
    else
        ++m_failures[result.key()];

    if (asksToWait(result)) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QDateTime until = result.retryAfter.isValid() && result.retryAfter > now
                              ? qMin(result.retryAfter, now.addSecs(longestRetryAfterSeconds))
                              : now.addSecs(DefaultCooldownSeconds);
        const QDateTime previous = m_hostBlockedUntil.value(host);
        if (previous.isValid() && previous > until)
            until = previous;
        m_hostBlockedUntil.insert(host, until);
        complete(result, request);
        if (now.msecsTo(until) > qint64(m_maximumHostWaitSeconds) * 1000)
            postponeHost(host, until);
    } else {
        complete(result, request);
    }

    if (isIdle())
        Q_EMIT allFinished();
    else
        schedule();
}

void FetchScheduler::postponeHost(const QString &host, const QDateTime &until)
{
    for (qsizetype i = 0; i < m_queue.size();) {
        if (hostOf(m_queue.at(i).url) != host) {
            ++i;
            continue;
        }
        const FetchRequest request = m_queue.takeAt(i);
        FetchResult result;
        result.feedId = request.feedId;
        result.itemId = request.itemId;
        result.requestedUrl = request.url;
        result.retryAfter = until;
        result.errorString = tr("Not fetched: the server at %1 asked to wait until %2.")
                                 .arg(host,
                                      QLocale().toString(until.toLocalTime(), QLocale::ShortFormat));
        complete(result, request);
    }
}

void FetchScheduler::complete(const FetchResult &result, const FetchRequest &request)
{
    ++m_done;
    const QDateTime next = nextAttempt(result,
                                       m_failures.value(result.key()),
                                       QDateTime::currentDateTimeUtc(),
                                       request.refreshIntervalSeconds > 0
                                           ? request.refreshIntervalSeconds
                                           : m_refreshIntervalSeconds,
                                       request.ttlSeconds);
    Q_EMIT feedFinished(result, next);
    Q_EMIT progress(m_done, m_total);
}

QDateTime FetchScheduler::nextAttempt(const FetchResult &result,
                                      int consecutiveFailures,
                                      const QDateTime &now,
                                      int refreshIntervalSeconds,
                                      int ttlSeconds)
{
    if (result.gone)
        return {};
    const qint64 refresh = qMax(1, refreshIntervalSeconds);
    if (result.succeeded()) {
        const qint64 maxAge = qMin<qint64>(result.maxAgeSeconds, secondsPerDay);
        return qMax(now.addSecs(qMax(refresh, maxAge)), afterTtl(now, ttlSeconds));
    }
    const qint64 longest = qMax(refresh, secondsPerDay);
    qint64 wait = refresh;
    for (int i = 1; i < consecutiveFailures && wait < longest; ++i)
        wait *= 2;
    QDateTime next = now.addSecs(qMin(wait, longest));
    if (result.retryAfter.isValid()) {
        const QDateTime asked = qMin(result.retryAfter, now.addSecs(longestRetryAfterSeconds));
        if (asked > next)
            next = asked;
    }
    return next;
}

QDateTime FetchScheduler::afterTtl(const QDateTime &now, int ttlSeconds)
{
    return now.addSecs(std::clamp<qint64>(ttlSeconds, 0, secondsPerDay));
}
