// Benchmarks FeedSync on many feeds from local servers: a cold and a warm sync, and how long the
// thread FeedSync lives on (the window's thread in the app) goes without handling its events.
#include "database.h"
#include "feedgenerator.h"
#include "feedrepository.h"
#include "feedserver.h"
#include "feedsync.h"
#include "fetchscheduler.h"
#include "processmeasures.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "transaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <ctime>
#include <functional>
#include <numeric>

#include <unistd.h>

namespace {

using ProcessMeasures::processorSeconds;

constexpr double coldTargetSeconds = 10.0;
constexpr double warmTargetSeconds = 2.0;
constexpr qint64 gapTargetMs = 100;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// Processor seconds of each thread of the process, by thread id, with its name.
QMap<QString, std::pair<QString, double>> threadTimes()
{
    QMap<QString, std::pair<QString, double>> times;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        // After the name: state, then 10 fields, then utime and stime (fields 14 and 15).
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 13)
            continue;
        times.insert(tid,
                     {QString::fromUtf8(line.mid(open + 1, close - open - 1)),
                      (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks});
    }
    return times;
}

double threadProcessorMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

struct RunFigures
{
    double seconds = 0;
    double cpuSeconds = 0; // processor time of the process, less the servers' thread
    qint64 longestGapMs = 0;
    // How long the thread ran in its longest gap: little means it waited for a processor,
    // nearly all of it means work on the thread held its events up.
    double longestGapRunMs = 0;
    qint64 fetchMsTotal = 0; // request to last byte, summed over the feeds
    qint64 longestFetchMs = 0;
    QMap<FeedSyncReport::Outcome, int> outcomes;
    QString firstError;
    QList<std::pair<double, QString>> busiestThreads; // processor seconds, name (tid)
};

// One run as the Feeds pane starts it: the due feeds, with a 10 ms timer ticking on the same
// thread to see how long its events wait.
RunFigures runSync(FeedSync &sync, FeedServer &server)
{
    RunFigures figures;
    QEventLoop loop;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(10);
    double lastTickCpuMs = threadProcessorMs();
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        const qint64 gap = sinceTick.restart();
        const double cpuMs = threadProcessorMs();
        if (gap > figures.longestGapMs) {
            figures.longestGapMs = gap;
            figures.longestGapRunMs = cpuMs - lastTickCpuMs;
        }
        lastTickCpuMs = cpuMs;
    });
    QObject::connect(&sync, &FeedSync::feedSynced, &loop, [&](const FeedSyncReport &report) {
        ++figures.outcomes[report.outcome];
        if (figures.firstError.isEmpty() && !report.error.isEmpty())
            figures.firstError = report.url + QStringLiteral(": ") + report.error;
    });
    QObject::connect(&sync, &FeedSync::finished, &loop, &QEventLoop::quit);
    QObject::connect(sync.scheduler(),
                     &FetchScheduler::feedFinished,
                     &loop,
                     [&](const FetchResult &result) {
                         figures.fetchMsTotal += result.elapsedMs;
                         figures.longestFetchMs = qMax(figures.longestFetchMs, result.elapsedMs);
                     });

    QElapsedTimer clock;
    clock.start();
    const double cpuStart = processorSeconds() - server.cpuSeconds();
    const auto threadsBefore = threadTimes();
    sinceTick.start();
    ticker.start();
    sync.start();
    if (sync.isRunning())
        loop.exec();
    figures.seconds = double(clock.nsecsElapsed()) / 1e9;
    figures.cpuSeconds = processorSeconds() - server.cpuSeconds() - cpuStart;
    const auto threadsAfter = threadTimes();
    for (auto it = threadsAfter.cbegin(); it != threadsAfter.cend(); ++it) {
        const double before = threadsBefore.value(it.key()).second;
        figures.busiestThreads.append({it.value().second - before,
                                       it.value().first + QStringLiteral(" (") + it.key() + u')'});
    }
    std::sort(figures.busiestThreads.begin(), figures.busiestThreads.end(), std::greater<>());
    figures.longestGapMs = qMax(figures.longestGapMs, sinceTick.elapsed());
    QObject::disconnect(&sync, nullptr, &loop, nullptr);
    QObject::disconnect(sync.scheduler(), nullptr, &loop, nullptr);
    return figures;
}

qint64 count(const QString &connection, const QString &sql)
{
    return SqlQuery(connection, sql).scalar().toLongLong();
}

