// One sync run: fetches feeds politely, stores each on a single writer thread, reports each.
#include "feedsync.h"

#include "communitywriter.h"
#include "database.h"
#include "feeditemmapper.h"
#include "feedparser.h"
#include "feedrepository.h"
#include "fetchscheduler.h"
#include "storageerror.h"
#include "transaction.h"

#include <QMetaObject>
#include <QThread>

namespace {

// The error text of a fetch that brought no usable response.
QString fetchError(const FetchResult &result)
{
    if (!result.errorString.isEmpty())
        return result.errorString;
    return FeedSync::tr("The server answered with HTTP status %1.").arg(result.httpStatus);
}

// A response whose body is to be parsed and stored, not only recorded.
bool hasFeedBody(const FetchResult &result)
{
    return !result.gone && result.succeeded() && !result.notModified;
}

bool isWebAddress(const QUrl &url)
{
    return url.isValid()
           && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

// Records a failure on its own, after the storing transaction was rolled back.
void recordFailure(const QString &connection,
                   qint64 feedId,
                   const FetchResult &result,
                   const QDateTime &fetchedAt,
                   const QDateTime &nextAttempt,
                   const QString &error)
{
    FeedRepository::FetchRecord record;
    record.fetchedAt = fetchedAt;
    record.nextFetch = nextAttempt;
    record.httpStatus = result.httpStatus;
    record.errorText = error;
    record.status = QStringLiteral("active");
    record.keepValidators = true;
    FeedRepository(connection).recordFetch(feedId, record);
}

} // namespace

// What a fetch brought, parsed and mapped off the writer thread: the writer only stores it.
struct FeedSync::PreparedFeed
{
    FetchResult result; // without the body once it is parsed
    QDateTime nextAttempt;
    QDateTime fetchedAt;
    bool parsed = false;   // a body was parsed: the fields below apply
    bool notAFeed = false; // the body was no RSS, Atom or JSON Feed
    QString movedTo;
    FeedRepository::FetchRecord record;
    ImportBatch batch;
};

FeedSync::FeedSync(const Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_scheduler(new FetchScheduler(this))
{
    qRegisterMetaType<FeedSyncReport>();
    // One writer at a time, on a thread that stays until the run releases its connection.
    m_writer.setMaxThreadCount(1);
    m_writer.setExpiryTimeout(-1);
    // One core is left to the writer, which every feed waits for in the end.
    m_parsers.setMaxThreadCount(qMax(1, QThread::idealThreadCount() - 1));
    connect(m_scheduler, &FetchScheduler::feedFinished, this, &FeedSync::onFetched);
    connect(m_scheduler, &FetchScheduler::allFinished, this, &FeedSync::onFetchingDone);
}

FeedSync::~FeedSync()
{
    m_scheduler->disconnect(this);
    m_scheduler->cancel();
    m_parsers.clear();
    m_parsers.waitForDone();
    m_writer.clear();
    m_writer.start([this] { releaseWriter(); });
    m_writer.waitForDone();
}

void FeedSync::releaseWriter()
{
    // The writer's statements go before the connection they were prepared on.
    m_communityWriter.reset();
    m_database.releaseThreadConnection();
}

void FeedSync::start(const QList<qint64> &feedIds)
{
    if (m_running)
        return;
    m_running = true;
    ++m_run;
    m_cancelled = false;
    m_fetchingDone = false;
    m_releasing = false;
    m_storing = 0;
    m_unparsed.clear();
    m_parsedUnstored = 0;
    m_done = 0;

    const FeedRepository repository(m_database.connectionName());
    QList<FeedRepository::Feed> feeds;
    QList<FeedSyncReport> unknown;
    try {
        if (feedIds.isEmpty()) {
            feeds = repository.dueFeeds(QDateTime::currentDateTimeUtc());
        } else {
            for (const qint64 id : feedIds) {
                const FeedRepository::Feed feed = repository.feed(id);
                if (feed.id != 0) {
                    feeds.append(feed);
                } else {
                    FeedSyncReport missing;
                    missing.feedId = id;
                    missing.error = tr("There is no feed %1.").arg(id);
                    unknown.append(missing);
                }
            }
        }
    } catch (const StorageError &error) {
        FeedSyncReport failed;
        failed.error = error.message();
        unknown.append(failed);
    }

    QList<FetchRequest> requests;
    for (const FeedRepository::Feed &feed : feeds) {
        FetchRequest request;
        request.feedId = feed.id;
        request.url = QUrl(feed.url);
        request.etag = feed.etag;
        request.lastModified = feed.lastModified;
        requests.append(request);
    }
    m_total = int(requests.size() + unknown.size());
    Q_EMIT progress(0, m_total);
    for (const FeedSyncReport &missing : unknown)
        report(missing);
    if (requests.isEmpty()) {
        // Reported from the event loop, as a run with feeds would.
        QMetaObject::invokeMethod(this, &FeedSync::onFetchingDone, Qt::QueuedConnection);
        return;
    }
    m_scheduler->enqueue(requests);
}

void FeedSync::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    if (m_releasing)
        return;
    m_parsers.clear();
    m_writer.clear();
    m_storing = 0;
    m_unparsed.clear();
    m_parsedUnstored = 0;
    m_scheduler->cancel();
    // When fetching had ended already, allFinished() does not come again.
    finishIfDone();
}

void FeedSync::onFetched(const FetchResult &result, const QDateTime &nextAttempt)
{
    if (m_cancelled)
        return;
    ++m_storing;
    if (!hasFeedBody(result)) {
        storePrepared(prepare(result, nextAttempt));
        return;
    }
    m_unparsed.append({result, nextAttempt});
    parseMore();
}

void FeedSync::parseMore()
{
    // Parsed feeds are several times the size of their bodies: only a few wait for the writer,
    // the rest wait as bodies.
    const int limit = 2 * m_parsers.maxThreadCount() + 2;
    const quint64 run = m_run;
    while (!m_unparsed.isEmpty() && m_parsedUnstored < limit) {
        const auto [result, nextAttempt] = m_unparsed.takeFirst();
        ++m_parsedUnstored;
        m_parsers.start([this, run, result, nextAttempt] {
            const PreparedFeed feed = prepare(result, nextAttempt);
            QMetaObject::invokeMethod(
                this,
                [this, run, feed] {
                    if (run == m_run)
                        storePrepared(feed);
                },
                Qt::QueuedConnection);
        });
    }
}

void FeedSync::storePrepared(const PreparedFeed &feed)
{
    if (m_cancelled || m_releasing)
        return;
    const Database *database = &m_database;
    const quint64 run = m_run;
    const bool parsed = feed.parsed;
    m_writer.start([this, database, run, parsed, feed] {
        const FeedSyncReport stored = store(database, m_communityWriter, feed);
        QMetaObject::invokeMethod(
            this,
            [this, run, parsed, stored] {
                if (run != m_run)
                    return;
                if (parsed && !m_cancelled && !m_releasing) {
                    --m_parsedUnstored;
                    parseMore();
                }
                onStored(stored);
            },
            Qt::QueuedConnection);
    });
}

void FeedSync::onFetchingDone()
{
    if (!m_running || m_fetchingDone)
        return;
    m_fetchingDone = true;
    finishIfDone();
}

void FeedSync::onStored(const FeedSyncReport &stored)
{
    if (m_cancelled || m_releasing)
        return;
    --m_storing;
    report(stored);
    finishIfDone();
}

void FeedSync::report(const FeedSyncReport &feedReport)
{
    ++m_done;
    Q_EMIT feedSynced(feedReport);
    Q_EMIT progress(m_done, m_total);
}

void FeedSync::finishIfDone()
{
    if (!m_fetchingDone || m_storing > 0 || m_releasing)
        return;
    m_releasing = true;
    // The writer thread's connection goes with the run; the job runs after any store in flight.
    m_writer.start([this] {
        releaseWriter();
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_running = false;
                Q_EMIT finished();
            },
            Qt::QueuedConnection);
    });
}

