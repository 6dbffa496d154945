// Tests FetchScheduler's politeness against a server on 127.0.0.1, and its next-attempt rule.
#include "feedfetcher.h"
#include "fetchscheduler.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

namespace {

// Holds each request a while before answering, and counts how many it holds at once. Raw TCP,
// so that answers can be held back.
class HoldingServer final : public QTcpServer
{
public:
    struct Arrival
    {
        QByteArray path;
        qint64 atMs = 0;
    };

    explicit HoldingServer(int holdMs)
        : m_holdMs(holdMs)
    {
        m_clock.start();
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    QByteArray &buffer = m_buffers[socket];
                    buffer += socket->readAll();
                    if (buffer.contains("\r\n\r\n"))
                        arrived(socket, buffer.split(' ').value(1));
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        listen(QHostAddress(QHostAddress::LocalHost));
    }

    [[nodiscard]] QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }

    int active = 0;
    int mostActive = 0;
    QList<Arrival> arrivals;
    qint64 lastAnswerMs = -1;

private:
    void arrived(QTcpSocket *socket, const QByteArray &path)
    {
        m_buffers.remove(socket);
        arrivals.append({path, m_clock.elapsed()});
        ++active;
        mostActive = qMax(mostActive, active);
        QTimer::singleShot(m_holdMs, socket, [this, socket, path] {
            --active;
            lastAnswerMs = m_clock.elapsed();
            if (path == "/busy") {
                socket->write("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\n"
                              "Content-Length: 0\r\nConnection: close\r\n\r\n");
            } else {
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                              "Content-Length: 6\r\nConnection: close\r\n\r\n<rss/>");
            }
            socket->disconnectFromHost();
        });
    }

    int m_holdMs;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QList<FetchRequest> requests(const HoldingServer &server, const QStringList &paths)
{
    QList<FetchRequest> list;
    for (qsizetype i = 0; i < paths.size(); ++i)
        list.append(FetchRequest{qint64(i + 1), server.url(paths.at(i)), {}, {}, {}});
    return list;
}

} // namespace

class TestFetchScheduler final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void perHostLimitAndSpacing();
    void tooManyRequestsDelaysTheHost();
    void longWaitPostponesTheHost();
    void cancelAbortsEverything();
    void commentsFeedsHaveTheirOwnKey();
    void nextAttempt_data();
    void nextAttempt();
    void feedIntervalTtlAndStoredFailures();
};

void TestFetchScheduler::perHostLimitAndSpacing()
{
    HoldingServer server(200);
    FetchScheduler scheduler;
    scheduler.setMaximumPerHost(2);
    scheduler.setHostSpacing(100);
    QSignalSpy finished(&scheduler, &FetchScheduler::feedFinished);
    QSignalSpy progress(&scheduler, &FetchScheduler::progress);
    QSignalSpy all(&scheduler, &FetchScheduler::allFinished);

    const QStringList paths{QStringLiteral("/1"),
                            QStringLiteral("/2"),
                            QStringLiteral("/3"),
                            QStringLiteral("/4"),
                            QStringLiteral("/5"),
                            QStringLiteral("/6")};
    scheduler.enqueue(requests(server, paths));
    QVERIFY(all.wait(10000));
    QCOMPARE(all.size(), 1);
    QVERIFY(scheduler.isIdle());

    QCOMPARE(finished.size(), 6);
    for (const QList<QVariant> &arguments : std::as_const(finished)) {
        const auto result = arguments.at(0).value<FetchResult>();
        QCOMPARE(result.httpStatus, 200);
        QCOMPARE(result.body, QByteArray("<rss/>"));
        QCOMPARE(result.errorString, QString());
        QVERIFY(arguments.at(1).toDateTime() > QDateTime::currentDateTimeUtc().addSecs(3000));
    }
    QCOMPARE(progress.last().at(0).toInt(), 6);
    QCOMPARE(progress.last().at(1).toInt(), 6);

    QCOMPARE(server.arrivals.size(), 6);
    // Never more than the per-host limit at once (under load the overlap may be smaller).
    QVERIFY2(server.mostActive >= 1 && server.mostActive <= 2,
             qPrintable(QString::number(server.mostActive)));
    // The scheduler spaces the starts by 100 ms. Arrival times carry the machine's jitter, so
    // the spacing is checked over the whole run: six requests need at least five gaps.
    const qint64 span = server.arrivals.constLast().atMs - server.arrivals.constFirst().atMs;
    QVERIFY2(span >= 5 * 100 - 60, qPrintable(QStringLiteral("span %1 ms").arg(span)));
}