QString verdict(bool met)
{
    return met ? QStringLiteral("met") : QStringLiteral("MISSED");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Syncs generated feeds from local servers into a new SQLite database, "
                       "twice: cold (everything new) and warm (every feed answers 304)."));
    parser.addHelpOption();
    const QCommandLineOption feedsOption(QStringLiteral("feeds"),
                                         QStringLiteral("Feeds to sync (default 1000)."),
                                         QStringLiteral("N"),
                                         QStringLiteral("1000"));
    const QCommandLineOption itemsOption(QStringLiteral("items"),
                                         QStringLiteral("Items per feed (default 50)."),
                                         QStringLiteral("N"),
                                         QStringLiteral("50"));
    const QCommandLineOption
        hostsOption(QStringLiteral("hosts"),
                    QStringLiteral(
                        "Loopback hosts 127.0.0.2... the feeds are spread over (default 250, at "
                        "most 250)."),
                    QStringLiteral("N"),
                    QStringLiteral("250"));
    parser.addOptions({feedsOption, itemsOption, hostsOption});
    parser.process(app);
    const int feedCount = qMax(1, parser.value(feedsOption).toInt());
    const int itemCount = qMax(1, parser.value(itemsOption).toInt());
    const int hostCount = qBound(1, parser.value(hostsOption).toInt(), 250);

    QList<QByteArray> bodies;
    qint64 totalBytes = 0;
    FeedGenerator generator(42);
    for (int i = 0; i < feedCount; ++i) {
        bodies.append(generator.rss(i, itemCount));
        totalBytes += bodies.constLast().size();
    }
    FeedServer server(bodies, hostCount);
    bodies.clear();
    QString error;
    if (!server.start(&error)) {
        out() << error << Qt::endl;
        return 2;
    }

    QTemporaryDir dir;
    Database database(DatabaseLocation::sqlite(dir.filePath(QStringLiteral("bench.sqlite"))));
    RunFigures cold;
    RunFigures warm;
    qint64 items = 0;
    qint64 posts = 0;
    int full = 0;
    int notModified = 0;
    try {
        database.open();
        const QString connection = database.connectionName();
        {
            Transaction transaction(connection);
            FeedRepository repository(connection);
            for (int i = 0; i < feedCount; ++i)
                repository.addFeed({server.url(i),
                                    QString(),
                                    QString(),
                                    QString(),
                                    QString(),
                                    QStringLiteral("rss"),
                                    false});
            transaction.commit();
        }

        FeedSync sync(database);
        cold = runSync(sync, server);
        full = server.fullResponses();
        items = count(connection, QStringLiteral("SELECT COUNT(*) FROM feed_items"));
        posts = count(connection, QStringLiteral("SELECT COUNT(*) FROM posts"));

        // An hour later every feed is due again; nothing changed on the servers.
        SqlQuery(connection, QStringLiteral("UPDATE feeds SET next_fetch_at = ?"))
            .bind(QDateTime::currentSecsSinceEpoch() - 1)
            .exec();
        server.resetCounters();
        warm = runSync(sync, server);
        notModified = server.notModifiedResponses();
    } catch (const StorageError &storageError) {
        out() << storageError.message() << Qt::endl;
        return 2;
    }

    const int perHost = (feedCount + hostCount - 1) / hostCount;
    out() << QStringLiteral("Feed sync: %1 feeds x %2 items (%3 MB of RSS) on %4 loopback hosts, "
                            "per-host limit %5, spacing %6 ms, %7 at once")
                 .arg(feedCount)
                 .arg(itemCount)
                 .arg(double(totalBytes) / 1e6, 0, 'f', 1)
                 .arg(hostCount)
                 .arg(FetchScheduler::DefaultMaximumPerHost)
                 .arg(FetchScheduler::DefaultHostSpacingMs)
                 .arg(FetchScheduler::DefaultMaximumConcurrent)
          << Qt::endl;
    out() << QStringLiteral("Politeness alone needs at least %1 s (%2 feeds on a host, one start "
                            "per spacing).")
                 .arg(double((perHost - 1) * FetchScheduler::DefaultHostSpacingMs) / 1000.0,
                      0,
                      'f',
                      2)
                 .arg(perHost)
          << Qt::endl
          << Qt::endl;

    const auto row =
        [](const QString &name, const RunFigures &figures, double target, const QString &outcome) {
            out() << QStringLiteral("%1 %2 %3 %4 %5  %6")
                         .arg(name, -6)
                         .arg(figures.seconds, 9, 'f', 2)
                         .arg(QStringLiteral("< %1 s (%2)")
                                  .arg(target)
                                  .arg(verdict(figures.seconds < target)),
                              -18)
                         .arg(figures.longestGapMs, 12)
                         .arg(QStringLiteral("< %1 ms (%2)")
                                  .arg(gapTargetMs)
                                  .arg(verdict(figures.longestGapMs < gapTargetMs)),
                              -19)
                         .arg(outcome)
                  << Qt::endl;
        };
    out() << QStringLiteral("%1 %2 %3 %4 %5  %6")
                 .arg(QStringLiteral("run"), -6)
                 .arg(QStringLiteral("seconds"), 9)
                 .arg(QStringLiteral("target"), -18)
                 .arg(QStringLiteral("longest gap"), 12)
                 .arg(QStringLiteral("target"), -19)
                 .arg(QStringLiteral("outcome"))
          << Qt::endl;
    using Outcome = FeedSyncReport::Outcome;
    row(QStringLiteral("cold"),
        cold,
        coldTargetSeconds,
        QStringLiteral("%1 new, %2 failed; %3 bodies served; %4 items, %5 posts stored")
            .arg(cold.outcomes.value(Outcome::New))
            .arg(cold.outcomes.value(Outcome::Failed))
            .arg(full)
            .arg(items)
            .arg(posts));
    row(QStringLiteral("warm"),
        warm,
        warmTargetSeconds,
        QStringLiteral("%1 not modified, %2 failed; %3 answered 304")
            .arg(warm.outcomes.value(Outcome::NotModified))
            .arg(warm.outcomes.value(Outcome::Failed))
            .arg(notModified));
    for (const auto &[name, figures] :
         {std::pair{QStringLiteral("cold"), cold}, std::pair{QStringLiteral("warm"), warm}}) {
        const int fetched = std::accumulate(figures.outcomes.cbegin(), figures.outcomes.cend(), 0);
        out() << QStringLiteral(
                     "%1: %2 processor seconds (servers excluded); fetches took %3 ms on "
                     "average, %4 ms at most")
                     .arg(name)
                     .arg(figures.cpuSeconds, 0, 'f', 2)
                     .arg(fetched > 0 ? double(figures.fetchMsTotal) / fetched : 0.0, 0, 'f', 1)
                     .arg(figures.longestFetchMs)
              << Qt::endl;
        out() << QStringLiteral("  in its longest gap the sync's thread ran %1 ms")
                     .arg(figures.longestGapRunMs, 0, 'f', 1)
              << Qt::endl;
        out() << QStringLiteral("  busiest threads:");
        for (qsizetype i = 0; i < qMin<qsizetype>(4, figures.busiestThreads.size()); ++i)
            out() << QStringLiteral(" %1 s %2;")
                         .arg(figures.busiestThreads.at(i).first, 0, 'f', 2)
                         .arg(figures.busiestThreads.at(i).second);
        out() << Qt::endl;
    }
    if (!cold.firstError.isEmpty())
        out() << QStringLiteral("first cold error: ") << cold.firstError << Qt::endl;
    if (!warm.firstError.isEmpty())
        out() << QStringLiteral("first warm error: ") << warm.firstError << Qt::endl;
    out() << QStringLiteral("peak resident memory (servers included): ")
          << ProcessMeasures::peakMemory() << Qt::endl;
    QFile loadAverage(QStringLiteral("/proc/loadavg"));
    if (loadAverage.open(QIODevice::ReadOnly))
        out() << QStringLiteral("load average at the end: ")
              << QString::fromLatin1(loadAverage.readAll().simplified()) << Qt::endl;

    const bool correct = cold.outcomes.value(Outcome::New) == feedCount
                         && items == qint64(feedCount) * itemCount
                         && warm.outcomes.value(Outcome::NotModified) == feedCount;
    const bool met = cold.seconds < coldTargetSeconds && warm.seconds < warmTargetSeconds
                     && cold.longestGapMs < gapTargetMs && warm.longestGapMs < gapTargetMs;
    if (!correct)
        out() << QStringLiteral("The runs did not store or confirm every feed.") << Qt::endl;
    return correct && met ? 0 : 1;
}
