// One sync run: fetches feeds politely, parses them on a small pool, stores each on a single
// writer thread, reports each.
#pragma once

#include "credentialstore.h"
#include "fetchresult.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class CommunityWriter;
class Database;
class FetchScheduler;

// A feed with a user name whose password the keychain did not give.
struct FeedPasswordRequest
{
    qint64 feedId = 0;
    QString title;
    QUrl url;
    QString user;
    // Unavailable: no keychain service answers; NotFound: none is saved; Failed: refused.
    CredentialStore::Status keychainStatus = CredentialStore::Status::Unavailable;
    QString keychainError;
};

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

    // Returns the password of a feed the keychain has none for, or nothing to fail that feed.
    using PasswordSource = std::function<std::optional<QString>(const FeedPasswordRequest &)>;
    // Asked at most once per user and origin while this object lives; the answer, given or
    // not, is kept in memory only. Without a source such feeds fail with a clear error.
    void setPasswordSource(PasswordSource source);

    // Syncs these feeds, or the due ones when empty. Ignored while a run is going on. Feeds with
    // a user name first get their password from the keychain, without blocking.
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

    // What a fetch brought, parsed on a parser thread; defined in the source file.
    struct PreparedFeed;

    struct WaitingFeed
    {
        FetchRequest request;
        QString title;
        QString user;
        QString key; // in the keychain
    };

    void onPasswordRead(const QString &key, const CredentialStore::Result &result);
    void passwordsReady();
    [[nodiscard]] std::optional<QString> askPassword(const WaitingFeed &feed,
                                                     const CredentialStore::Result &answer);
    void failWithoutFetching(const FetchRequest &request, const QString &error);
    void onFetched(const FetchResult &result, const QDateTime &nextAttempt);
    // Hands fetched bodies to the parsers while few parsed feeds wait for the writer.
    void parseMore();
    void storePrepared(const PreparedFeed &feed);
    // A prepared feed left the writer: makes room for the next body to parse.
    void onWritten(bool parsed);
    void onFetchingDone();
    void onStored(const StoredFeed &stored);
    void onCommentsStored(const StoredComments &stored);
    void report(const FeedSyncReport &report);
    void finishIfDone();

    // Runs on a parser thread, without the database: parses the body, and maps a feed's items.
    [[nodiscard]] static PreparedFeed prepare(const FetchResult &result,
                                              const QDateTime &nextAttempt);
    // Run on the writer thread with the run's writer (made on first use). storeFeed() stores
    // what the fetch found in one transaction, then lists the comments feeds to fetch;
    // storeComments() stores the replies of one comments feed in one transaction.
    [[nodiscard]] static StoredFeed storeFeed(const Database *database,
                                              std::unique_ptr<CommunityWriter> &writer,
                                              const PreparedFeed &feed);
    [[nodiscard]] static FeedSyncReport store(const Database *database,
                                              std::unique_ptr<CommunityWriter> &writer,
                                              const PreparedFeed &feed);
    [[nodiscard]] static StoredComments storeComments(const Database *database,
                                                      std::unique_ptr<CommunityWriter> &writer,
                                                      const PreparedFeed &feed);
    // Runs on the writer thread when a run ends: its statements, then its connection, go.
    void releaseWriter();
    // On the writer thread: asks for a checkpoint beside the writer every few stored feeds.
    void checkpointBeside();

    const Database &m_database;
    FetchScheduler *m_scheduler = nullptr;
    CredentialStore *m_credentials = nullptr;
    PasswordSource m_passwordSource;
    // Feeds whose passwords are being read, and what the keychain said so far.
    QList<FetchRequest> m_ready;
    QList<WaitingFeed> m_waiting;
    QSet<QString> m_awaitedKeys;
    QHash<QString, CredentialStore::Result> m_keychainAnswers;
    // Passwords the source gave (or declined to give), by keychain key, for this session.
    QHash<QString, std::optional<QString>> m_sessionPasswords;
    // Parsing runs beside the single writer, so the writer only writes.
    QThreadPool m_parsers;
    QThreadPool m_writer;
    // Checkpoints the log on a connection of its own while the writer writes (SQLite).
    QThreadPool m_checkpointer;
    // Used on the writer thread only: feeds stored since the last checkpoint was asked for.
    int m_storedSinceCheckpoint = 0;
    // Used on the writer thread only: one for the whole run, so its prepared statements and
    // caches serve every feed.
    std::unique_ptr<CommunityWriter> m_communityWriter;
    // Counts runs, so that work finishing after a cancelled run does not count in the next one.
    quint64 m_run = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_fetchingDone = false;
    bool m_releasing = false;
    QHash<qint64, PendingFeed> m_pending;
    int m_storing = 0;
    // Fetched bodies not parsed yet, and feeds parsed (or being parsed) but not stored yet.
    QList<std::pair<FetchResult, QDateTime>> m_unparsed;
    int m_parsedUnstored = 0;
    int m_done = 0;
    int m_total = 0;
};
