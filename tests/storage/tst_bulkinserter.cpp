// Tests BulkInserter on both backends: the database's own fast path is used, every kind of value
// comes back as written, and a failed flush leaves nothing behind once the transaction rolls back.
#include "bulkinserter.h"
#include "bulkwritequeue.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"
#include "transaction.h"

#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>

namespace {

// The columns most tests write: a discussion without an address.
QStringList discussionColumns()
{
    return {QStringLiteral("source_id"),
            QStringLiteral("external_id"),
            QStringLiteral("title"),
            QStringLiteral("created_at")};
}

} // namespace

class tst_BulkInserter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void usesTheDatabasesOwnPath();
    void valuesComeBackAsWritten_data();
    void valuesComeBackAsWritten();
    void manyRowsInOneFlush();
    void failedFlushRollsBack();
    void clearForgetsRows();
    void queueRunsFlushesInOrder();
    void queueReportsTheFirstFailure();
    void queuedFlushesWriteTheRows();

private:
    [[nodiscard]] qint64 sourceId();

    std::unique_ptr<TestDatabase> m_db;
};

void tst_BulkInserter::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_BulkInserter::cleanup()
{
    m_db.reset();
}

qint64 tst_BulkInserter::sourceId()
{
    SqlQuery(m_db->connectionName(),
             QStringLiteral(
                 "INSERT INTO sources (kind, name, created_at) VALUES ('manual', 's', 0)"))
        .exec();
    return m_db->scalar(QStringLiteral("SELECT id FROM sources WHERE name = 's'")).toLongLong();
}

void tst_BulkInserter::usesTheDatabasesOwnPath()
{
    QCOMPARE(BulkInserter::methodFor(m_db->connectionName()),
             TestDatabase::usesPostgreSql() ? BulkInserter::Method::PostgreSqlCopy
                                            : BulkInserter::Method::SqliteInterface);
}

void tst_BulkInserter::valuesComeBackAsWritten_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("hello");
    QTest::newRow("empty") << QString();
    QTest::newRow("tabs and line breaks") << QStringLiteral("a\tb\nc\r\nd");
    QTest::newRow("backslashes") << QStringLiteral("C:\\path\\N \\. \\\\");
    QTest::newRow("copy markers") << QStringLiteral("\\N");
    QTest::newRow("non-ASCII") << QStringLiteral("Zoë 🎉 日本語 \u00a0non-breaking");
    QTest::newRow("long") << QString(100000, QLatin1Char('x'));
}

void tst_BulkInserter::valuesComeBackAsWritten()
{
    QFETCH(QString, text);
    const qint64 source = sourceId();
    Transaction transaction(m_db->connectionName());
    BulkInserter rows(m_db->connectionName(),
                      QStringLiteral("discussions"),
                      {QStringLiteral("source_id"),
                       QStringLiteral("external_id"),
                       QStringLiteral("title"),
                       QStringLiteral("url"),
                       QStringLiteral("created_at")});
    rows.add(source)
        .add(QStringLiteral("with-url"))
        .add(text)
        .addTextOrNull(QStringLiteral("https://example.org/?a=1\tb"))
        .add(Q_INT64_C(4102444800123));
    rows.add(source).add(QStringLiteral("without-url")).add(text).addNull().add(-5);
    QCOMPARE(rows.rowCount(), 2);
    rows.flush();
    QCOMPARE(rows.rowCount(), 0);
    transaction.commit();

    QCOMPARE(m_db->scalar(QStringLiteral("SELECT title FROM discussions WHERE external_id = "
                                         "'with-url'"))
                 .toString(),
             text.isNull() ? QStringLiteral("") : text);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT url FROM discussions WHERE external_id = "
                                         "'with-url'"))
                 .toString(),
             QStringLiteral("https://example.org/?a=1\tb"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT created_at FROM discussions WHERE external_id = "
                                         "'with-url'"))
                 .toLongLong(),
             Q_INT64_C(4102444800123));
    QVERIFY(m_db->scalar(QStringLiteral("SELECT url FROM discussions WHERE external_id = "
                                        "'without-url'"))
                .isNull());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT created_at FROM discussions WHERE external_id = "
                                         "'without-url'"))
                 .toLongLong(),
             -5);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions WHERE title = ?"),
                         {text.isNull() ? QStringLiteral("") : text}),
             2);
}

void tst_BulkInserter::manyRowsInOneFlush()
{
    // More than one piece of a COPY (about a megabyte each).
    const qint64 source = sourceId();
    constexpr int count = 30000;
    Transaction transaction(m_db->connectionName());
    BulkInserter rows(m_db->connectionName(), QStringLiteral("discussions"), discussionColumns());
    for (int i = 0; i < count; ++i)
        rows.add(source).add(QString::number(i)).add(QString(40, QLatin1Char('t'))).add(i);
    rows.flush();
    transaction.commit();
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), count);
    QCOMPARE(m_db->count(QStringLiteral("SELECT SUM(created_at) FROM discussions")),
             qint64(count) * (count - 1) / 2);
}

