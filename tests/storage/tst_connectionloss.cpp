// Tests what happens when the PostgreSQL session ends mid-work (the server stopped or the
// network dropped): a clear ConnectionLostError, nothing half-written, and reconnect() works.
#include "communitywriter.h"
#include "memberrepository.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QTest>

class tst_ConnectionLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lostConnectionIsReportedAndReconnects();
    void writeDuringLossStoresNothing();

private:
    // Ends the session behind the test database's connection, as a server restart would.
    void endSession();

    std::unique_ptr<TestDatabase> m_db;
};

void tst_ConnectionLoss::init()
{
    QVERIFY2(TestDatabase::usesPostgreSql(), "run with WATERCOOLER_TEST_BACKEND=postgresql");
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("manual");
    batch.sourceName = QStringLiteral("Team");
    ImportMember member;
    member.identity.displayName = QStringLiteral("Ada Lovelace");
    member.identity.handle = QStringLiteral("ada");
    batch.members << member;
    CommunityWriter(m_db->connectionName()).write(batch);
}

void tst_ConnectionLoss::cleanup()
{
    m_db.reset();
}

void tst_ConnectionLoss::endSession()
{
    const qint64 pid = m_db->scalar(QStringLiteral("SELECT pg_backend_pid()")).toLongLong();
    Database admin(m_db->database().location());
    admin.open();
    SqlQuery terminate(admin.connectionName(), QStringLiteral("SELECT pg_terminate_backend(?)"));
    QVERIFY(terminate.bind(pid).scalar().toBool());
}

void tst_ConnectionLoss::lostConnectionIsReportedAndReconnects()
{
    endSession();
    MemberRepository repository(m_db->connectionName());
    try {
        (void) repository.count();
        QFAIL("A query on a lost connection succeeded");
    } catch (const ConnectionLostError &error) {
        QVERIFY2(error.message().contains(QLatin1String("lost")), qPrintable(error.message()));
    }
    m_db->database().reconnect();
    QCOMPARE(MemberRepository(m_db->connectionName()).count(), 1);
}

void tst_ConnectionLoss::writeDuringLossStoresNothing()
{
    const qint64 id = m_db->scalar(QStringLiteral("SELECT id FROM members")).toLongLong();
    MemberRepository repository(m_db->connectionName());
    const MemberRepository::Detail detail = repository.detail(id);
    endSession();
    QVERIFY_THROWS_EXCEPTION(ConnectionLostError,
                             repository.updateNotes(id,
                                                    QStringLiteral("Unsaved"),
                                                    detail.rowVersion));
    m_db->database().reconnect();
    MemberRepository again(m_db->connectionName());
    QCOMPARE(again.detail(id).notes, QString());
    // The edit the user kept can be saved now.
    again.updateNotes(id, QStringLiteral("Unsaved"), detail.rowVersion);
    QCOMPARE(again.detail(id).notes, QStringLiteral("Unsaved"));
}

QTEST_GUILESS_MAIN(tst_ConnectionLoss)
#include "tst_connectionloss.moc"
