// One sync run: fetches feeds politely, stores each on a single writer thread, reports each.
#pragma once

#include "fetchresult.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

class CommunityWriter;
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
    QString error;      // empty unless the outcome is Failed
    QString movedTo;    // the stored URL after a permanent move, else empty
};

Q_DECLARE_METATYPE(FeedSyncReport)

class FeedSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedSync)

public:
    // The database must outlive the run; network work happens on the thread this object lives on.
    explicit FeedSync(const Database &database, QObject *parent = nullptr);
    ~FeedSync() override;

    // The scheduler doing the downloads, for its politeness settings.
    [[nodiscard]] FetchScheduler *scheduler() const { return m_scheduler; }
    [[nodiscard]] bool isRunning() const { return m_running; }

    // Syncs these feeds, or the due ones when empty. Ignored while a run is going on.
    void start(const QList<qint64> &feedIds = {});
    // Stops fetching; feeds already being stored are finished, the rest are not reported.
    // finished() follows.
    void cancel();

Q_SIGNALS:
    void feedSynced(const FeedSyncReport &report);
    void progress(int done, int total);
    void finished();

private:
    struct PreparedFeed;

    void onFetched(const FetchResult &result, const QDateTime &nextAttempt);
    void parseMore();
    void storePrepared(const PreparedFeed &feed);
    void onFetchingDone();
    void onStored(const FeedSyncReport &report);
    void report(const FeedSyncReport &report);
    void finishIfDone();

    // Runs on a parser thread: parses the body and maps its items, without the database.
    [[nodiscard]] static PreparedFeed prepare(const FetchResult &result,
                                              const QDateTime &nextAttempt);
    // Runs on the writer thread: stores what the fetch found in one transaction, with the run's
    // writer (made on first use).
    [[nodiscard]] static FeedSyncReport store(const Database *database,
                                              std::unique_ptr<CommunityWriter> &writer,
                                              const PreparedFeed &feed);
    // Runs on the writer thread when a run ends.
    void releaseWriter();

    const Database &m_database;
    FetchScheduler *m_scheduler = nullptr;
    // Parsing runs beside the single writer, so the writer only writes.
    QThreadPool m_parsers;
    QThreadPool m_writer;
    // Used on the writer thread only: one for the whole run, so its prepared statements and
    // caches serve every feed.
    std::unique_ptr<CommunityWriter> m_communityWriter;
    // Counts runs, so that work finishing after a cancelled run does not count in the next one.
    quint64 m_run = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_fetchingDone = false;
    bool m_releasing = false;
    int m_storing = 0;
    // Fetched bodies not parsed yet, and feeds parsed (or being parsed) but not stored yet.
    QList<std::pair<FetchResult, QDateTime>> m_unparsed;
    int m_parsedUnstored = 0;
    int m_done = 0;
    int m_total = 0;
};