FeedSync::PreparedFeed FeedSync::prepare(const FetchResult &result, const QDateTime &nextAttempt)
{
    PreparedFeed feed;
    feed.result = result;
    feed.nextAttempt = nextAttempt;
    feed.fetchedAt = QDateTime::currentDateTimeUtc();
    if (!hasFeedBody(result))
        return feed;

    feed.parsed = true;
    feed.result.body.clear();
    if (result.movedPermanently.isValid())
        feed.movedTo = result.movedPermanently.toString();
    const QUrl baseUrl = result.finalUrl.isValid() ? result.finalUrl : result.requestedUrl;
    const ParsedFeed parsed = FeedParser::parse(result.body, baseUrl, result.charset);
    if (parsed.format.isEmpty()) {
        feed.notAFeed = true;
        return feed;
    }

    // The feed announcing its own new address is a permanent move too.
    const QUrl announced(parsed.newUrl.trimmed());
    if (feed.movedTo.isEmpty() && isWebAddress(announced) && announced != result.requestedUrl)
        feed.movedTo = announced.toString();

    FeedRepository::FetchRecord &record = feed.record;
    record.title = parsed.title;
    record.siteUrl = parsed.link;
    record.description = FeedParser::plainText(parsed.description);
    record.imageUrl = parsed.imageUrl;
    record.etag = result.etag;
    record.lastModified = result.lastModified;
    record.movedToUrl = feed.movedTo;
    if (!parsed.errors.isEmpty()) {
        const ParsedError &first = parsed.errors.constFirst();
        record.errorText = tr("The feed is broken at line %1, column %2: %3")
                               .arg(first.line)
                               .arg(first.column)
                               .arg(first.message);
        // A broken copy must not be confirmed as current on the next fetch.
        record.etag.clear();
        record.lastModified.clear();
        record.status = QStringLiteral("active");
    }
    // Batches name their source by the feed's current URL.
    const QString feedUrl = feed.movedTo.isEmpty() ? result.requestedUrl.toString() : feed.movedTo;
    feed.batch = FeedItemMapper::map(parsed, result.feedId, feedUrl, feed.fetchedAt);
    return feed;
}

