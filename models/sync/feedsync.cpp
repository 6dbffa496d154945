// One sync run: fetches feeds politely, parses them on a small pool, stores each on a single
// writer thread, reports each.
#include "feedsync.h"

#include "communitywriter.h"
#include "database.h"
#include "feeditemmapper.h"
#include "feedparser.h"
#include "feedrepository.h"
#include "fetchscheduler.h"
#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "transaction.h"

#include <QMetaObject>
#include <QSet>
#include <QThread>

namespace {

// The error text of a fetch that brought no usable response.
QString fetchError(const FetchResult &result)
{
    if (!result.errorString.isEmpty())
        return result.errorString;
    return FeedSync::tr("The server answered with HTTP status %1.").arg(result.httpStatus);
}

// The error text of a document that parsed as no feed at all.
QString notAFeedError(const FetchResult &result)
{
    return result.contentType.isEmpty()
               ? FeedSync::tr("The document is not a feed (RSS, Atom or JSON Feed).")
               : FeedSync::tr("The server sent %1, not a feed (RSS, Atom or JSON Feed).")
                     .arg(result.contentType);
}

// The error text of a feed document the parser stopped in.
QString brokenFeedError(const ParsedFeed &parsed)
{
    const ParsedError &first = parsed.errors.constFirst();
    return FeedSync::tr("The feed is broken at line %1, column %2: %3")
        .arg(first.line)
        .arg(first.column)
        .arg(first.message);
}

// A response whose body is to be parsed and stored, not only recorded.
bool hasBody(const FetchResult &result)
{
    return !result.gone && result.succeeded() && !result.notModified;
}

bool isWebAddress(const QUrl &url)
{
    return url.isValid()
           && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

// The run's writer, made on first use on the writer's connection, which is then set up for the
// many transactions of a run.
CommunityWriter &runWriter(std::unique_ptr<CommunityWriter> &writer, const QString &connection)
{
    if (!writer) {
        for (const QString &statement :
             SqlDialect::manyWritesBegin(SqlDialect::backendOf(connection)))
            SqlQuery::execDirect(connection, statement);
        writer = std::make_unique<CommunityWriter>(connection);
    }
    return *writer;
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
    QString movedTo;       // a permanent redirect, or the new address the feed announced
    // A feed: what to record of the fetch, and its items.
    FeedRepository::FetchRecord record;
    ImportBatch batch;
    // A comments feed: the document, mapped on the writer once the item's thread is read.
    ParsedFeed comments;
};

FeedSync::FeedSync(const Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_scheduler(new FetchScheduler(this))
    , m_credentials(new CredentialStore(this))
{
    qRegisterMetaType<FeedSyncReport>();
    // One writer at a time, on a thread that stays until the run releases its connection.
    m_writer.setMaxThreadCount(1);
    m_writer.setExpiryTimeout(-1);
    // One core is left to the writer, which every feed waits for in the end.
    m_parsers.setMaxThreadCount(qMax(1, QThread::idealThreadCount() - 1));
    m_checkpointer.setMaxThreadCount(1);
    m_checkpointer.setExpiryTimeout(-1);
    connect(m_scheduler, &FetchScheduler::feedFinished, this, &FeedSync::onFetched);
    connect(m_scheduler, &FetchScheduler::allFinished, this, &FeedSync::onFetchingDone);
    connect(m_credentials, &CredentialStore::passwordRead, this, &FeedSync::onPasswordRead);
}

void FeedSync::setPasswordSource(PasswordSource source)
{
    m_passwordSource = std::move(source);
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

void FeedSync::checkpointBeside()
{
    constexpr int feedsPerCheckpoint = 20;
    if (++m_storedSinceCheckpoint < feedsPerCheckpoint || m_checkpointer.activeThreadCount() > 0)
        return;
    const QString statement = SqlDialect::concurrentCheckpoint(
        SqlDialect::backendOf(m_database.connectionName()));
    if (statement.isEmpty())
        return;
    m_storedSinceCheckpoint = 0;
    const Database *database = &m_database;
    m_checkpointer.start([database, statement] {
        try {
            SqlQuery::execDirect(database->connectionName(), statement);
        } catch (const StorageError &) {
            // The writer's own checkpoints catch up; nothing stored depends on it.
        }
    });
}

void FeedSync::releaseWriter()
{
    // The checkpointer's connection goes first, on its own thread.
    m_checkpointer.waitForDone();
    m_checkpointer.start([this] { m_database.releaseThreadConnection(); });
    m_checkpointer.waitForDone();
    m_storedSinceCheckpoint = 0;
    if (m_communityWriter) {
        // The writer's statements go before the connection they were prepared on.
        m_communityWriter.reset();
        const QString connection = m_database.connectionName();
        try {
            for (const QString &statement :
                 SqlDialect::manyWritesEnd(SqlDialect::backendOf(connection)))
                SqlQuery::execDirect(connection, statement);
        } catch (const StorageError &) {
            // Only the pace of later checkpoints depends on it; the data is stored.
        }
    }
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
    m_pending.clear();

    const FeedRepository repository(m_database.connectionName());
    QList<FeedRepository::Feed> feeds;
    QList<FeedSyncReport> unknown;
    try {
        if (feedIds.isEmpty()) {
            feeds = repository.dueFeeds(QDateTime::currentDateTimeUtc());
        } else {
            QSet<qint64> seen;
            for (const qint64 id : feedIds) {
                // A feed named twice is synced once, and counted once.
                if (seen.contains(id))
                    continue;
                seen.insert(id);
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

    m_ready.clear();
    m_waiting.clear();
    m_awaitedKeys.clear();
    m_keychainAnswers.clear();
    for (const FeedRepository::Feed &feed : std::as_const(feeds)) {
        FetchRequest request;
        request.feedId = feed.id;
        request.url = QUrl(feed.url);
        request.etag = feed.etag;
        request.lastModified = feed.lastModified;
        request.refreshIntervalSeconds = feed.refreshIntervalSeconds;
        request.ttlSeconds = feed.ttlSeconds;
        request.previousFailures = feed.consecutiveFailures;
        if (feed.authUser.isEmpty()) {
            m_ready.append(request);
            continue;
        }
        const QString key = CredentialStore::keyForFeed(request.url, feed.authUser);
        m_waiting.append({request, feed.title, feed.authUser, key});
        m_awaitedKeys.insert(key);
    }
    m_total = int(feeds.size() + unknown.size());
    Q_EMIT progress(0, m_total);
    for (const FeedSyncReport &missing : unknown)
        report(missing);
    if (m_waiting.isEmpty()) {
        passwordsReady();
        return;
    }
    // Copied first: a keychain without a service may answer inside readKey().
    const QSet<QString> keys = m_awaitedKeys;
    for (const QString &key : keys)
        m_credentials->readKey(key);
}

void FeedSync::onPasswordRead(const QString &key, const CredentialStore::Result &result)
{
    if (!m_awaitedKeys.remove(key))
        return;
    m_keychainAnswers.insert(key, result);
    if (m_awaitedKeys.isEmpty())
        passwordsReady();
}

void FeedSync::passwordsReady()
{
    const QList<WaitingFeed> waiting = std::exchange(m_waiting, {});
    for (const WaitingFeed &feed : waiting) {
        const CredentialStore::Result answer = m_keychainAnswers.value(feed.key);
        std::optional<QString> password;
        if (answer.status == CredentialStore::Status::Found)
            password = answer.password;
        else
            password = askPassword(feed, answer);
        if (m_cancelled)
            return;
        if (!password) {
            QString error;
            switch (answer.status) {
            case CredentialStore::Status::NotFound:
                error = tr("No password is saved for the user %1 of this feed. Set it in the "
                           "feed's properties.")
                            .arg(feed.user);
                break;
            case CredentialStore::Status::Failed:
                error = tr("The system keychain did not give the password of the user %1 of "
                           "this feed: %2")
                            .arg(feed.user, answer.errorString);
                break;
            default:
                error = tr("The system keychain is not available and no password was given for "
                           "the user %1 of this feed.")
                            .arg(feed.user);
                break;
            }
            failWithoutFetching(feed.request, error);
            continue;
        }
        FetchRequest request = feed.request;
        request.credentials = FetchCredentials{feed.user, *password};
        m_ready.append(request);
    }
    m_keychainAnswers.clear();
    const QList<FetchRequest> ready = std::exchange(m_ready, {});
    if (ready.isEmpty()) {
        // Reported from the event loop, as a run with feeds would.
        QMetaObject::invokeMethod(this, &FeedSync::onFetchingDone, Qt::QueuedConnection);
        return;
    }
    m_scheduler->enqueue(ready);
}

std::optional<QString> FeedSync::askPassword(const WaitingFeed &feed,
                                             const CredentialStore::Result &answer)
{
    const auto known = m_sessionPasswords.constFind(feed.key);
    if (known != m_sessionPasswords.cend())
        return *known;
    if (!m_passwordSource)
        return std::nullopt;
    FeedPasswordRequest request;
    request.feedId = feed.request.feedId;
    request.title = feed.title;
    request.url = feed.request.url;
    request.user = feed.user;
    request.keychainStatus = answer.status;
    request.keychainError = answer.errorString;
    const std::optional<QString> password = m_passwordSource(request);
    m_sessionPasswords.insert(feed.key, password);
    return password;
}

void FeedSync::failWithoutFetching(const FetchRequest &request, const QString &error)
{
    FetchResult result;
    result.feedId = request.feedId;
    result.requestedUrl = request.url;
    result.finalUrl = request.url;
    result.errorString = error;
    const QDateTime next = FetchScheduler::nextAttempt(result,
                                                       request.previousFailures + 1,
                                                       QDateTime::currentDateTimeUtc(),
                                                       request.refreshIntervalSeconds,
                                                       request.ttlSeconds);
    onFetched(result, next);
}

void FeedSync::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    if (m_releasing)
        return;
    m_waiting.clear();
    m_ready.clear();
    m_awaitedKeys.clear();
    m_parsers.clear();
    m_writer.clear();
    m_storing = 0;
    m_unparsed.clear();
    m_parsedUnstored = 0;
    m_pending.clear();
    m_scheduler->cancel();
    // When fetching had ended already, allFinished() does not come again.
    finishIfDone();
}

void FeedSync::onFetched(const FetchResult &result, const QDateTime &nextAttempt)
{
    if (m_cancelled)
        return;
    ++m_storing;
    if (!hasBody(result)) {
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
        auto [result, nextAttempt] = m_unparsed.takeFirst();
        ++m_parsedUnstored;
        m_parsers.start([this, run, result = std::move(result), nextAttempt] {
            const PreparedFeed feed = prepare(result, nextAttempt);
            QMetaObject::invokeMethod(
                this,
                [this, run, feed] {
                    // A cancelled run's feeds stay out of the next run.
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
        // What reports the stored feed, on this object's thread.
        std::function<void()> done;
        if (feed.result.isComments()) {
            const StoredComments stored = storeComments(database, m_communityWriter, feed);
            done = [this, stored] { onCommentsStored(stored); };
        } else {
            const StoredFeed stored = storeFeed(database, m_communityWriter, feed);
            done = [this, stored] { onStored(stored); };
            checkpointBeside();
        }
        QMetaObject::invokeMethod(
            this,
            [this, run, parsed, done] {
                if (run != m_run)
                    return;
                onWritten(parsed);
                done();
            },
            Qt::QueuedConnection);
    });
}

void FeedSync::onWritten(bool parsed)
{
    if (!parsed || m_cancelled || m_releasing)
        return;
    --m_parsedUnstored;
    parseMore();
}

void FeedSync::onFetchingDone()
{
    if (!m_running || m_fetchingDone)
        return;
    m_fetchingDone = true;
    finishIfDone();
}

void FeedSync::onStored(const StoredFeed &stored)
{
    if (m_cancelled || m_releasing)
        return;
    --m_storing;
    if (stored.comments.isEmpty()) {
        report(stored.report);
        finishIfDone();
        return;
    }
    // The feed is reported when its comments feeds are done; each counts towards the total.
    FeedSyncReport pending = stored.report;
    pending.commentFeeds = int(stored.comments.size());
    m_pending.insert(pending.feedId, PendingFeed{pending, pending.commentFeeds});
    m_total += int(stored.comments.size());
    ++m_done;
    Q_EMIT progress(m_done, m_total);
    m_scheduler->enqueue(stored.comments);
    // allFinished() comes again once these are fetched.
    if (!m_scheduler->isIdle())
        m_fetchingDone = false;
    finishIfDone();
}

void FeedSync::onCommentsStored(const StoredComments &stored)
{
    if (m_cancelled || m_releasing)
        return;
    --m_storing;
    ++m_done;
    const auto it = m_pending.find(stored.feedId);
    if (it != m_pending.end()) {
        it->report.newComments += stored.newComments;
        if (!stored.error.isEmpty()) {
            ++it->report.commentFeedsFailed;
            it->report.commentErrors.append(stored.error);
        }
        if (--it->commentFeedsLeft <= 0) {
            const FeedSyncReport done = it->report;
            m_pending.erase(it);
            Q_EMIT feedSynced(done);
        }
    }
    Q_EMIT progress(m_done, m_total);
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
    // Comments feeds that never came back (the scheduler took them for duplicates) do not hold
    // their feed's report back.
    const QList<PendingFeed> waiting = m_pending.values();
    m_pending.clear();
    for (const PendingFeed &pending : waiting) {
        m_done += pending.commentFeedsLeft;
        Q_EMIT feedSynced(pending.report);
        Q_EMIT progress(m_done, m_total);
    }
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
    if (result.movedPermanently.isValid())
        feed.movedTo = result.movedPermanently.toString();
    FeedRepository::FetchRecord &record = feed.record;
    record.fetchedAt = feed.fetchedAt;
    record.nextFetch = nextAttempt;
    record.httpStatus = result.httpStatus;
    if (!hasBody(result))
        return feed;

    feed.parsed = true;
    feed.result.body = QByteArray();
    const QUrl baseUrl = result.finalUrl.isValid() ? result.finalUrl : result.requestedUrl;
    ParsedFeed parsed = FeedParser::parse(result.body, baseUrl, result.charset);
    if (parsed.format.isEmpty()) {
        feed.notAFeed = true;
        return feed;
    }
    if (result.isComments()) {
        feed.comments = std::move(parsed);
        return feed;
    }

    // The feed announcing its own new address is a permanent move too.
    const QUrl announced(parsed.newUrl.trimmed());
    if (feed.movedTo.isEmpty() && isWebAddress(announced) && announced != result.requestedUrl)
        feed.movedTo = announced.toString();

    record.title = parsed.title;
    record.siteUrl = parsed.link;
    record.description = FeedParser::plainText(parsed.description);
    record.imageUrl = parsed.imageUrl;
    record.ttlSeconds = parsed.ttlSeconds;
    // The scheduler knew the ttl of the previous copy; this one may ask for more.
    if (record.nextFetch.isValid())
        record.nextFetch = qMax(record.nextFetch,
                                FetchScheduler::afterTtl(feed.fetchedAt, parsed.ttlSeconds));
    record.etag = result.etag;
    record.lastModified = result.lastModified;
    record.movedToUrl = feed.movedTo;
    if (!parsed.errors.isEmpty()) {
        record.errorText = brokenFeedError(parsed);
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

FeedSync::StoredFeed FeedSync::storeFeed(const Database *database,
                                         std::unique_ptr<CommunityWriter> &writer,
                                         const PreparedFeed &feed)
{
    const FetchResult &result = feed.result;
    StoredFeed stored;
    stored.report = store(database, writer, feed);
    switch (stored.report.outcome) {
    case FeedSyncReport::Outcome::New:
    case FeedSyncReport::Outcome::Updated:
    case FeedSyncReport::Outcome::NotModified:
    case FeedSyncReport::Outcome::Moved:
        break;
    case FeedSyncReport::Outcome::Failed:
    case FeedSyncReport::Outcome::Gone:
        return stored;
    }
    try {
        const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-CommentFeedDays);
        const QList<FeedRepository::CommentFeed> feeds = FeedRepository(database->connectionName())
                                                             .commentFeeds(result.feedId,
                                                                           since,
                                                                           CommentFeedItems);
        for (const FeedRepository::CommentFeed &comments : feeds) {
            const QUrl url(comments.url);
            if (!isWebAddress(url))
                continue;
            FetchRequest request;
            request.feedId = result.feedId;
            request.itemId = comments.itemId;
            request.url = url;
            request.etag = comments.etag;
            request.lastModified = comments.lastModified;
            stored.comments.append(request);
        }
    } catch (const StorageError &error) {
        ++stored.report.commentFeedsFailed;
        stored.report.commentErrors.append(error.message());
    }
    return stored;
}

FeedSync::StoredComments FeedSync::storeComments(const Database *database,
                                                 std::unique_ptr<CommunityWriter> &writer,
                                                 const PreparedFeed &feed)
{
    const FetchResult &result = feed.result;
    StoredComments stored;
    stored.feedId = result.feedId;
    const QString where = result.requestedUrl.toDisplayString(QUrl::RemoveUserInfo);
    if (!result.succeeded()) {
        stored.error = tr("Comments at %1: %2").arg(where, fetchError(result));
        return stored;
    }
    try {
        const QString connection = database->connectionName();
        FeedRepository repository(connection);
        const QString url = result.requestedUrl.toString();
        if (result.notModified) {
            if (!result.etag.isEmpty() || !result.lastModified.isEmpty())
                repository.recordCommentValidators(result.itemId,
                                                   url,
                                                   result.etag,
                                                   result.lastModified);
            return stored;
        }
        const ParsedFeed &parsed = feed.comments;
        if (feed.notAFeed) {
            stored.error = tr("Comments at %1: %2").arg(where, notAFeedError(result));
            return stored;
        }
        const FeedRepository::CommentThread thread = repository.commentThread(result.itemId);
        // The item went while its comments were fetched (retention, or the feed was removed).
        if (thread.itemId == 0)
            return stored;

        ImportDiscussion parent;
        parent.externalId = thread.discussionExternalId;
        parent.title = thread.title;
        parent.url = thread.url;
        parent.created = thread.created;
        if (!thread.firstPostExternalId.isEmpty()) {
            ImportPost first;
            first.externalId = thread.firstPostExternalId;
            parent.posts = {first};
        }
        const ImportBatch batch = FeedItemMapper::mapComments(parsed,
                                                              parent,
                                                              result.feedId,
                                                              thread.sourceName,
                                                              feed.fetchedAt);

        Transaction transaction(connection);
        const WriteSummary summary = runWriter(writer, connection).write(batch);
        // A broken copy must not be confirmed as current on the next fetch.
        const bool complete = parsed.errors.isEmpty();
        repository.recordCommentValidators(result.itemId,
                                           url,
                                           complete ? result.etag : QString(),
                                           complete ? result.lastModified : QString());
        transaction.commit();
        stored.newComments = summary.postsCreated;
        if (!complete)
            stored.error = tr("Comments at %1: %2").arg(where, brokenFeedError(parsed));
    } catch (const StorageError &error) {
        stored.newComments = 0;
        stored.error = tr("Comments at %1: %2").arg(where, error.message());
    }
    return stored;
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

    QString connection;
    try {
        connection = database->connectionName();
        FeedRepository repository(connection);
        if (result.gone) {
            // The reason stays with the feed, so the feed list can say why it is no longer
            // fetched.
            record.errorText = fetchError(result);
            record.status = QStringLiteral("gone");
            record.keepValidators = true;
            repository.recordFetch(result.feedId, record);
            report.outcome = FeedSyncReport::Outcome::Gone;
            report.error = record.errorText;
            return report;
        }
        if (!result.succeeded()) {
            record.errorText = fetchError(result);
            // A failing feed stays active, so it is tried again after the scheduler's backoff.
            record.status = QStringLiteral("active");
            record.keepValidators = true;
            // Postponed because its host asked everyone to wait: not the feed's failure.
            record.keepFailureCount = result.httpStatus == 0 && result.retryAfter.isValid();
            repository.recordFetch(result.feedId, record);
            report.outcome = FeedSyncReport::Outcome::Failed;
            report.error = record.errorText;
            return report;
        }

        const QString movedTo = feed.movedTo;
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
            record.errorText = notAFeedError(result);
            record.status = QStringLiteral("active");
            record.keepValidators = true;
            repository.recordFetch(result.feedId, record);
            report.outcome = FeedSyncReport::Outcome::Failed;
            report.error = record.errorText;
            return report;
        }

        WriteSummary summary;
        {
            Transaction transaction(connection);
            // The move first: batches name their source by the feed's current URL.
            repository.recordFetch(result.feedId, record);
            ImportBatch batch = feed.batch;
            FeedItemMapper::dropTombstoned(&batch, repository.tombstones(result.feedId));
            summary = runWriter(writer, connection).write(batch);
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