void TestFetchScheduler::tooManyRequestsDelaysTheHost()
{
    HoldingServer server(50);
    FetchScheduler scheduler;
    scheduler.setMaximumPerHost(1);
    scheduler.setHostSpacing(0);
    QSignalSpy finished(&scheduler, &FetchScheduler::feedFinished);
    QSignalSpy all(&scheduler, &FetchScheduler::allFinished);

    scheduler.enqueue(
        requests(server, {QStringLiteral("/busy"), QStringLiteral("/2"), QStringLiteral("/3")}));
    QVERIFY(all.wait(10000));

    QCOMPARE(finished.size(), 3);
    const auto busy = finished.at(0).at(0).value<FetchResult>();
    QCOMPARE(busy.feedId, 1);
    QCOMPARE(busy.httpStatus, 429);
    QVERIFY(busy.retryAfter.isValid());
    QVERIFY(finished.at(0).at(1).toDateTime() >= busy.retryAfter);
    QCOMPARE(scheduler.consecutiveFailures(1), 1);
    QCOMPARE(finished.at(1).at(0).value<FetchResult>().httpStatus, 200);
    QCOMPARE(finished.at(2).at(0).value<FetchResult>().httpStatus, 200);

    QCOMPARE(server.arrivals.size(), 3);
    QCOMPARE(server.arrivals.at(0).path, QByteArray("/busy"));
    // Retry-After: 1 counts from the answer; the other feeds wait for it.
    const qint64 wait = server.arrivals.at(1).atMs - server.arrivals.at(0).atMs;
    QVERIFY2(wait >= 900, qPrintable(QStringLiteral("waited %1 ms").arg(wait)));
}

void TestFetchScheduler::longWaitPostponesTheHost()
{
    HoldingServer server(50);
    FetchScheduler scheduler;
    scheduler.setMaximumPerHost(1);
    scheduler.setMaximumHostWait(0);
    QSignalSpy finished(&scheduler, &FetchScheduler::feedFinished);
    QSignalSpy all(&scheduler, &FetchScheduler::allFinished);

    scheduler.enqueue(
        requests(server, {QStringLiteral("/busy"), QStringLiteral("/2"), QStringLiteral("/3")}));
    QVERIFY(all.wait(5000));

    QCOMPARE(server.arrivals.size(), 1);
    QCOMPARE(finished.size(), 3);
    const auto busy = finished.at(0).at(0).value<FetchResult>();
    QCOMPARE(busy.httpStatus, 429);
    for (int i = 1; i < 3; ++i) {
        const auto postponed = finished.at(i).at(0).value<FetchResult>();
        QCOMPARE(postponed.feedId, i + 1);
        QCOMPARE(postponed.httpStatus, 0);
        QCOMPARE(postponed.retryAfter, busy.retryAfter);
        QVERIFY(postponed.errorString.startsWith(
            QStringLiteral("Not fetched: the server at 127.0.0.1 asked to wait until ")));
        QVERIFY(finished.at(i).at(1).toDateTime() >= busy.retryAfter);
    }
}

