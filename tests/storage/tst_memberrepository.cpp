// Tests MemberRepository's saves: the row version keeps two editors from overwriting each other.
#include "communitywriter.h"
#include "memberrepository.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QTest>

class tst_MemberRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void notesAreSavedOverTheVersionRead();
    void secondEditorGetsAConflict();
    void deletedMemberIsAConflictToo();

private:
    qint64 addMember();

    std::unique_ptr<TestDatabase> m_db;
};

void tst_MemberRepository::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_MemberRepository::cleanup()
{
    m_db.reset();
}

qint64 tst_MemberRepository::addMember()
{
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("manual");
    batch.sourceName = QStringLiteral("Team");
    ImportMember member;
    member.identity.displayName = QStringLiteral("Ada Lovelace");
    member.identity.handle = QStringLiteral("ada");
    batch.members << member;
    CommunityWriter(m_db->connectionName()).write(batch);
    return m_db->scalar(QStringLiteral("SELECT id FROM members")).toLongLong();
}

void tst_MemberRepository::notesAreSavedOverTheVersionRead()
{
    const qint64 id = addMember();
    MemberRepository repository(m_db->connectionName());
    const MemberRepository::Detail before = repository.detail(id);
    QVERIFY(before.rowVersion > 0);
    const qint64 version = repository.updateNotes(id,
                                                  QStringLiteral("Runs the Lisbon meetup"),
                                                  before.rowVersion);
    QCOMPARE(version, before.rowVersion + 1);
    const MemberRepository::Detail after = repository.detail(id);
    QCOMPARE(after.notes, QStringLiteral("Runs the Lisbon meetup"));
    QCOMPARE(after.rowVersion, version);
}

void tst_MemberRepository::secondEditorGetsAConflict()
{
    const qint64 id = addMember();
    // Two people (two connections) open the same member.
    Database other(m_db->database().location());
    other.open();
    MemberRepository mine(m_db->connectionName());
    MemberRepository theirs(other.connectionName());
    const qint64 myVersion = mine.detail(id).rowVersion;
    const qint64 theirVersion = theirs.detail(id).rowVersion;

    theirs.updateNotes(id, QStringLiteral("Their notes"), theirVersion);
    QVERIFY_THROWS_EXCEPTION(ConcurrentChangeError,
                             mine.updateNotes(id, QStringLiteral("My notes"), myVersion));
    QCOMPARE(mine.detail(id).notes, QStringLiteral("Their notes"));

    // After a reload the second editor saves over the new version.
    const MemberRepository::Detail reloaded = mine.detail(id);
    mine.updateNotes(id, QStringLiteral("My notes"), reloaded.rowVersion);
    QCOMPARE(theirs.detail(id).notes, QStringLiteral("My notes"));
}

void tst_MemberRepository::deletedMemberIsAConflictToo()
{
    const qint64 id = addMember();
    MemberRepository repository(m_db->connectionName());
    const qint64 version = repository.detail(id).rowVersion;
    (void) m_db->scalar(QStringLiteral("DELETE FROM members WHERE id = ?"), {id});
    try {
        repository.updateNotes(id, QStringLiteral("Too late"), version);
        QFAIL("Saving a deleted member succeeded");
    } catch (const ConcurrentChangeError &error) {
        QVERIFY2(error.message().contains(QLatin1String("deleted")), qPrintable(error.message()));
    }
}

QTEST_GUILESS_MAIN(tst_MemberRepository)
#include "tst_memberrepository.moc"
