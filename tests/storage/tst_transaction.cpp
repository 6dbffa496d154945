// Tests Transaction: commit, rollback, flat nesting and the rollback counter.
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"
#include "transaction.h"

#include <QTest>

class tst_Transaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void commitKeepsChanges();
    void leavingWithoutCommitRollsBack();
    void innerCommitJoinsOuter();
    void failedInnerDoomsOuter();
    void rollbackCountGrowsOnlyOnRollback();

private:
    void insertSource(const QString &name);
    [[nodiscard]] qint64 sources() const;

    std::unique_ptr<TestDatabase> m_db;
};

void tst_Transaction::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_Transaction::cleanup()
{
    m_db.reset();
}

void tst_Transaction::insertSource(const QString &name)
{
    SqlQuery(m_db->connectionName(),
             QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES ('manual', ?, 0)"))
        .bind(name)
        .exec();
}

qint64 tst_Transaction::sources() const
{
    return m_db->count(QStringLiteral("SELECT COUNT(*) FROM sources"));
}

void tst_Transaction::commitKeepsChanges()
{
    Transaction transaction(m_db->connectionName());
    insertSource(QStringLiteral("a"));
    transaction.commit();
    QCOMPARE(sources(), 1);
}

void tst_Transaction::leavingWithoutCommitRollsBack()
{
    {
        Transaction transaction(m_db->connectionName());
        insertSource(QStringLiteral("a"));
        QCOMPARE(sources(), 1);
    }
    QCOMPARE(sources(), 0);
}

void tst_Transaction::innerCommitJoinsOuter()
{
    {
        Transaction outer(m_db->connectionName());
        {
            Transaction inner(m_db->connectionName());
            insertSource(QStringLiteral("a"));
            inner.commit();
        }
        insertSource(QStringLiteral("b"));
        // Not committed: the inner work goes too.
    }
    QCOMPARE(sources(), 0);

    Transaction outer(m_db->connectionName());
    {
        Transaction inner(m_db->connectionName());
        insertSource(QStringLiteral("a"));
        inner.commit();
    }
    outer.commit();
    QCOMPARE(sources(), 1);
}

void tst_Transaction::failedInnerDoomsOuter()
{
    {
        Transaction outer(m_db->connectionName());
        insertSource(QStringLiteral("a"));
        try {
            Transaction inner(m_db->connectionName());
            insertSource(QStringLiteral("b"));
            throw StorageError(QStringLiteral("a step failed"));
        } catch (const StorageError &) {
        }
        QVERIFY_THROWS_EXCEPTION(StorageError, outer.commit());
    }
    QCOMPARE(sources(), 0);

    // The next transaction starts clean.
    Transaction next(m_db->connectionName());
    insertSource(QStringLiteral("c"));
    next.commit();
    QCOMPARE(sources(), 1);
}

void tst_Transaction::rollbackCountGrowsOnlyOnRollback()
{
    const QString name = m_db->connectionName();
    const quint64 before = Transaction::rollbackCount(name);
    {
        Transaction committed(name);
        insertSource(QStringLiteral("a"));
        committed.commit();
    }
    QCOMPARE(Transaction::rollbackCount(name), before);
    {
        Transaction outer(name);
        Transaction inner(name);
        inner.commit();
    }
    QCOMPARE(Transaction::rollbackCount(name), before + 1);
}

QTEST_GUILESS_MAIN(tst_Transaction)
#include "tst_transaction.moc"