void TestFetchScheduler::cancelAbortsEverything()
{
    HoldingServer server(5000);
    FetchScheduler scheduler;
    scheduler.setHostSpacing(0);
    QSignalSpy finished(&scheduler, &FetchScheduler::feedFinished);
    QSignalSpy all(&scheduler, &FetchScheduler::allFinished);

    scheduler.enqueue(requests(server,
                               {QStringLiteral("/1"),
                                QStringLiteral("/2"),
                                QStringLiteral("/3"),
                                QStringLiteral("/4")}));
    QTRY_COMPARE(server.active, 2);
    QCOMPARE(scheduler.fetcher()->runningCount(), 2);

    scheduler.cancel();
    QCOMPARE(all.size(), 1);
    QVERIFY(scheduler.isIdle());
    QCOMPARE(scheduler.fetcher()->runningCount(), 0);
    QTest::qWait(300);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(server.arrivals.size(), 2);
}

void TestFetchScheduler::commentsFeedsHaveTheirOwnKey()
{
    HoldingServer server(50);
    FetchScheduler scheduler;
    scheduler.setHostSpacing(0);
    QSignalSpy finished(&scheduler, &FetchScheduler::feedFinished);
    QSignalSpy all(&scheduler, &FetchScheduler::allFinished);

    // One feed and two of its items' comments feeds; the repeats are dropped.
    FetchRequest feed{1, server.url(QStringLiteral("/feed")), {}, {}, {}};
    FetchRequest first{1, server.url(QStringLiteral("/c/1")), {}, {}, {}};
    first.itemId = 11;
    FetchRequest second{1, server.url(QStringLiteral("/c/2")), {}, {}, {}};
    second.itemId = 12;
    scheduler.enqueue({feed, first, second, first, feed});
    scheduler.enqueue(second);
    QVERIFY(all.wait(10000));
    QCOMPARE(finished.size(), 3);
    QSet<qint64> items;
    for (const QList<QVariant> &arguments : std::as_const(finished)) {
        const auto result = arguments.at(0).value<FetchResult>();
        QCOMPARE(result.feedId, 1);
        QCOMPARE(result.isComments(), result.itemId != 0);
        QCOMPARE(result.requestedUrl,
                 result.itemId == 0 ? feed.url : (result.itemId == 11 ? first.url : second.url));
        items.insert(result.itemId);
    }
    QCOMPARE(items, (QSet<qint64>{0, 11, 12}));
    QCOMPARE(server.arrivals.size(), 3);
}

void TestFetchScheduler::nextAttempt_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("maxAge");
    QTest::addColumn<qint64>("retryAfterSeconds"); // -1: none
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("ttl");
    QTest::addColumn<qint64>("expectedSeconds"); // -1: never again

    const qint64 day = 24 * 3600;
    // The feed's own interval and its announced ttl.
    QTest::newRow("feed interval") << 200 << -1 << qint64(-1) << 0 << 900 << 0 << qint64(900);
    QTest::newRow("ttl longer") << 200 << -1 << qint64(-1) << 0 << 900 << 3000 << qint64(3000);
    QTest::newRow("ttl shorter") << 200 << -1 << qint64(-1) << 0 << 900 << 300 << qint64(900);
    QTest::newRow("max-age beats ttl")
        << 200 << 5000 << qint64(-1) << 0 << 900 << 3000 << qint64(5000);
    QTest::newRow("ttl over a day") << 200 << -1 << qint64(-1) << 0 << 900 << 7 * int(day) << day;
    QTest::newRow("interval over a day")
        << 200 << -1 << qint64(-1) << 0 << 2 * int(day) << 0 << 2 * day;
    QTest::newRow("failure ignores ttl")
        << 500 << -1 << qint64(-1) << 1 << 900 << 3000 << qint64(900);
    // Failures stored before a restart keep doubling the wait.
    QTest::newRow("fourth failure of a feed")
        << 500 << -1 << qint64(-1) << 4 << 900 << 0 << qint64(7200);

    QTest::newRow("ok") << 200 << -1 << qint64(-1) << 0 << 3600 << 0 << qint64(3600);
    QTest::newRow("not modified") << 304 << -1 << qint64(-1) << 0 << 3600 << 0 << qint64(3600);
    QTest::newRow("short max-age") << 200 << 600 << qint64(-1) << 0 << 3600 << 0 << qint64(3600);
    QTest::newRow("long max-age") << 200 << 7200 << qint64(-1) << 0 << 3600 << 0 << qint64(7200);
    QTest::newRow("max-age over a day")
        << 200 << 10 * int(day) << qint64(-1) << 0 << 3600 << 0 << day;
    QTest::newRow("first failure") << 500 << -1 << qint64(-1) << 1 << 3600 << 0 << qint64(3600);
    QTest::newRow("second failure") << 500 << -1 << qint64(-1) << 2 << 3600 << 0 << qint64(7200);
    QTest::newRow("third failure") << 0 << -1 << qint64(-1) << 3 << 3600 << 0 << qint64(14400);
    QTest::newRow("tenth failure") << 500 << -1 << qint64(-1) << 10 << 3600 << 0 << day;
    QTest::newRow("retry-after later")
        << 429 << -1 << qint64(5 * 3600) << 1 << 3600 << 0 << qint64(5 * 3600);
    QTest::newRow("retry-after sooner")
        << 503 << -1 << qint64(600) << 1 << 3600 << 0 << qint64(3600);
    QTest::newRow("retry-after in a month") << 429 << -1 << 30 * day << 1 << 3600 << 0 << 7 * day;
    QTest::newRow("gone") << 410 << -1 << qint64(-1) << 1 << 3600 << 0 << qint64(-1);
}

