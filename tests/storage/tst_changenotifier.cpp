// Tests ChangeNotifier: a change made on another connection reaches this one, our own do not.
#include "changenotifier.h"
#include "communitywriter.h"
#include "database.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

class tst_ChangeNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void otherConnectionsChangesArrive();
    void ownChangesAreNotReported();

private:
    static ImportBatch oneMember(const QString &handle);

    std::unique_ptr<TestDatabase> m_db;
};

void tst_ChangeNotifier::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_ChangeNotifier::cleanup()
{
    m_db.reset();
}

ImportBatch tst_ChangeNotifier::oneMember(const QString &handle)
{
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("manual");
    batch.sourceName = QStringLiteral("Team");
    ImportMember member;
    member.identity.displayName = handle;
    member.identity.handle = handle;
    batch.members << member;
    return batch;
}

void tst_ChangeNotifier::otherConnectionsChangesArrive()
{
    ChangeNotifier notifier(m_db->database());
    QCOMPARE(notifier.usesServerNotifications(), TestDatabase::usesPostgreSql());
    notifier.setPollInterval(50);
    notifier.setQuietPeriod(50);
    QSignalSpy spy(&notifier, &ChangeNotifier::changed);

    // A second window on the same database: its own Database, its own connection.
    Database other(m_db->database().location());
    other.open();
    CommunityWriter(other.connectionName()).write(oneMember(QStringLiteral("ada")));

    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 5000);
    const QStringList tables = spy.at(0).at(0).toStringList();
    if (notifier.usesServerNotifications()) {
        QVERIFY2(tables.contains(QLatin1String("members")), qPrintable(tables.join(u',')));
        QVERIFY(tables.contains(QLatin1String("identities")));
    } else {
        QVERIFY(tables.isEmpty()); // SQLite only knows that something changed
    }

    // Several changes in a row arrive as one signal.
    CommunityWriter writer(other.connectionName());
    writer.write(oneMember(QStringLiteral("grace")));
    writer.write(oneMember(QStringLiteral("linus")));
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 5000);
    QTest::qWait(300);
    QCOMPARE(spy.size(), 2);
}

void tst_ChangeNotifier::ownChangesAreNotReported()
{
    ChangeNotifier notifier(m_db->database());
    notifier.setPollInterval(50);
    notifier.setQuietPeriod(50);
    QSignalSpy spy(&notifier, &ChangeNotifier::changed);
    CommunityWriter(m_db->connectionName()).write(oneMember(QStringLiteral("ada")));
    QTest::qWait(500);
    QCOMPARE(spy.size(), 0);
}

QTEST_GUILESS_MAIN(tst_ChangeNotifier)
#include "tst_changenotifier.moc"