FeedSyncReport FeedSync::store(const Database *database,
                               std::unique_ptr<CommunityWriter> &writer,
                               const PreparedFeed &feed)
{
    const FetchResult &result = feed.result;
    FeedSyncReport report;
    report.feedId = result.feedId;
    report.url = result.requestedUrl.toString();
    report.httpStatus = result.httpStatus;
    const QDateTime now = feed.fetchedAt;

    FeedRepository::FetchRecord record = feed.record;
    record.fetchedAt = now;
    record.nextFetch = feed.nextAttempt;
    record.httpStatus = result.httpStatus;

    QString connection;
    try {
        connection = database->connectionName();
        FeedRepository repository(connection);

        if (result.gone) {
            record.status = QStringLiteral("gone");
            record.keepValidators = true;
            repository.recordFetch(result.feedId, record);
            report.outcome = FeedSyncReport::Outcome::Gone;
            return report;
        }
        if (!result.succeeded()) {
            record.errorText = fetchError(result);
            // A failing feed stays active, so it is tried again after the scheduler's backoff.
            record.status = QStringLiteral("active");
            record.keepValidators = true;
            repository.recordFetch(result.feedId, record);
            report.outcome = FeedSyncReport::Outcome::Failed;
            report.error = record.errorText;
            return report;
        }

        QString movedTo;
        if (result.movedPermanently.isValid())
            movedTo = result.movedPermanently.toString();

        if (result.notModified) {
            if (!result.etag.isEmpty() || !result.lastModified.isEmpty()) {
                record.etag = result.etag;
                record.lastModified = result.lastModified;
            } else {
                record.keepValidators = true;
            }
            record.movedToUrl = movedTo;
            repository.recordFetch(result.feedId, record);
            report.outcome = movedTo.isEmpty() ? FeedSyncReport::Outcome::NotModified
                                               : FeedSyncReport::Outcome::Moved;
            report.movedTo = movedTo;
            return report;
        }

        if (feed.notAFeed) {
            record.errorText = result.contentType.isEmpty()
                                   ? tr("The document is not a feed (RSS, Atom or JSON Feed).")
                                   : tr("The server sent %1, not a feed (RSS, Atom or JSON Feed).")
                                         .arg(result.contentType);
            record.status = QStringLiteral("active");
            record.keepValidators = true;
            repository.recordFetch(result.feedId, record);
            report.outcome = FeedSyncReport::Outcome::Failed;
            report.error = record.errorText;
            return report;
        }
        movedTo = feed.movedTo;

        WriteSummary summary;
        {
            Transaction transaction(connection);
            // The move first: batches name their source by the feed's current URL.
            repository.recordFetch(result.feedId, record);
            ImportBatch batch = feed.batch;
            FeedItemMapper::dropTombstoned(&batch, repository.tombstones(result.feedId));
            if (!writer)
                writer = std::make_unique<CommunityWriter>(connection);
            summary = writer->write(batch);
            transaction.commit();
        }
        repository.applyRetention(result.feedId);

        report.newItems = summary.discussionsCreated;
        report.updatedItems = qMax(summary.discussionsUpdated, summary.postsUpdated);
        report.movedTo = movedTo;
        if (!record.errorText.isEmpty()) {
            report.outcome = FeedSyncReport::Outcome::Failed;
            report.error = record.errorText;
        } else if (!movedTo.isEmpty()) {
            report.outcome = FeedSyncReport::Outcome::Moved;
        } else if (report.newItems > 0) {
            report.outcome = FeedSyncReport::Outcome::New;
        } else {
            report.outcome = FeedSyncReport::Outcome::Updated;
        }
        return report;
    } catch (const StorageError &error) {
        report.newItems = 0;
        report.updatedItems = 0;
        report.movedTo.clear();
        report.outcome = FeedSyncReport::Outcome::Failed;
        report.error = error.message();
        try {
            recordFailure(connection, result.feedId, result, now, feed.nextAttempt, error.message());
        } catch (const StorageError &) {
            // The database itself is out of reach; the report carries the error.
        }
        return report;
    }
}