void TestFetchScheduler::nextAttempt()
{
    QFETCH(int, status);
    QFETCH(int, maxAge);
    QFETCH(qint64, retryAfterSeconds);
    QFETCH(int, failures);
    QFETCH(int, interval);
    QFETCH(int, ttl);
    QFETCH(qint64, expectedSeconds);

    const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
    FetchResult result;
    result.httpStatus = status;
    result.notModified = status == 304;
    result.gone = status == 410;
    result.maxAgeSeconds = maxAge;
    if (retryAfterSeconds >= 0)
        result.retryAfter = now.addSecs(retryAfterSeconds);
    if (status == 0 || status >= 400)
        result.errorString = QStringLiteral("failed");

    const QDateTime next = FetchScheduler::nextAttempt(result, failures, now, interval, ttl);
    QCOMPARE(next, expectedSeconds < 0 ? QDateTime() : now.addSecs(expectedSeconds));
}

void TestFetchScheduler::feedIntervalTtlAndStoredFailures()
{
    HoldingServer server(10);
    FetchScheduler scheduler;
    scheduler.setHostSpacing(0);
    QSignalSpy finished(&scheduler, &FetchScheduler::feedFinished);
    QSignalSpy all(&scheduler, &FetchScheduler::allFinished);

    QList<FetchRequest> list = requests(server, {QStringLiteral("/ok"), QStringLiteral("/busy")});
    list[0].refreshIntervalSeconds = 600;
    list[0].ttlSeconds = 1200;
    list[0].previousFailures = 2; // a success resets it
    list[1].refreshIntervalSeconds = 600;
    list[1].previousFailures = 3; // stored by an earlier run
    const QDateTime before = QDateTime::currentDateTimeUtc();
    scheduler.enqueue(list);
    QVERIFY(all.wait(10000));
    const QDateTime after = QDateTime::currentDateTimeUtc();

    QCOMPARE(finished.size(), 2);
    for (const QList<QVariant> &arguments : std::as_const(finished)) {
        const auto result = arguments.at(0).value<FetchResult>();
        const QDateTime next = arguments.at(1).toDateTime();
        // ttl for the feed that worked; 600 s doubled three times for its fourth failure.
        const qint64 wait = result.feedId == 1 ? 1200 : 600 * 8;
        QVERIFY2(next >= before.addSecs(wait) && next <= after.addSecs(wait),
                 qPrintable(next.toString(Qt::ISODate)));
    }
    QCOMPARE(scheduler.consecutiveFailures(1), 0);
    QCOMPARE(scheduler.consecutiveFailures(2), 4);
}

QTEST_GUILESS_MAIN(TestFetchScheduler)
#include "tst_fetchscheduler.moc"