void tst_BulkInserter::failedFlushRollsBack()
{
    const qint64 source = sourceId();
    QString message;
    try {
        Transaction transaction(m_db->connectionName());
        BulkInserter rows(m_db->connectionName(),
                          QStringLiteral("discussions"),
                          discussionColumns());
        rows.add(source).add(QStringLiteral("a")).add(QStringLiteral("first")).add(1);
        rows.flush();
        // The same external id again breaks the unique key; a source that does not exist
        // breaks the foreign key.
        rows.add(source).add(QStringLiteral("b")).add(QStringLiteral("second")).add(2);
        rows.add(source).add(QStringLiteral("a")).add(QStringLiteral("again")).add(3);
        rows.flush();
        transaction.commit();
    } catch (const StorageError &error) {
        message = error.message();
    }
    QVERIFY2(message.contains(QLatin1String("discussions")), qPrintable(message));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 0);

    // The connection works on: the next transaction stores its rows.
    Transaction transaction(m_db->connectionName());
    BulkInserter rows(m_db->connectionName(), QStringLiteral("discussions"), discussionColumns());
    rows.add(source).add(QStringLiteral("c")).add(QStringLiteral("third")).add(4);
    rows.flush();
    SqlQuery(m_db->connectionName(),
             QStringLiteral("UPDATE discussions SET title = 'changed' WHERE external_id = 'c'"))
        .exec();
    transaction.commit();
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT title FROM discussions")).toString(),
             QStringLiteral("changed"));

    // A missing parent fails too.
    bool failed = false;
    try {
        Transaction broken(m_db->connectionName());
        BulkInserter orphans(m_db->connectionName(),
                             QStringLiteral("discussions"),
                             discussionColumns());
        orphans.add(source + 1000).add(QStringLiteral("d")).add(QStringLiteral("x")).add(5);
        orphans.flush();
        broken.commit();
    } catch (const StorageError &) {
        failed = true;
    }
    QVERIFY(failed);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 1);
}

void tst_BulkInserter::clearForgetsRows()
{
    const qint64 source = sourceId();
    BulkInserter rows(m_db->connectionName(), QStringLiteral("discussions"), discussionColumns());
    rows.add(source).add(QStringLiteral("a")).add(QStringLiteral("t")).add(1);
    rows.clear();
    QCOMPARE(rows.rowCount(), 0);
    rows.flush();
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 0);
}

void tst_BulkInserter::queueRunsFlushesInOrder()
{
    BulkWriteQueue queue;
    std::vector<int> order;
    for (int i = 0; i < 50; ++i) {
        queue.post([&order, i] {
            // Slow enough that later posts queue up behind it.
            if (i % 10 == 0)
                QThread::msleep(5);
            order.push_back(i);
        });
    }
    queue.wait();
    QCOMPARE(order.size(), size_t(50));
    QVERIFY(std::is_sorted(order.begin(), order.end()));
}

void tst_BulkInserter::queueReportsTheFirstFailure()
{
    BulkWriteQueue queue;
    std::atomic<int> ran = 0;
    queue.post([&ran] { ++ran; });
    queue.post([] { throw StorageError(QStringLiteral("first")); });
    queue.post([] { throw StorageError(QStringLiteral("second")); });
    queue.post([&ran] { ++ran; });
    QString message;
    try {
        queue.wait();
    } catch (const StorageError &error) {
        message = error.message();
    }
    QCOMPARE(message, QStringLiteral("first"));
    QCOMPARE(ran.load(), 1); // what came after the failure was dropped
    // Reported once; the queue works on.
    queue.post([&ran] { ++ran; });
    queue.wait();
    QCOMPARE(ran.load(), 2);

    // abandon() forgets a failure.
    queue.post([] { throw StorageError(QStringLiteral("third")); });
    queue.abandon();
    queue.wait();
}

void tst_BulkInserter::queuedFlushesWriteTheRows()
{
    const qint64 source = sourceId();
    BulkWriteQueue queue;
    Transaction transaction(m_db->connectionName());
    BulkInserter rows(m_db->connectionName(), QStringLiteral("discussions"), discussionColumns());
    rows.setQueue(&queue);
    for (int flush = 0; flush < 5; ++flush) {
        for (int i = 0; i < 1000; ++i) {
            rows.add(source)
                .add(QStringLiteral("%1-%2").arg(flush).arg(i))
                .add(QStringLiteral("title"))
                .add(i);
        }
        rows.flush();
        QCOMPARE(rows.rowCount(), 0);
    }
    queue.wait();
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")), 5000);

    // A duplicate fails at the wait, and the transaction then rolls back.
    rows.add(source).add(QStringLiteral("0-0")).add(QStringLiteral("again")).add(1);
    rows.flush();
    QVERIFY_THROWS_EXCEPTION(StorageError, queue.wait());
}

QTEST_GUILESS_MAIN(tst_BulkInserter)
#include "tst_bulkinserter.moc"
