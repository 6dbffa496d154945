// One sync run: fetches feeds politely, stores each on a single writer thread, reports each.
#pragma once

#include "fetchresult.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

class Database;
class FetchScheduler;

struct FeedSyncReport
{
    enum class Outcome { New, Updated, NotModified, Moved, Failed, Gone };

    qint64 feedId = 0;
    QString url; // the URL the feed was fetched from
    Outcome outcome = Outcome::Failed;
    int newItems = 0;
    int updatedItems = 0;
    int httpStatus = 0; // 0 when no HTTP response arrived
    QString error;      // empty unless the outcome is Failed or Gone
    QString movedTo;    // the stored URL after a permanent move, else empty
    // For a feed that follows comments: replies its items' comments feeds brought, and the
    // comments feeds that could not be fetched or stored (they do not fail the feed).
    int newComments = 0;
    int commentFeeds = 0; // comments feeds fetched, or tried
    int commentFeedsFailed = 0;
    QStringList commentErrors; // one line per failed comments feed
};

Q_DECLARE_METATYPE(FeedSyncReport)

class FeedSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedSync)

public:
    // A feed that follows comments has the comments feeds of its newest items fetched after it
    // is stored: at most CommentFeedItems of them, published in the last CommentFeedDays days.
    static constexpr int CommentFeedItems = 20;
    static constexpr int CommentFeedDays = 30;

    // The database must outlive the run; network work happens on the thread this object lives on.
    explicit FeedSync(const Database &database, QObject *parent = nullptr);
    ~FeedSync() override;

    // The scheduler doing the downloads, for its politeness settings.
    [[nodiscard]] FetchScheduler *scheduler() const { return m_scheduler; }
    [[nodiscard]] bool isRunning() const { return m_running; }

    // Syncs these feeds, or the due ones when empty. Ignored while a run is going on.
    void start(const QList<qint64> &feedIds = {});
    // Stops fetching; feeds already being stored are finished, the rest (and feeds waiting for
    // their comments feeds) are not reported. finished() follows.
    void cancel();

Q_SIGNALS:
    // A feed that follows comments is reported once its comments feeds are done.
    void feedSynced(const FeedSyncReport &report);
    // Counts feeds and comments feeds; total grows as comments feeds are queued.
    void progress(int done, int total);
    void finished();

private:
    // What storing a feed found: its report, and the comments feeds to fetch next.
    struct StoredFeed
    {
        FeedSyncReport report;
        QList<FetchRequest> comments;
    };

    // What storing one comments feed found.
    struct StoredComments
    {
        qint64 feedId = 0;
        int newComments = 0;
        QString error; // empty when it worked
    };

    // A stored feed whose comments feeds are still being fetched.
    struct PendingFeed
    {
        FeedSyncReport report;
        int commentFeedsLeft = 0;
    };

    void onFetched(const FetchResult &result, const QDateTime &nextAttempt);
    void onFetchingDone();
    void onStored(const StoredFeed &stored);
    void onCommentsStored(const StoredComments &stored);
    void report(const FeedSyncReport &report);
    void finishIfDone();

    // Run on the writer thread. storeFeed() parses the body and stores what the fetch found in
    // one transaction, then lists the comments feeds to fetch; storeComments() stores the
    // replies of one comments feed in one transaction.
    [[nodiscard]] static StoredFeed storeFeed(const Database *database,
                                              const FetchResult &result,
                                              const QDateTime &nextAttempt);
    [[nodiscard]] static FeedSyncReport store(const Database *database,
                                              const FetchResult &result,
                                              const QDateTime &nextAttempt);
    [[nodiscard]] static StoredComments storeComments(const Database *database,
                                                      const FetchResult &result);

    const Database &m_database;
    FetchScheduler *m_scheduler = nullptr;
    QThreadPool m_writer;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_fetchingDone = false;
    bool m_releasing = false;
    QHash<qint64, PendingFeed> m_pending;
    QHash<qint64, int> m_refreshIntervals; // seconds, per feed of the run
    int m_storing = 0;
    int m_done = 0;
    int m_total = 0;
};
